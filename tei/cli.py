"""The ``tei`` command line: paths, options, printing and exit codes only.

Exit status: 0 success, 1 invalid or failed input, 2 usage error (click's own).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tei import __version__
from tei.errors import Diagnostic, Level, TeiError


def _print_diagnostics(diagnostics: list[Diagnostic], quiet: bool = False) -> None:
    for diagnostic in diagnostics:
        if quiet and diagnostic.level < Level.ERROR:
            continue
        click.echo(str(diagnostic), err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tei")
def main() -> None:
    """Scholarly editions in TEI-XML: convert, validate and render memoranda of conversation."""


@main.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(allow_dash=True, dir_okay=False))
@click.option("-o", "--output", "output_path", type=click.Path(allow_dash=True, dir_okay=False), default="-",
              show_default=True, help="Where to write the TEI ('-' for standard output).")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only, no warnings.")
@click.option("--no-validate", is_flag=True, help="Write the TEI without checking it against the schema.")
def convert(input_path: str, output_path: str, strict: bool, quiet: bool, no_validate: bool) -> None:
    """Convert a plain-text memorandum of conversation to TEI P5."""
    from tei.pipeline import convert_bytes

    if input_path == "-":
        data, name = sys.stdin.buffer.read(), "<stdin>"
    else:
        try:
            data, name = Path(input_path).read_bytes(), input_path
        except OSError as error:
            raise click.ClickException(f"{input_path}: cannot read the file ({error.strerror})") from error
    try:
        result = convert_bytes(data, name, validate=not no_validate,
                               output_name="<stdout>" if output_path == "-" else output_path)
    except TeiError as error:
        raise click.ClickException(str(error)) from error
    _print_diagnostics(result.diagnostics, quiet)
    worst = max((d.level for d in result.diagnostics), default=None)
    if worst is not None and (worst >= Level.ERROR or (strict and worst >= Level.WARNING)):
        raise click.ClickException(f"{name}: not converted: fix the problems above"
                                   + (" (--strict counts warnings)" if strict else ""))
    if result.validation:
        _print_diagnostics(result.validation)
        raise click.ClickException(f"{name}: the TEI converted from it is not valid, so it was not written "
                                   "(this is a bug in tei; --no-validate writes it anyway)")
    if no_validate and not quiet:
        click.echo(f"{name}: warning: the TEI was written without validation", err=True)
    if output_path == "-":
        sys.stdout.buffer.write(result.xml)
    else:
        Path(output_path).parent.mkdir(parents=True, exist_ok=True)
        Path(output_path).write_bytes(result.xml)


# Further commands register below (validate, render, speakers, batch).


@main.command()
@click.argument("input_path", metavar="FILE", type=click.Path(allow_dash=True, dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True, help="table: aligned columns; csv: one row per speaker; json: for programs.")
def speakers(input_path: str, output_format: str) -> None:
    """Who spoke how much in a TEI file (or '-'): sentences and words inside said, and the sections spoken in."""
    from tei.speakers import count_speakers, format_speakers
    from tei.xmlsafe import parse

    try:
        if input_path == "-":
            root = parse(sys.stdin.buffer.read(), "<stdin>").getroot()
        else:
            root = parse(input_path).getroot()
    except TeiError as error:
        raise click.ClickException(str(error)) from error
    counts = count_speakers(root)
    if not counts:
        click.echo(f"{input_path}: no <said who=…> in this file; nothing is attributed", err=True)
    click.echo(format_speakers(counts, output_format, input_path), nl=False)


@main.command()
@click.argument("input_dir", metavar="INPUT_DIR", type=click.Path(exists=True, file_okay=False))
@click.option("-o", "--output", "output_dir", required=True, type=click.Path(file_okay=False),
              help="The folder for the outputs, index.html and report.json.")
@click.option("--to", "to", default="tei,html,text", show_default=True, metavar="FORMATS",
              help="Comma-separated outputs: tei (NAME.tei.xml), html (NAME.html), text (NAME.txt).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: one per CPU).")
@click.option("--corpus", "corpus", type=click.Path(dir_okay=False), default=None,
              help="Also write every document into this one teiCorpus file, with one list of persons.")
@click.option("-q", "--quiet", is_flag=True, help="Report failed files only (no progress, no per-file lines).")
@click.pass_context
def batch(ctx: click.Context, input_dir: str, output_dir: str, to: str, jobs: int | None,
          corpus: str | None, quiet: bool) -> None:
    """Convert, validate and render every *.txt under INPUT_DIR; exit 1 if any file failed."""
    from tei.batch import BatchError, Progress, parse_formats, plan_batch, run_batch

    try:
        formats = parse_formats(to)
    except BatchError as error:
        raise click.BadParameter(str(error), param_hint="'--to'") from error
    try:
        plan = plan_batch(input_dir, output_dir, formats)
    except TeiError as error:
        raise click.ClickException(str(error)) from error
    for fmt, reason in plan.skipped.items():
        click.echo(f"warning: {fmt} is not made in this run: {reason}", err=True)
    if not plan.tasks:
        raise click.ClickException(f"{input_dir}: no *.txt file in this folder or below")
    progress = Progress(len(plan.tasks), sys.stderr, quiet=quiet)
    try:
        summary = run_batch(plan, jobs=jobs, corpus=corpus, on_outcome=progress)
    except TeiError as error:
        raise click.ClickException(str(error)) from error
    finally:
        progress.close()
    for problem in summary.corpus_problems:
        click.echo(problem, err=True)
    corpus_note = (f"; corpus {corpus}: {summary.ok} documents, {summary.corpus_persons} persons"
                   + (" (NOT VALID, see above)" if summary.corpus_problems else "") if corpus else "")
    click.echo(f"{summary.files} files in {summary.seconds:.1f} s ({summary.rate:.1f} files/s): {summary.ok} converted, "
               f"{summary.failed} failed, {summary.warnings} warning{'s' if summary.warnings != 1 else ''}; report: "
               f"{Path(output_dir) / 'report.json'}{corpus_note}", err=True)
    ctx.exit(1 if summary.failed or summary.corpus_problems else 0)


@main.command()
@click.argument("files", metavar="FILE...", nargs=-1, required=True,
                type=click.Path(allow_dash=True, dir_okay=False))
@click.option("--schema", "schema", type=click.Path(exists=True, dir_okay=False), default=None,
              help="An XSD to validate against instead of the bundled schemas/memo.xsd.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text: one line per problem; json: a report for pipelines.")
@click.pass_context
def validate(ctx: click.Context, files: tuple[str, ...], schema: str | None, output_format: str) -> None:
    """Validate TEI files against our schema and rules: exit 0 all valid, 1 any invalid, 2 unreadable.

    Each problem is one line on standard output: FILE:LINE:COLUMN: RULE: MESSAGE.
    """
    import json

    from tei.validate import SchemaError, diagnostic_json, format_diagnostic, validate_bytes, validate_file
    from tei.xmlsafe import UnreadableFileError

    report: list[dict[str, object]] = []
    invalid = unreadable = 0
    for name in files:
        try:
            if name == "-":
                diagnostics = validate_bytes(sys.stdin.buffer.read(), "<stdin>", schema=schema)
            else:
                diagnostics = validate_file(name, schema=schema)
        except UnreadableFileError as error:
            unreadable += 1
            report.append({"file": name, "valid": False, "error": error.message})
            if output_format == "text":
                click.echo(f"{name}: error: {error.message}", err=True)
            continue
        except SchemaError as error:
            click.echo(f"Error: {error}", err=True)
            ctx.exit(2)
        invalid += bool(diagnostics)
        report.append({"file": name, "valid": not diagnostics, "problems": [diagnostic_json(d) for d in diagnostics]})
        if output_format == "text":
            for diagnostic in diagnostics:
                click.echo(format_diagnostic(diagnostic))
    if output_format == "json":
        click.echo(json.dumps({"valid": not (invalid or unreadable), "files": report}, ensure_ascii=False, indent=2))
    elif invalid or unreadable:
        click.echo(f"{invalid + unreadable} of {len(files)} file(s) not valid"
                   + (f" ({unreadable} unreadable)" if unreadable else ""), err=True)
    ctx.exit(2 if unreadable else 1 if invalid else 0)


@main.command()
@click.argument("input_path", metavar="FILE", type=click.Path(allow_dash=True, dir_okay=False))
@click.option("--to", "to", required=True, metavar="FORMAT",
              help="Output format: html (a reading page) or text (the plain-text layout).")
@click.option("-o", "--output", "output_path", type=click.Path(allow_dash=True, dir_okay=False), default="-",
              show_default=True, help="Where to write the rendering ('-' for standard output).")
def render(input_path: str, to: str, output_path: str) -> None:
    """Render a TEI file (FILE, or '-' for standard input) to HTML or plain text."""
    from tei.render import render_file

    try:
        if input_path == "-":
            result = render_file(sys.stdin.buffer.read(), to, "<stdin>")
        else:
            result = render_file(input_path, to)
    except TeiError as error:
        raise click.ClickException(str(error)) from error
    if output_path == "-":
        sys.stdout.buffer.write(result)
    else:
        Path(output_path).parent.mkdir(parents=True, exist_ok=True)
        Path(output_path).write_bytes(result)
