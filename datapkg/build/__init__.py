"""Build code: turns the inputs under ``build/`` into the published tables.

Data flows one way: source texts -> curated records -> tables -> checks -> files.
Nothing here is imported by the loader (``import datapkg`` stays light).
"""
