"""Build time: turns the inputs under ``build/`` into the published files.

Data flows one way, in named stages (``pipeline``): read inputs (``inputs/``) ->
records -> assemble tables -> check (with the runtime checks) -> stage -> write
(``outputs/``). The runtime part of the package (loader, validation, checks) never
imports anything from here.
"""
