"""Pandas dtypes from Table Schema field types: how schema types drive parsing.

Text is pandas ``string``, integers nullable ``Int64``, numbers ``Float64``,
dates ``datetime64[s]``, enum fields categoricals whose categories keep the
schema's order and list fields Arrow-backed lists, so no column comes back as ``object``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from datapkg._errors import ValidationError
from datapkg._parquet_schema import enum_indices

_ARROW_TO_PANDAS: dict[pa.DataType, Any] = {
    pa.string(): pd.StringDtype(),
    pa.large_string(): pd.StringDtype(),
    pa.int64(): pd.Int64Dtype(),
    pa.float64(): pd.Float64Dtype(),
    pa.bool_(): pd.BooleanDtype(),
}


def _mapped(type: pa.DataType) -> Any:
    if pa.types.is_list(type):
        return pd.ArrowDtype(type)  # a list column, not object
    return _ARROW_TO_PANDAS.get(type)


def pandas_dtype(field: dict[str, Any], *, categorical: bool = True) -> Any:
    """The dtype a column of this Table Schema field loads as."""
    kind = field["type"]
    if kind == "list":
        item = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64()}[
            field.get("itemType", "string")
        ]
        return pd.ArrowDtype(pa.list_(item))
    enum = field.get("constraints", {}).get("enum")
    if kind == "string":
        return pd.CategoricalDtype(enum) if (enum and categorical) else pd.StringDtype()
    if kind == "integer":
        return pd.Int64Dtype()
    if kind == "number":
        return pd.Float64Dtype()
    if kind == "boolean":
        return pd.BooleanDtype()
    if kind == "date":
        return np.dtype("datetime64[s]")
    raise ValueError(f"unsupported Table Schema type {kind!r} for field {field['name']!r}")


def _column_index(table: pa.Table, name: str, source: object) -> int:
    index: int = table.schema.get_field_index(name)
    if index < 0:  # missing, or named twice
        found = table.schema.get_all_field_indices(name)
        raise ValidationError([f"{source}: expected one column {name!r}, found {len(found)}"])
    return index


def _typed_in_arrow(table: pa.Table, schema: dict[str, Any], categorical: bool, source: object) -> pa.Table:
    """Enum columns as dictionaries whose dictionary is the enum in schema order, dates as
    second timestamps: pandas then builds categoricals and datetime64[s] directly, which is
    cheaper than converting the columns after. A value outside its enum raises instead of
    becoming a missing value."""
    for field in schema["fields"]:
        name = field["name"]
        enum = field.get("constraints", {}).get("enum")
        index = _column_index(table, name, source)
        column = table.column(index)
        if field["type"] == "string" and enum and categorical:
            dictionary = pa.array(enum, pa.string())
            indices = enum_indices(column, enum, source, name).cast(pa.int32())
            chunks = [pa.DictionaryArray.from_arrays(c, dictionary) for c in indices.chunks]
            table = table.set_column(
                index, name, pa.chunked_array(chunks, pa.dictionary(pa.int32(), pa.string()))
            )
        elif enum and categorical:  # an enum stored in another type is refused, not loaded
            enum_indices(column, enum, source, name)
        elif field["type"] == "date" and pa.types.is_date32(column.type):
            table = table.set_column(index, name, column.cast(pa.timestamp("s")))
    return table


def arrow_to_pandas(
    table: pa.Table, schema: dict[str, Any], *, categorical: bool = True, source: object = "the table"
) -> pd.DataFrame:
    """Convert an Arrow table to pandas with the dtypes its Table Schema prescribes; with
    ``categorical``, a value outside its field's enum raises ValidationError naming ``source``."""
    table = _typed_in_arrow(table, schema, categorical, source)
    frame: pd.DataFrame = table.to_pandas(types_mapper=_mapped, date_as_object=False)
    for field in schema["fields"]:
        name = field["name"]
        dtype = pandas_dtype(field, categorical=categorical)
        if frame[name].dtype != dtype:
            frame[name] = frame[name].astype(dtype)
    return frame
