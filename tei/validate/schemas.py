"""Schemas: a name or a file → a grammar, compiled once.

=================  ==================================================================
``memo``           our customization, ``schemas/memo.xsd``
``tei_all``        all of TEI P5 (:data:`TEI_ALL_VERSION`): ``schemas/tei_all/tei_all.rng``
                   as published by the TEI Consortium, and ``tei_all.xsd``, made from it by
                   ``trang`` (``schemas/README.md``), which the XSD engines run
a ``.xsd`` file    taken as given
a ``.rng`` file    run by ``jing`` (:mod:`tei.validate.jing`) when it is installed
an ``.odd`` file   compiled to RELAX NG by the TEI Stylesheets (:mod:`tei.validate.odd`)
=================  ==================================================================

Two engines compile an XSD: libxml2 (``lxml.etree.XMLSchema``) decides quickly whether a
document is valid, xmlschema explains why it is not (:mod:`tei.validate.explain`). Both are
cached per process. tei_all is large: libxml2 compiles it in seconds, and xmlschema builds
it slower still, so xmlschema's build is kept between runs as a pickle in the user's cache
folder, keyed by a hash of the schema files and xmlschema's version (:func:`xmlschema_schema`).
How a document is checked against tei_all (``bench/RESULTS.md`` has the measurements):

1. one the memo customization accepts is valid TEI at once (memo.xsd is a tested subset);
2. a run over more than :data:`COMPILE_ABOVE` bytes, or over several files before the cache
   is built, compiles libxml2's schema once for all of them (:func:`engine_for`);
3. a short run uses xmlschema's copy from the cache; before the cache is built, jing when it
   is installed (about a second), else xmlschema builds the cache once.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

from lxml import etree

from tei import cachedir
from tei.errors import SchemaError, TeiError
from tei.resources import schema_path
from tei.xmlsafe import parse

if TYPE_CHECKING:
    import xmlschema

Kind = Literal["xsd", "rng"]
Engine = Literal["auto", "xmlschema"]
TEI_ALL_VERSION = "TEI P5 4.12.0"
NAMES = ("memo", "tei_all")
#: Input size above which compiling libxml2's tei_all costs less than xmlschema validating
#: the input (``bench/RESULTS.md``).
COMPILE_ABOVE = 1_000_000
#: A schema file larger than this is worth keeping compiled between runs.
_CACHE_ABOVE = 200_000


class Schema:
    """A grammar to validate against: ``name`` for messages, ``path`` the file the engines run."""

    __slots__ = ("kind", "name", "path")

    def __init__(self, name: str, path: Path, kind: Kind) -> None:
        self.name: Final = name
        self.path: Final = path
        self.kind: Final = kind

    @property
    def label(self) -> str:
        """How messages name it: ``memo customization``, ``tei_all (TEI P5 …)``, or the file."""
        if self.name == "memo":
            return "the memo customization"
        if self.name == "tei_all":
            return f"tei_all ({TEI_ALL_VERSION})"
        return str(self.path)


def resolve(schema: str | Path | None) -> Schema:
    """``None`` or ``"memo"``, ``"tei_all"``, or a ``.xsd``/``.rng``/``.odd`` file → a :class:`Schema`.

    Raises :class:`SchemaError` naming the valid choices.
    """
    if schema is None or str(schema) == "memo":
        return Schema("memo", schema_path("memo.xsd").resolve(), "xsd")
    if str(schema) == "tei_all":
        return Schema("tei_all", schema_path("tei_all/tei_all.xsd").resolve(), "xsd")
    path = Path(schema)
    if not path.is_file():
        raise SchemaError(f"the schema {path} does not exist (choose memo, tei_all, or an .xsd, .rng or .odd file)")
    suffix = path.suffix.lower()
    if suffix == ".rng":
        return Schema(str(path), path.resolve(), "rng")
    if suffix == ".odd":
        from tei.validate.odd import compile_odd

        return Schema(str(path), compile_odd(path.resolve()), "rng")
    return Schema(str(path), path.resolve(), "xsd")


def schema_file(schema: str | Path | None) -> Path:
    """``None`` (our customization), a name or an XSD file → the resolved path of the XSD."""
    return resolve(schema).path


@functools.lru_cache(maxsize=8)
def libxml2_schema(path: Path) -> etree.XMLSchema:
    """XSD file → libxml2's compiled schema (cached)."""
    try:
        parse(path)  # refuses a DTD, entities, network access
        # Parsed again with a parser that lets xs:import and xs:include read the schema's
        # own files beside it (parse() answers every such request with nothing).
        document = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
        return etree.XMLSchema(document)
    except (TeiError, etree.XMLSchemaParseError) as error:
        raise SchemaError(f"{path}: the schema does not compile: {error}") from error


