"""One HTTP body copied within a total deadline and a size limit.

A read timeout bounds each read, not the response: a server trickling one byte at a
time, or its status line and headers, would otherwise hold the caller forever.
"""

from __future__ import annotations

import contextlib
import math
import os
import socket
import threading
import time
from typing import IO, Any

from datapkg._release_shapes import DownloadError, shown

DEADLINE_ENV = "DATAPKG_DEADLINE"
MAX_BYTES_ENV = "DATAPKG_MAX_BYTES"
DEFAULT_DEADLINE = 120.0
"""Seconds one download or index read may take in all."""
READ_TIMEOUT = 30.0
"""Seconds one connection attempt or one read from the socket may take."""
MAX_INDEX_BYTES = 8 * 1024**2
MAX_FILE_BYTES = 1024**3
_CHUNK = 64 * 1024


def _number_setting(value: object, where: str, default: float) -> float:
    if value is None or value == "":
        return default
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        number = math.nan
    if isinstance(value, bool) or not (math.isfinite(number) and number > 0):
        raise DownloadError(f"{where} must be a positive number, got {shown(value)}")
    return number


def deadline_seconds(deadline: float | None = None) -> float:
    """The total time one download may take: ``deadline``, else ``$DATAPKG_DEADLINE``, else 120 s."""
    if deadline is not None:
        return _number_setting(deadline, "deadline=", DEFAULT_DEADLINE)
    return _number_setting(os.environ.get(DEADLINE_ENV), DEADLINE_ENV, DEFAULT_DEADLINE)


def max_file_bytes() -> int:
    """The largest release file accepted: ``$DATAPKG_MAX_BYTES``, else 1 GiB."""
    return max(1, int(_number_setting(os.environ.get(MAX_BYTES_ENV), MAX_BYTES_ENV, MAX_FILE_BYTES)))


def _too_slow(url: str, deadline: float) -> DownloadError:
    return DownloadError(
        f"{url} did not arrive within the deadline of {deadline:g} s "
        f"(pass deadline= or set {DEADLINE_ENV} for a slower connection); nothing was cached"
    )


def _too_large(url: str, limit: int) -> DownloadError:
    return DownloadError(f"{url} is larger than the {limit} bytes allowed for it; nothing was cached")


def _read_chunk(raw: Any, url: str) -> bytes:
    """At most one socket read of the body, so the clock is checked between reads."""
    import http.client

    import requests
    import urllib3

    try:
        chunk: bytes | None = raw.read1(_CHUNK, decode_content=False)
    except (urllib3.exceptions.HTTPError, http.client.HTTPException, OSError) as error:
        raise requests.ConnectionError(f"the connection broke while reading {url}: {error}") from None
    return chunk or b""


def _noting_session(sockets: list[Any]) -> Any:
    """A requests session that notes the socket of every connection it opens in ``sockets``,
    so a download past its deadline can be cut off even while its headers still arrive."""
    import requests
    import urllib3

    def noting(connection: type) -> type:
        class Noting(connection):  # type: ignore[misc]
            def connect(self) -> None:
                super().connect()
                sockets.append(self.sock)

        return Noting

    adapter = requests.adapters.HTTPAdapter()
    adapter.poolmanager.pool_classes_by_scheme = {
        scheme: type(pool.__name__, (pool,), {"ConnectionCls": noting(pool.ConnectionCls)})
        for scheme, pool in (("http", urllib3.HTTPConnectionPool), ("https", urllib3.HTTPSConnectionPool))
    }
    session = requests.Session()
    for prefix in ("http://", "https://"):
        session.mount(prefix, adapter)
    return session


def _copy_body(url: str, sink: IO[bytes], stop_at: float, deadline: float, limit: int, session: Any) -> None:
    wait = min(READ_TIMEOUT, deadline)
    # Identity encoding: the bytes counted and hashed are the bytes sent, and nothing inflates.
    headers = {"Accept-Encoding": "identity"}
    try:
        response = session.get(url, stream=True, timeout=(wait, wait), headers=headers)
    except ValueError as error:  # a malformed address, also one a redirect names
        import requests

        raise requests.ConnectionError(f"{url} leads to an address that is not one: {error}") from None
    with response:
        response.raise_for_status()
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise _too_large(url, limit)
        received = 0
        while chunk := _read_chunk(response.raw, url):
            received += len(chunk)
            if received > limit:
                raise _too_large(url, limit)
            if time.monotonic() > stop_at:
                raise _too_slow(url, deadline)
            sink.write(chunk)


def transfer(url: str, sink: IO[bytes], deadline: float, limit: int) -> None:
    """Write the body at ``url`` into ``sink`` within ``deadline`` seconds and ``limit`` bytes.

    The request runs in a worker thread: a read timeout bounds each read, not the
    response, and a server can trickle its status line and headers too. Past the deadline
    the caller gets DownloadError at once, and the worker's connection is shut down, which
    ends it wherever it waits (it also checks the clock after every read of the body). It
    writes nothing more: the caller closes ``sink``."""
    finished = threading.Event()
    failure: list[BaseException] = []
    sockets: list[Any] = []

    def work() -> None:
        try:
            with _noting_session(sockets) as session:
                _copy_body(url, sink, time.monotonic() + deadline, deadline, limit, session)
        except BaseException as error:  # handed over to the caller's thread
            failure.append(error)
        finally:
            finished.set()

    threading.Thread(target=work, name=f"datapkg download {url}", daemon=True).start()
    if not finished.wait(min(deadline, threading.TIMEOUT_MAX)):
        for connection in list(sockets):  # wakes the worker wherever it waits, and ends it
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        raise _too_slow(url, deadline)
    if failure:
        raise failure[0]


class Downloader:
    """pooch's downloader interface over :func:`_transfer`."""

    def __init__(self, deadline: float, limit: int) -> None:
        self.deadline, self.limit = deadline, limit

    def __call__(self, url: str, output_file: str, pooch: object, check_only: bool = False) -> None:
        with open(output_file, "wb") as sink:
            transfer(url, sink, self.deadline, self.limit)
