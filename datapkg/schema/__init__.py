"""What the schema files declare, read at run time: field specs, Arrow types and the
constraint declaration that both the vectorised checks and the Pandera schemas follow."""
