"""Reading the build inputs: source texts and metadata, curated YAML, bulk Parquet."""
