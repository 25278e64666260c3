"""Croissant metadata (MLCommons Croissant 1.1), generated from the inputs of the Frictionless
descriptor: the package metadata (``build/package.yaml``), the expanded schemas, the version and
the sizes and hashes of the built files. Google Dataset Search, the Hugging Face Hub and Kaggle read
it; ``mlcroissant`` validates it and loads every table from it (``tests/test_croissant.py``).

Every data file is a ``cr:FileObject`` whose ``contentUrl`` is its path relative to the
``croissant.json`` that lists it: two copies are written, as for the descriptor (the root one with
paths from the repository root, ``datapkg/data/croissant.json`` beside the files, which the wheel
and a release bundle ship). It is not a resource of the descriptor, and the descriptor does not
list it: it describes the data files, it is not one.

Each table is a ``cr:RecordSet`` whose fields read their columns from the table's Parquet file,
which keeps the types (the CSV twin is listed too). Mappings where the two standards differ:

- Table Schema types: string to ``sc:Text``, integer to ``sc:Integer``, number to ``sc:Float``,
  boolean to ``sc:Boolean``, date to ``sc:Date``, datetime to ``sc:DateTime``. A ``list`` field
  (a Parquet list column) is a field of its item type with ``isArray`` (Croissant 1.1), so readers
  get the items, not a delimited string.
- The primary key is the record set's ``key``; a foreign key into one other resource is the
  field's ``references``. A key into any of several resources (``x-foreignKeys``) has no
  Croissant form, and a key into the same table (``related_figure``) none that readers can
  follow (mlcroissant finds a cycle and reads no record): both are left to the descriptor.
- The dataset's ``name`` is the package title (what search pages show), its ``alternateName``
  the package name; ``license`` is the licence of the data (``x-scope: data``), not of the code.
- Contributors with the role ``author`` are the ``creator``s, written as organisations: the
  package metadata does not say whether a contributor is a person, and the one today is a group.
- ``homepage``, ``created`` and ``id`` of the package metadata, when given, are ``url``,
  ``datePublished`` (a version is published as it is built) and ``identifier``.
- Croissant asks for a semantic version: a PEP 440 pre-release or development version is written
  in its semantic-versioning form (``0.3.0.dev0`` as ``0.3.0-dev0``).
- Parquet's media type is ``application/x-parquet``, the one Croissant readers recognise (the
  descriptor uses the registered ``application/vnd.apache.parquet``).
"""

from __future__ import annotations

import json
import re
from typing import Any

from datapkg._names import RESOURCES, ResourceName
from datapkg.schema.specs import FieldSpec, TableSpec

CONFORMS_TO = "http://mlcommons.org/croissant/1.1"

# The standard Croissant 1.1 context, every key of it: readers (mlcroissant among them) warn about
# a context that differs from it, and an inline one needs no download.
CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "arrayShape": "cr:arrayShape",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "containedIn": "cr:containedIn",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "description": {"@container": "@language"},
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isArray": "cr:isArray",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "name": {"@container": "@language"},
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}

DATA_TYPES = {
    "string": "sc:Text",
    "integer": "sc:Integer",
    "number": "sc:Float",
    "boolean": "sc:Boolean",
    "date": "sc:Date",
    "datetime": "sc:DateTime",
}
ENCODING_FORMATS = {"csv": "text/csv", "parquet": "application/x-parquet"}
_PEP440_SUFFIX = re.compile(r"^(\d+\.\d+\.\d+)[.-]?((?:a|b|rc|dev|post)\d+)$")


def semantic_version(version: str) -> str:
    """``0.3.0`` as it is; ``0.3.0.dev0``, ``0.3.0rc1`` as ``0.3.0-dev0``, ``0.3.0-rc1``; a
    post-release as build metadata (``0.2.0.post1`` as ``0.2.0+post1``)."""
    m = _PEP440_SUFFIX.match(version)
    if m is None:
        return version
    joiner = "+" if m.group(2).startswith("post") else "-"
    return f"{m.group(1)}{joiner}{m.group(2)}"


