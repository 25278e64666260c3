"""Reading a file that a user names or a project holds, without trusting what it is.

A named pipe or a device where a records file, a schema or a text belongs would block
a command forever or feed it without end. Project inputs must be regular files;
every input is read up to a size far above any real one, and no further.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

MAX_INPUT_BYTES = 256 * 1024**2
"""The most one text, records, schema or metadata file may hold (articles are kilobytes)."""


class InputFileError(OSError):
    """An input that is not a regular file, or is too large; ``strerror`` says which."""


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "no regular file")


def read_limited(stream: BinaryIO, shown: str, limit: int = MAX_INPUT_BYTES) -> bytes:
    """Everything ``stream`` holds, or InputFileError once it holds more than ``limit`` bytes."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputFileError(errno.EFBIG, f"holds more than {limit:,} bytes, the most an input may", shown)
    return data


def regular_file(path: Path) -> None:
    """InputFileError unless ``path`` (symbolic links followed) is a regular file."""
    mode = os.stat(path).st_mode  # a stat never blocks, even on a pipe
    if not stat.S_ISREG(mode):
        raise InputFileError(errno.EINVAL, f"is {_kind(mode)}; expected a regular file", str(path))


def read_input(path: Path, *, regular: bool = True, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of ``path``: a regular file (or, when ``regular`` is false, also a pipe a
    user names on purpose, such as ``<(…)``) of at most ``limit`` bytes."""
    # Opened without blocking, so a pipe nobody writes to is found out instead of waited on.
    flags = os.O_RDONLY | (getattr(os, "O_NONBLOCK", 0) if regular else 0)
    fd = os.open(path, flags)
    mode = os.fstat(fd).st_mode
    if stat.S_ISDIR(mode) or (regular and not stat.S_ISREG(mode)):
        os.close(fd)
        raise InputFileError(errno.EINVAL, f"is {_kind(mode)}; expected a regular file", str(path))
    with os.fdopen(fd, "rb") as stream:
        return read_limited(stream, str(path), limit)
