"""Where the build finds its inputs and writes its outputs, relative to a project root."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Layout:
    root: Path

    @property
    def sources_dir(self) -> Path:
        return self.root / "build" / "sources"

    @property
    def records_dir(self) -> Path:
        return self.root / "build" / "records"

    @property
    def package_metadata(self) -> Path:
        return self.root / "build" / "package.yaml"

    @property
    def schemas_dir(self) -> Path:
        return self.root / "schemas"

    @property
    def pyproject(self) -> Path:
        return self.root / "pyproject.toml"

    @property
    def data_dir(self) -> Path:
        return self.root / "datapkg" / "data"

    @property
    def data_dictionary(self) -> Path:
        return self.root / "docs" / "data-dictionary.md"

    @property
    def root_descriptor(self) -> Path:
        return self.root / "datapackage.json"

    @property
    def root_croissant(self) -> Path:
        return self.root / "croissant.json"

    def shown(self, path: Path) -> str:
        """A path as error messages print it: relative to the root when inside it."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(path)


def default_root(start: Path | None = None) -> Path:
    """The project checkout: the nearest directory upwards holding build/ and schemas/."""
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / "build" / "records").is_dir() and (candidate / "schemas").is_dir():
            return candidate
    source_checkout = Path(__file__).resolve().parents[2]
    if (source_checkout / "build" / "records").is_dir():
        return source_checkout
    return here