def _file_object(fname: str, stats: dict[str, Any], prefix: str) -> dict[str, Any]:
    table, fmt = fname.rsplit(".", 1)
    return {
        "@type": "cr:FileObject",
        "@id": fname,
        "name": fname,
        "description": f"The table {table} as {'Parquet' if fmt == 'parquet' else 'CSV (UTF-8)'}.",
        "contentUrl": prefix + fname,
        "encodingFormat": ENCODING_FORMATS[fmt],
        "contentSize": f"{stats['bytes']} B",
        "sha256": stats["hash"].removeprefix("sha256:"),
    }


def _references(spec: TableSpec) -> dict[str, str]:
    """Each field that is a foreign key into one other resource: the @id of the field it names."""
    return {
        fk.field: f"{fk.resources[0]}/{fk.reference_field}"
        for fk in spec.foreign_keys
        if len(fk.resources) == 1 and fk.resources[0] != spec.name
    }


def _field(table: str, field: FieldSpec, references: dict[str, str]) -> dict[str, Any]:
    kind = field.item_type if field.type == "list" else field.type
    out: dict[str, Any] = {
        "@type": "cr:Field",
        "@id": f"{table}/{field.name}",
        "name": field.name,
        "description": field.descriptor.get("description", ""),
        "dataType": DATA_TYPES[kind],
    }
    if field.type == "list":
        out["isArray"] = True
        out["arrayShape"] = "-1"
    out["source"] = {"fileObject": {"@id": f"{table}.parquet"}, "extract": {"column": field.name}}
    if field.name in references:
        out["references"] = {"field": {"@id": references[field.name]}}
    return out


def _record_set(name: ResourceName, spec: TableSpec) -> dict[str, Any]:
    keys = [{"@id": f"{name}/{column}"} for column in spec.primary_key]
    references = _references(spec)
    return {
        "@type": "cr:RecordSet",
        "@id": name,
        "name": name,
        "description": spec.descriptor.get("description", ""),
        "key": keys[0] if len(keys) == 1 else keys,
        "field": [_field(name, f, references) for f in spec.fields],
    }


def _one_or_many(values: list[Any]) -> Any:
    return values[0] if len(values) == 1 else values


def _about(metadata: dict[str, Any], version: str) -> dict[str, Any]:
    """What the dataset is, who made it, under which licence and how to cite it."""
    data_licences = [lic for lic in metadata["licenses"] if lic.get("x-scope", "data") == "data"]
    authors = [c for c in metadata.get("contributors", []) if c.get("role") == "author"]
    creators = [
        {"@type": "sc:Organization", "name": c["title"], **({"url": c["path"]} if "path" in c else {})}
        for c in authors
    ]
    optional = {"keywords": "keywords", "homepage": "url", "created": "datePublished", "id": "identifier"}
    return {
        "name": metadata["title"],
        "alternateName": metadata["name"],
        "description": metadata["description"],
        "version": semantic_version(version),
        "license": _one_or_many([lic.get("path", lic.get("name")) for lic in data_licences]),
        "citeAs": metadata["citation"].format(version=version),
        **({"creator": _one_or_many(creators)} if creators else {}),
        **{ours: metadata[theirs] for theirs, ours in optional.items() if theirs in metadata},
    }


def build_croissant(
    metadata: dict[str, Any],
    version: str,
    specs: dict[ResourceName, TableSpec],
    stats: dict[str, dict[str, Any]],
    prefix: str,
) -> dict[str, Any]:
    """``stats`` maps file names (``troop_figures.csv``) to their ``bytes`` and ``hash``, as for the
    descriptor; ``prefix`` is prepended to every ``contentUrl``."""
    files = [f"{name}.{fmt}" for name in RESOURCES for fmt in ("parquet", "csv")]
    return {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": CONFORMS_TO,
        **_about(metadata, version),
        "distribution": [_file_object(fname, stats[fname], prefix) for fname in files],
        "recordSet": [_record_set(name, specs[name]) for name in RESOURCES],
    }


def croissant_bytes(croissant: dict[str, Any]) -> bytes:
    return (json.dumps(croissant, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