# Schemas whose libxml2 compile this process has chosen to pay, and the run's input.
_DECIDING: set[Path] = set()
_RUN = {"bytes": 0, "files": 1}


def expect_input(size: int, files: int = 1) -> None:
    """Say how much this run will validate in all (a command over many files), so that a large
    schema is compiled once for them when that is cheaper (:func:`engine_for`)."""
    _RUN.update(bytes=size, files=files)


def engine_for(path: Path, size: int) -> Engine:
    """Which engine decides for ``size`` bytes of input: libxml2 (``auto``) for a small schema,
    for a large run, or for several files while xmlschema's copy is not cached (one compile
    for the batch); else xmlschema, whose copy of a large schema loads from the cache."""
    if (path in _DECIDING or path.stat().st_size <= _CACHE_ABOVE or max(size, _RUN["bytes"]) > COMPILE_ABOVE
            or (_RUN["files"] > 2 and not is_cached(path))):
        _DECIDING.add(path)
        return "auto"
    return "xmlschema"


def prepare(schema: Schema, size: int) -> None:
    """Before a run over ``size`` bytes of input: compile what that run will use, once."""
    if schema.kind == "xsd" and engine_for(schema.path, size) == "auto":
        libxml2_schema(schema.path)


@functools.lru_cache(maxsize=8)
def xmlschema_schema(path: Path) -> xmlschema.XMLSchema10:
    """XSD file → xmlschema's compiled schema (cached; a large one also between runs, see
    :func:`cache_folder`). Local files only, no network."""
    # Imported here, not with the module: only invalid documents and large schemas need it,
    # and its import is a large part of a single-file command's start-up.
    import xmlschema

    if path.stat().st_size > _CACHE_ABOVE:
        cached = _load_cached(path)
        if cached is not None:
            return cached
    try:
        compiled = xmlschema.XMLSchema10(str(path), allow="local", defuse="always")
    except (xmlschema.XMLSchemaException, OSError) as error:
        raise SchemaError(f"{path}: the schema does not compile: {error}") from error
    if path.stat().st_size > _CACHE_ABOVE:
        _store_cached(path, compiled)
    return compiled


def cache_folder() -> Path:
    """Where compiled schemas are kept between runs: ``$TEI_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/tei``, else ``~/.cache/tei``."""
    return Path(cachedir.cache_folder())


def cache_file(path: Path) -> Path:
    """The cache file of a schema: named by a hash of every schema file beside it (an import
    may change) and of the versions of xmlschema and Python that pickled it."""
    import hashlib

    import xmlschema

    digest = hashlib.sha256(f"{xmlschema.__version__} {sys.version_info[:2]}".encode())
    for each in sorted(path.parent.glob("*.xsd")):
        digest.update(each.name.encode() + b"\0" + each.read_bytes())
    return cache_folder() / f"{path.stem}-{digest.hexdigest()[:16]}.pickle"


def is_cached(path: Path) -> bool:
    """Whether xmlschema's build of ``path`` is in the cache (else the first use builds it)."""
    return path.stat().st_size <= _CACHE_ABOVE or cache_file(path).is_file()


def _load_cached(path: Path) -> xmlschema.XMLSchema10 | None:
    import pickle  # here, not at start-up: only xmlschema's explanations use the cache

    target = cache_file(path)
    try:
        data = target.read_bytes()
    except OSError:
        return None
    # The cache folder is the user's own (created 0700, files 0600): a pickle there is as
    # trusted as the user's other files. A stale or broken one is rebuilt.
    try:
        with _deep_recursion():
            loaded = pickle.loads(data)
    except Exception:  # noqa: BLE001 - any failure to unpickle means: build it again
        return None
    return loaded if type(loaded).__name__ == "XMLSchema10" else None


def _store_cached(path: Path, compiled: xmlschema.XMLSchema10) -> None:
    import pickle
    import tempfile

    target = cache_file(path)
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with _deep_recursion():
            data = pickle.dumps(compiled, protocol=pickle.HIGHEST_PROTOCOL)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, target)
    except (OSError, pickle.PicklingError, RecursionError):
        return  # no cache: the next run builds it again


class _deep_recursion:
    """A schema's object graph is deep: pickling it needs more than Python's default recursion."""

    def __enter__(self) -> None:
        self.previous = sys.getrecursionlimit()
        sys.setrecursionlimit(max(self.previous, 20_000))

    def __exit__(self, *exc: object) -> None:
        sys.setrecursionlimit(self.previous)
