"""Curation helpers: ``datapkg add-source`` turns an article into a source (text and
metadata) and a draft of its records, which a curator reviews and confirms.

Modules: ``source_files`` (id scheme, text form, metadata file), ``sentences``,
``actor_names`` (who a span of text names), ``cues`` (claim status and attribution),
``candidates`` (draft records per table), ``draft_file`` (the YAML a curator edits),
``add_source`` (the command). Word lists live in ``lexicon``.
"""
