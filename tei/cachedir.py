"""The user's cache folder: what tei builds the same way in every run, kept between runs."""

from __future__ import annotations

import os


def cache_folder() -> str:
    """``$TEI_CACHE_DIR``, else ``$XDG_CACHE_HOME/tei``, else ``~/.cache/tei``."""
    if os.environ.get("TEI_CACHE_DIR"):
        return os.environ["TEI_CACHE_DIR"]
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "tei")
