"""RELAX NG schemas, run by ``jing`` (the validator TEI users run; Debian package ``jing``).

lxml's RelaxNG compiles a schema the size of TEI's in many seconds; jing, a Java program,
answers in about a second a run. It is optional: a ``.rng`` schema without jing installed
is a :class:`~tei.validate.schemas.SchemaError` that says how to install it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from lxml import etree

from tei.errors import Diagnostic, Level, SchemaError
from tei.validate.explain import SCHEMA_RULE
from tei.validate.locate import Locator, short_names

_LINE = re.compile(r"^(?P<file>.*?):(?P<line>\d+):(?P<column>\d+): (?P<level>error|fatal|warning): (?P<message>.*)$")


def jing_command() -> str:
    """The path of ``jing``; :class:`SchemaError` when it is not installed."""
    found = shutil.which("jing")
    if found is None:
        raise SchemaError("a RELAX NG schema (.rng, or an .odd compiled to one) needs jing: "
                          "install it (Debian: apt-get install jing), or give an .xsd")
    return found


def run_jing(schema: Path, files: list[Path]) -> subprocess.CompletedProcess[str]:
    """jing on ``files`` at once (one Java start for them all)."""
    return subprocess.run([jing_command(), str(schema), *map(str, files)], capture_output=True, text=True,
                          check=False, timeout=600)


def jing_diagnostics(tree: etree._ElementTree, path: str, schema: Path, locate: Locator) -> list[Diagnostic]:
    """The tree against a RELAX NG schema → jing's errors as diagnostics (rule ``schema``)."""
    source = locate.source if locate.source is not None else etree.tostring(tree, xml_declaration=True,
                                                                             encoding="UTF-8")
    with tempfile.TemporaryDirectory(prefix="tei-jing-") as folder:
        target = Path(folder) / "document.xml"
        target.write_bytes(source)
        result = run_jing(schema, [target])
    diagnostics = []
    for line in result.stdout.splitlines():
        match = _LINE.match(line)
        if match is None:
            continue
        if match.group("file") != str(target):
            raise SchemaError(f"{schema}: {short_names(match.group('message'))}")
        diagnostics.append(Diagnostic(Level.ERROR, short_names(match.group("message")), path,
                                      int(match.group("line")), int(match.group("column")), SCHEMA_RULE))
    if result.returncode != 0 and not diagnostics:
        problem = " ".join((result.stdout + result.stderr).split())[:300]
        raise SchemaError(f"{schema}: jing could not use the schema: {problem}")
    return diagnostics
