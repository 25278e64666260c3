"""The release bundle's ``README.md``: a dataset card the Hugging Face Hub reads as it is.

Its front matter is the Hub's dataset-card metadata: the data's licence, the languages of
the texts (the sources' and English, the language of every description and rendering),
the keywords as tags, a size category, and ``configs``: one per table, named after it and
pointing at its Parquet file, so ``datasets.load_dataset(<bundle folder>, "<table>")`` loads
it. The body is the README's "What this is", then the tables, how to load them, the files,
the licence and the citation, all from the descriptor the bundle ships.

The YAML is written by hand, every string as a JSON string (which YAML reads as it is), so
no quoting rule of YAML can change a value.
"""

from __future__ import annotations

import json
import re
from typing import Any

_SIZES = ((1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M"))
DEFAULT_CONFIG = "events"
"""The table ``load_dataset(folder)`` gives without a config name: readers count events."""
FIGURES = ("timeline.svg", "timeline.png")
"""Files of ``docs/`` the card's text shows, shipped beside it."""


def _size_category(rows: int) -> str:
    return next((label for limit, label in _SIZES if rows < limit), "1M<n<10M")


def _data_licence(descriptor: dict[str, Any]) -> str:
    licences = descriptor.get("licenses", [])
    data = [lic for lic in licences if lic.get("x-scope") == "data"] or licences
    return str(data[0]["name"]).lower() if data else "other"


def _front_matter(descriptor: dict[str, Any], languages: list[str], rows: dict[str, int]) -> list[str]:
    def q(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)

    lines = ["---", f"pretty_name: {q(descriptor['title'])}", f"license: {q(_data_licence(descriptor))}"]
    lines += ["language:", *(f"- {q(lang)}" for lang in languages)]
    lines += ["tags:", *(f"- {q(tag)}" for tag in descriptor.get("keywords", []))]
    lines += ["size_categories:", f"- {q(_size_category(max(rows.values(), default=0)))}"]
    lines += ["configs:"]
    for resource in descriptor["resources"]:
        lines += [
            f"- config_name: {q(resource['name'])}",
            f"  data_files: {q(resource['x-parquet']['path'])}",
        ]
        if resource["name"] == DEFAULT_CONFIG:
            lines.append("  default: true")
    return [*lines, "---"]


def what_this_is(readme: str) -> str:
    """The README's "What this is" section, its figure links pointing at the copies beside the card."""
    match = re.search(r"^## What this is\n(.*?)(?=^## )", readme, re.S | re.M)
    if match is None:
        raise ValueError("README.md has no section `## What this is`")
    text = match.group(1).strip()
    for name in FIGURES:
        text = text.replace(f"(docs/{name})", f"({name})")
    # Other links into the repository lead nowhere from a bundle: their text stays, unlinked.
    return re.sub(r"(?<!!)\[([^\]]+)\]\((?!https?://|#|timeline\.)[^)]*\)", r"\1", text)


def _tables(descriptor: dict[str, Any], rows: dict[str, int]) -> list[str]:
    lines = ["| table (config) | rows | what one row is |", "|---|---:|---|"]
    for resource in descriptor["resources"]:
        name = resource["name"]
        lines.append(f"| `{name}` | {rows.get(name, 0):,} | {resource.get('description', '')} |")
    return lines


def _loading(descriptor: dict[str, Any], wheel: str) -> list[str]:
    first = descriptor["resources"][0]["name"]
    return [
        "```python", "import datasets", "",
        f'table = datasets.load_dataset("path/to/this/folder", "{first}")["train"]',
        "```", "",
        f"With the Python package (`pip install {wheel}`), every table loads typed, offline:", "",
        "```python", "import datapkg", "", f'frame = datapkg.load("{first}")  # pandas; polars, pyarrow too',
        "```",
    ]  # fmt: skip


def card_text(
    readme: str, descriptor: dict[str, Any], rows: dict[str, int], wheel: str, source_languages: set[str]
) -> str:
    """The card of one release: ``descriptor`` is the bundle's, ``rows`` its tables' row counts."""
    # The Hub knows languages, not regions: "de-CH" is German.
    languages = sorted({*(lang.split("-")[0] for lang in source_languages), "en"})
    files = [
        "- `<table>.parquet` and `<table>.csv`: every table, typed (Parquet) and as text (CSV)",
        "- `datapackage.json`: the Frictionless descriptor (schemas, keys, code meanings, hashes)",
        "- `croissant.json`: the same as Croissant metadata",
        "- `timeline.svg`, `timeline.png`: the figure above",
        "- `diff.json`: what changed since the previous release, row by row, with reasons",
        f"- `{wheel}`: the Python package with the data inside",
        "- `SHA256SUMS`: the SHA-256 of every file but itself and the zip, which holds them all",
    ]
    body = [
        f"# {descriptor['title']}", "", f"Version {descriptor['version']}.", "",
        "## What this is", "", what_this_is(readme), "", "## Tables", "", *_tables(descriptor, rows), "",
        "## Loading", "", *_loading(descriptor, wheel), "", "## Files", "", *files, "",
        "## Licence", "",
        *(f"- {lic.get('title', lic['name'])}: {lic.get('path', '')}" for lic in descriptor["licenses"]),
        "", "## Citation", "", descriptor.get("x-citation", ""),
    ]  # fmt: skip
    return "\n".join([*_front_matter(descriptor, languages, rows), "", *body]) + "\n"
