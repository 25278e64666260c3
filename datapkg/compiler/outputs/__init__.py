"""Writing the outputs: table files, descriptors, data dictionary, release registry and bundle."""
