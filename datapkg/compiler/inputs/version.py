"""The package version from ``pyproject.toml``: one version for code and data, checked
to be a PEP 440 public version before it is written into the descriptor."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from datapkg._input_files import read_input
from datapkg.compiler.problems import Problem

# PEP 440 public versions in canonical form: 1.2, 1.2.3rc1, 2.0.post1, 1.0.dev3, 1!2.0.
_N = "(?:0|[1-9][0-9]*)"
# Used with fullmatch: ``$`` would also match before a trailing newline ("0.3.0\n").
PEP_440 = re.compile(rf"(?:[1-9][0-9]*!)?{_N}(?:\.{_N})*(?:(?:a|b|rc){_N})?(?:\.post{_N})?(?:\.dev{_N})?")


def _line_of(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped == key or stripped.startswith((f"{key} ", f"{key}=")):
            return number
    return 1


def read_version(pyproject: Path, shown: str) -> tuple[str | None, list[Problem]]:
    try:
        text = read_input(pyproject).decode("utf-8")
        data = tomllib.loads(text)
    except FileNotFoundError:
        return None, [Problem(shown, "missing; the package version is read from it")]
    except OSError as error:
        return None, [Problem(shown, f"cannot be read ({error.strerror})")]
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        return None, [Problem(shown, f"not valid TOML ({error})")]
    version = data.get("project", {}).get("version") if isinstance(data.get("project"), dict) else None
    if not isinstance(version, str):
        return None, [
            Problem(f"{shown}:{_line_of(text, '[project]')}", 'expected version = "X.Y.Z" under [project]')
        ]
    if not PEP_440.fullmatch(version):
        where = f"{shown}:{_line_of(text, 'version')}"
        return None, [Problem(where, f"version {version!r} is not a PEP 440 version such as 0.2.0 or 1.0rc1")]
    return version, []
