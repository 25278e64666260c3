"""Arrow arrays and scalars built from NumPy buffers rather than converted from
Python objects.

pyarrow imports pandas the first time it converts a Python object (``pa.array``,
``pa.scalar``, or a Python literal handed to a compute function). That import
costs a validation run more than checking 100,000 rows, and ``datapkg validate``
needs nothing else from pandas, so the checks build the constants they compare
with here. A test keeps validation free of pandas.

>>> values(["more_than", "at_least"], pa.string()).to_pylist()
['more_than', 'at_least']
>>> lit(3).type, lit("vague").as_py(), lit(dt.date(2024, 6, 19)).as_py()
(DataType(int64), 'vague', datetime.date(2024, 6, 19))
>>> optional_values(["a", None], pa.string()).to_pylist(), numbers(values([2, 5], pa.int64()), 0).tolist()
(['a', None], [2, 5])
>>> flags(optional_values([True, None, False], pa.bool_())).tolist()
[True, False, False]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

_EPOCH = dt.date(1970, 1, 1)
_NUMERIC = {
    pa.uint8(): np.uint8,
    pa.int8(): np.int8,
    pa.int16(): np.int16,
    pa.int32(): np.int32,
    pa.int64(): np.int64,
    pa.float32(): np.float32,
    pa.float64(): np.float64,
}


def values(items: Sequence[Any] | np.ndarray, type: pa.DataType) -> pa.Array:
    """A non-null array of ``type`` (string, boolean, date32 or a NumPy numeric type)."""
    n = len(items)
    if pa.types.is_string(type):
        encoded = [str(v).encode() for v in items]
        offsets = np.cumsum([0, *map(len, encoded)], dtype=np.int32)
        buffers = [None, pa.py_buffer(offsets), pa.py_buffer(b"".join(encoded))]
    elif pa.types.is_boolean(type):
        bits = np.packbits(np.asarray(items, dtype=np.bool_), bitorder="little")
        buffers = [None, pa.py_buffer(bits)]
    elif pa.types.is_date32(type):
        days = np.asarray([(v - _EPOCH).days for v in items], dtype=np.int32)
        buffers = [None, pa.py_buffer(days)]
    elif type in _NUMERIC:
        buffers = [None, pa.py_buffer(np.asarray(items, dtype=_NUMERIC[type]))]
    else:
        raise TypeError(f"no buffer layout for {type}")
    return pa.Array.from_buffers(type, n, buffers)


def lit(value: Any, type: pa.DataType | None = None) -> pa.Scalar:
    """One scalar; its type follows the Python value unless given."""
    if type is None:
        if isinstance(value, bool):
            type = pa.bool_()
        elif isinstance(value, int):
            type = pa.int64()
        elif isinstance(value, float):
            type = pa.float64()
        elif isinstance(value, str):
            type = pa.string()
        elif isinstance(value, dt.date):
            type = pa.date32()
        else:
            raise TypeError(f"no Arrow type for {value!r}")
    return values([value], type)[0]


def numbers(column: pa.ChunkedArray | pa.Array, fill: int, dtype: type = np.int64) -> np.ndarray:
    """An integer, boolean or date column as a NumPy array of ``dtype`` (int64 or int32), nulls as
    ``fill`` (dates as days since 1970). Read from the Arrow buffer: ``to_numpy`` would import
    pandas."""
    arrow = pa.int32() if dtype == np.int32 else pa.int64()
    if pa.types.is_boolean(column.type) or pa.types.is_date32(column.type):
        column = pc.cast(column, pa.int32())
    filled = pc.fill_null(pc.cast(column, arrow), lit(fill, arrow))
    array = filled.combine_chunks() if isinstance(filled, pa.ChunkedArray) else filled
    if len(array) == 0:
        return np.zeros(0, dtype=dtype)
    width = arrow.bit_width // 8
    return np.frombuffer(array.buffers()[1], dtype=dtype, count=len(array), offset=array.offset * width)


def flags(column: pa.ChunkedArray | pa.Array) -> np.ndarray:
    """A boolean column as a NumPy bool array, nulls as false (a byte each, not eight)."""
    filled = pc.fill_null(pc.cast(column, pa.uint8()), lit(0, pa.uint8()))
    array = filled.combine_chunks() if isinstance(filled, pa.ChunkedArray) else filled
    if len(array) == 0:
        return np.zeros(0, dtype=bool)
    return np.frombuffer(array.buffers()[1], dtype=np.uint8, count=len(array), offset=array.offset).view(bool)


def optional_values(items: Sequence[Any], type: pa.DataType) -> pa.Array:
    """Like :func:`values`, where ``None`` items become nulls."""
    present = [v is not None for v in items]
    filler = {pa.string(): "", pa.date32(): _EPOCH, pa.bool_(): False}.get(type, 0)
    dense = values([filler if v is None else v for v in items], type)
    if all(present):
        return dense
    validity = pa.py_buffer(np.packbits(np.asarray(present, dtype=np.bool_), bitorder="little"))
    return pa.Array.from_buffers(type, len(items), [validity, *dense.buffers()[1:]])
