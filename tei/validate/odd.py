"""An ODD customization → its RELAX NG schema, compiled by the TEI Stylesheets.

The Stylesheets (github.com/TEIC/Stylesheets: ``odds/odd2odd.xsl`` then ``odds/odd2relax.xsl``,
with the TEI source ``p5subset.xml``) are XSLT 2.0: they need Saxon, which the ``saxonche``
package provides. Neither is a dependency of this package: a user who validates against an
``.odd`` installs ``saxonche`` and points ``TEI_STYLESHEETS`` at a copy of the Stylesheets
holding ``odds/``, ``common/`` and ``source/p5subset.xml``. The schema is kept in the cache
folder, named by a hash of the ODD and of the Stylesheets' version, and run by jing.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from tei.errors import SchemaError
from tei.validate.schemas import cache_folder


def stylesheets_folder() -> Path:
    """``$TEI_STYLESHEETS``; :class:`SchemaError` when it is not set or not a copy of the Stylesheets."""
    folder = Path(os.environ.get("TEI_STYLESHEETS", ""))
    if not os.environ.get("TEI_STYLESHEETS") or not (folder / "odds" / "odd2relax.xsl").is_file():
        raise SchemaError("compiling an .odd needs the TEI Stylesheets: set TEI_STYLESHEETS to a copy of "
                          "github.com/TEIC/Stylesheets (with source/p5subset.xml), and pip install saxonche")
    return folder


def compile_odd(odd: Path, target: Path | None = None) -> Path:
    """ODD file → the path of its RELAX NG schema (compiled once, then taken from the cache)."""
    folder = stylesheets_folder()
    version = (folder / "VERSION").read_bytes() if (folder / "VERSION").is_file() else b""
    digest = hashlib.sha256(odd.read_bytes() + b"\0" + version).hexdigest()[:16]
    target = target or cache_folder() / f"{odd.stem}-{digest}.rng"
    if target.is_file():
        return target
    try:
        from saxonche import PySaxonProcessor  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError as error:
        raise SchemaError("compiling an .odd needs the saxonche package: pip install saxonche") from error
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    compiled = target.with_suffix(".compiled.odd")
    with PySaxonProcessor(license=False) as processor:
        xslt = processor.new_xslt30_processor()
        expand = xslt.compile_stylesheet(stylesheet_file=str(folder / "odds" / "odd2odd.xsl"))
        expand.set_parameter("defaultSource",
                             processor.make_string_value(str(folder / "source" / "p5subset.xml")))
        expand.transform_to_file(source_file=str(odd), output_file=str(compiled))
        relax = xslt.compile_stylesheet(stylesheet_file=str(folder / "odds" / "odd2relax.xsl"))
        relax.transform_to_file(source_file=str(compiled), output_file=str(target))
    if not target.is_file():
        raise SchemaError(f"{odd}: the TEI Stylesheets made no schema of it")
    return target
