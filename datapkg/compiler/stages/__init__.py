"""The build's stages, in the order ``compiler.pipeline`` runs them:
``read`` (inputs) -> ``tabulate`` (records and mentions into tables) -> ``check`` ->
``stage`` (files into a staging directory) -> ``write`` (into place)."""
