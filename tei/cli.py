"""The ``tei`` command line: paths, options, printing and exit codes only.

Every command takes the same two options and exits the same way, through
:func:`tei.clicommon.command`:

- exit status 0 success, 1 invalid or failed input (a missing or unreadable input file
  included), 2 usage error (click's own: a missing argument, an unknown option or format,
  a ``--schema`` that does not exist or compile);
- ``-q/--quiet``: errors only on standard error; ``-v/--verbose``: also what was read and
  written, and how long it took. The command's output (TEI, a rendering, a table,
  diagnostics of ``validate``) is the same with either.
"""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING

import click

from tei import __version__
from tei.clicommon import (
    BROKEN_PIPE_STATUS,
    Group,
    Output,
    command,
    input_name,
    one_line,
    read_input,
    refuse_overwriting_input,
    write_output,
)

if TYPE_CHECKING:
    from tei.errors import Diagnostic

__all__ = ["BROKEN_PIPE_STATUS", "main"]


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tei")
def main() -> None:
    """Scholarly editions in TEI-XML: convert, validate and render memoranda of conversation."""


def _list_rules(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """``--list-rules``: print every registry of the converter, in order, and exit."""
    if not value or ctx.resilient_parsing:
        return
    from tei.converter import default_converter
    from tei.rules import format_registries

    click.echo(format_registries(default_converter().registries()), nl=False)
    ctx.exit(0)


@main.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(allow_dash=True))
@click.option("-o", "--output", "output_path", type=click.Path(allow_dash=True, dir_okay=False), default="-",
              show_default=True, help="Where to write the TEI ('-' for standard output).")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--no-validate", is_flag=True, help="Write the TEI without checking it against the schema.")
@click.option("--explain", is_flag=True,
              help="Print which rule decided what, on which line and why, on standard output instead of the "
                   "TEI (written only with -o FILE).")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Of --explain: text, one line per decision; json, the decisions and problems for programs.")
@click.option("--list-rules", is_flag=True, is_eager=True, expose_value=False, callback=_list_rules,
              help="List the recognizers, passes and rules in the order they run, and exit.")
@click.option("--persons", "persons_path", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Link persons to the editor's personography: a TEI listPerson, a FRUS volume's persons "
                   "list, or a CSV file (id, name forms).")
@click.option("--persons-prefix", default=None, metavar="PREFIX",
              help="What the pointers to the personography start with (default: FILE's name and '#').")
@command
def convert(input_path: str, output_path: str, strict: bool, no_validate: bool, explain: bool,
            output_format: str, persons_path: str | None, persons_prefix: str | None, out: Output) -> None:
    """Convert a plain-text memorandum of conversation to TEI P5."""
    from tei.converter import Converter, default_converter
    from tei.errors import fails
    from tei.read import MAX_TEXT_BYTES

    if output_format != "text" and not explain:
        raise click.UsageError("--format applies to --explain; give --explain too")
    refuse_overwriting_input(input_path, output_path)
    if persons_prefix is not None and persons_path is None:
        raise click.UsageError("--persons-prefix applies to --persons; give --persons FILE too")
    run = default_converter().convert_bytes
    if persons_path is not None:
        from tei.resolve import build_passes
        from tei.resolve.persons.personography import read_personography, with_personography

        personography = read_personography(persons_path, persons_prefix)
        run = Converter(default_converter().recognizers,
                        with_personography(build_passes(), personography)).convert_bytes
    # Read as the converter is called, so that it holds the only reference to the input's
    # bytes and lets them go once they are read.
    name = input_name(input_path)
    result = run(read_input(input_path, out, MAX_TEXT_BYTES)[0], name, validate=not no_validate,
                 explain=explain, output_name="<stdout>" if output_path == "-" else output_path)
    out.diagnostics(result.diagnostics)
    if explain:
        _print_explanations(name, result.explanations, result.diagnostics, output_format)
    if fails(result.diagnostics, strict):
        raise click.ClickException(f"{name}: not converted: fix the problems above"
                                   + (" (--strict counts warnings)" if strict else ""))
    if result.validation:
        for diagnostic in result.validation:
            out.error(str(diagnostic))
        raise click.ClickException(f"{name}: the TEI converted from it is not valid, so it was not written "
                                   "(this is a bug in tei; --no-validate writes it anyway)")
    if no_validate:
        out.warning(f"{name}: warning: the TEI was written without validation")
    if not explain or output_path != "-":
        write_output(output_path, result.write, out)


def _print_explanations(name: str, explanations: list[Diagnostic], diagnostics: list[Diagnostic],
                        output_format: str) -> None:
    """The decisions (and, in JSON, the problems) on standard output: the command's output."""
    if output_format == "json":
        import json

        click.echo(json.dumps({"file": name, "decisions": [d.to_json() for d in explanations],
                               "diagnostics": [d.to_json() for d in diagnostics]}, ensure_ascii=False, indent=2))
    else:
        for explanation in explanations:
            click.echo(str(explanation))


# Further commands register below (validate, render, speakers, batch).


