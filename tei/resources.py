"""The one place that locates the bundled schemas and stylesheets."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """Return the folder ``schemas`` or ``transforms``: installed beside the package, or in the source tree."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the {name}/ folder is missing from the installation (looked in {_PACKAGE})")


def schema_path(name: str = "memo.xsd") -> Path:
    return data_dir("schemas") / name


def transform_path(relative: str) -> Path:
    return data_dir("transforms") / relative
