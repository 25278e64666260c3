"""The checks a built package must pass, used by ``datapkg validate`` and by the build.

Vectorised Arrow checks (``table_rules``, ``text_rules``, ``key_rules``, run by ``run``)
and the published Pandera schemas (``pandera_schemas``) are both generated from the one
constraint declaration in :mod:`datapkg.schema.constraints`.
"""