@main.command()
@click.argument("input_path", metavar="FILE", type=click.Path(allow_dash=True))
@click.option("--format", "output_format", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True, help="table: aligned columns; csv: one row per speaker; json: for programs.")
@command
def speakers(input_path: str, output_format: str, out: Output) -> None:
    """Who spoke how much in a TEI file (or '-'): sentences and words inside said, and the sections spoken in."""
    from tei.apps.stats import count_speakers, format_speakers
    from tei.fileio import MAX_XML_BYTES
    from tei.xmlsafe import parse

    data, name = read_input(input_path, out, MAX_XML_BYTES)
    counts = count_speakers(parse(data, name).getroot())
    if not counts:
        out.warning(f"{input_path}: no <said who=…> in this file; nothing is attributed")
    out.info(f"{name}: {len(counts)} speaker{'s' if len(counts) != 1 else ''}")
    write_output("-", format_speakers(counts, output_format, input_path).encode("utf-8"), out)


@main.command()
@click.argument("input_dir", metavar="INPUT_DIR", type=click.Path())
@click.option("-o", "--output", "output_dir", required=True, type=click.Path(file_okay=False),
              help="The folder for the outputs, the edition site (index.html …) and report.json.")
@click.option("--to", "to", default="tei,html,text", show_default=True, metavar="FORMATS",
              help="Comma-separated outputs: tei (NAME.tei.xml), html (NAME.html), text (NAME.txt).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: one per CPU; never more than the CPUs or the files).")
@click.option("--corpus", "corpus", type=click.Path(dir_okay=False), default=None,
              help="Also write every document into this one teiCorpus file, with one list of persons.")
@click.pass_context
@click.option("--persons", "persons_path", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Link every document's persons to the editor's personography: a TEI listPerson, a FRUS "
                   "volume's persons list, or a CSV file (id, name forms).")
@click.option("--persons-prefix", default=None, metavar="PREFIX",
              help="What the pointers to the personography start with (default: FILE's name and '#').")
@command
def batch(ctx: click.Context, input_dir: str, output_dir: str, to: str, jobs: int | None,
          corpus: str | None, persons_path: str | None, persons_prefix: str | None, out: Output) -> None:
    """Convert, validate and render every *.txt under INPUT_DIR into an edition site; exit 1 if any file failed.

    With --quiet, only the files that failed (and the summary, if any did). Ctrl-C or SIGTERM
    stops the run; what was done is listed in the report and the site (exit 130).
    """
    from tei.apps.batch import Progress, Summary, parse_formats, plan_batch, run_batch
    from tei.apps.files import printable
    from tei.errors import BatchError, BatchUsageError

    try:
        formats = parse_formats(to)
    except BatchError as error:
        raise click.BadParameter(str(error), param_hint="'--to'") from error
    if persons_path is not None:
        from tei.resolve.persons.personography import read_personography

        read_personography(persons_path, persons_prefix)  # a file that is no personography stops the run here
    elif persons_prefix is not None:
        raise click.UsageError("--persons-prefix applies to --persons; give --persons FILE too")
    try:
        plan = plan_batch(input_dir, output_dir, formats, corpus)
    except BatchUsageError as error:
        raise click.UsageError(one_line(str(error))) from error
    for fmt, reason in plan.skipped.items():
        out.warning(f"warning: {fmt} is not made in this run: {reason}")
    for warning in plan.warnings:
        out.warning(warning)
    if not plan.tasks:
        raise click.ClickException(f"{printable(input_dir)}: no *.txt file in this folder or below")
    out.info(f"{input_dir}: {len(plan.tasks)} file{'s' if len(plan.tasks) != 1 else ''} → {output_dir} "
             f"({', '.join(plan.formats)})")
    progress = Progress(len(plan.tasks), sys.stderr, quiet=out.quiet)
    interrupted: Summary | None = None
    try:
        summary = run_batch(plan, jobs=jobs, corpus=corpus, on_outcome=progress, persons=persons_path,
                            persons_prefix=persons_prefix)
    except KeyboardInterrupt as interruption:
        interrupted = summary = getattr(interruption, "summary", None) or Summary(files=len(plan.tasks))
    finally:
        progress.close()
    from pathlib import Path  # here, not at start-up: tei --help needs no pathlib

    for problem in summary.corpus_problems:
        out.error(problem)
    failed = bool(summary.failed or summary.corpus_problems)
    corpus_note = (f"; corpus {corpus}: {summary.ok} documents, {summary.corpus_persons} persons"
                   + (" (NOT VALID, see above)" if summary.corpus_problems else "") if corpus else "")
    if interrupted is not None:
        out.error(f"Interrupted: {summary.done} of {summary.files} files done ({summary.ok} converted, "
                  f"{summary.failed} failed), listed in {Path(output_dir) / 'report.json'}")
        ctx.exit(130)
    (out.error if failed else out.warning)(
        f"{summary.files} files in {summary.seconds:.1f} s ({summary.rate:.1f} files/s): {summary.ok} converted, "
        f"{summary.failed} failed, {summary.warnings} warning{'s' if summary.warnings != 1 else ''}; report: "
        f"{Path(output_dir) / 'report.json'}{corpus_note}")
    ctx.exit(1 if failed else 0)


