"""Write one benchmark's section of benchmarks/results.md, keeping the others."""

from __future__ import annotations

import datetime as dt
import os
import platform
import re
from importlib import metadata
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results.md"


def machine() -> str:
    """Date, interpreter, platform and the versions of the libraries that do the work."""
    libraries = []
    for name in ("pyarrow", "pandas", "frictionless"):
        try:
            libraries.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            libraries.append(f"{name} not installed")
    return (
        f"{dt.date.today().isoformat()}; Python {platform.python_version()}; {platform.system()} "
        f"{platform.machine()}, {os.cpu_count()} cores; {', '.join(libraries)}"
    )


def write_section(key: str, lines: list[str]) -> None:
    """Replace (or append) the section between the key's markers, and print it."""
    print("\n".join(lines))
    begin, end = f"<!-- {key}:begin -->", f"<!-- {key}:end -->"
    section = "\n".join([begin, *lines, end])
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    pattern = re.compile(re.escape(begin) + ".*?" + re.escape(end), re.S)
    new = (
        pattern.sub(lambda _: section, old)
        if pattern.search(old)
        else old.rstrip("\n") + "\n\n" + section + "\n"
    )
    RESULTS.write_text(new, encoding="utf-8")