@main.command()
@click.argument("files", metavar="FILE...", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--schema", "schema", metavar="memo|tei_all|FILE", default="auto",
              help="memo (our customization), tei_all (all of TEI P5), or an .xsd, .rng (needs jing) or .odd "
                   "file. Default: memo for TEI that tei wrote or that the customization accepts, tei_all for "
                   "other TEI.")
@click.option("--strict", is_flag=True, help="Warnings count as problems (exit 1).")
@click.option("--external-ok", is_flag=True,
              help="A #id that is not in the file points into another file of the edition: not a problem.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text: one line per problem; json: a report for pipelines.")
@click.pass_context
@command
def validate(ctx: click.Context, files: tuple[str, ...], schema: str, strict: bool, external_ok: bool,
             output_format: str, out: Output) -> None:
    """Validate TEI files against a schema and our rules: exit 0 all valid, 1 any invalid or unreadable.

    Each problem is one line on standard output: FILE:LINE:COLUMN: LEVEL: RULE: MESSAGE
    (LEVEL error or warning). A --schema that does not exist or compile is a usage error (exit 2).
    """
    import json

    from tei.errors import SchemaError
    from tei.validate import resolve
    from tei.validate.schemas import expect_input

    try:
        if schema != "auto":
            resolve(schema)
    except SchemaError as error:
        raise click.BadParameter(one_line(str(error)), param_hint="'--schema'") from error
    expect_input(sum(_size_of(name) for name in files), len(files))
    report: list[dict[str, object]] = []
    failed = 0
    for name in files:
        try:
            entry = _validate_one(name, schema, strict, external_ok, output_format, out)
        except SchemaError as error:
            # A --schema that cannot be used is a bad option value: a usage error.
            out.error(f"Error: {one_line(str(error))}")
            ctx.exit(2)
        failed += not entry["valid"]
        report.append(entry)
    if output_format == "json":
        click.echo(json.dumps({"valid": not failed, "files": report}, ensure_ascii=False, indent=2))
    elif failed:
        unreadable = sum(1 for entry in report if "error" in entry)
        out.warning(f"{failed} of {len(files)} file(s) not valid" + (f" ({unreadable} unreadable)" if unreadable else ""))
    ctx.exit(1 if failed else 0)


def _size_of(name: str) -> int:
    from pathlib import Path

    try:
        return Path(name).stat().st_size if name != "-" else 0
    except OSError:
        return 0


def _validate_one(name: str, schema: str, strict: bool, external_ok: bool, output_format: str,
                  out: Output) -> dict[str, object]:
    """One file of ``tei validate`` → its entry in the JSON report; the text lines printed."""
    from tei.errors import Level, TeiError, fails
    from tei.fileio import MAX_XML_BYTES
    from tei.validate import diagnostic_json, format_diagnostic, validate

    started = time.perf_counter()
    try:
        data, shown = read_input(name, out, MAX_XML_BYTES)
    except TeiError as error:
        message = getattr(error, "message", None) or one_line(str(error))
        if output_format == "text":
            out.error(f"{name}: error: {message}")
        return {"file": name, "valid": False, "error": message}
    result = validate(data, shown, schema=schema, external_ok=external_ok)
    valid = not fails(result.diagnostics, strict)
    out.info(f"{shown}: {'valid' if valid else 'not valid'} against {result.schema}, "
             f"{len(result.diagnostics)} problem(s) ({time.perf_counter() - started:.2f} s)")
    if schema == "auto" and result.schema == "tei_all" and not result.valid:
        out.warning(f"{shown}: checked against tei_all: not written by tei, and outside the memo customization")
    if output_format == "text":
        for diagnostic in result.diagnostics:
            if diagnostic.level >= Level.ERROR or not out.quiet:
                click.echo(format_diagnostic(diagnostic))
    return {"file": name, "valid": valid, "schema": result.schema,
            "problems": [diagnostic_json(d) for d in result.diagnostics]}


@main.command()
@click.argument("input_path", metavar="FILE", type=click.Path(allow_dash=True))
@click.option("--to", "to", required=True, metavar="FORMAT",
              help="Output format: html (a reading page) or text (the plain-text layout).")
@click.option("-o", "--output", "output_path", type=click.Path(allow_dash=True, dir_okay=False), default="-",
              show_default=True, help="Where to write the rendering ('-' for standard output).")
@command
def render(input_path: str, to: str, output_path: str, out: Output) -> None:
    """Render a TEI file (FILE, or '-' for standard input) to HTML or plain text."""
    from tei.errors import RenderError
    from tei.fileio import MAX_XML_BYTES
    from tei.render import format_name, render_file

    try:
        format_name(to)
    except RenderError as error:
        raise click.BadParameter(str(error), param_hint="'--to'") from error
    refuse_overwriting_input(input_path, output_path)
    data, name = read_input(input_path, out, MAX_XML_BYTES)
    write_output(output_path, render_file(data, to, name), out)
