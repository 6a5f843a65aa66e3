"""The command line: parse options, call the layers below, return an exit code.

Only Typer is imported at start-up; each command imports what it needs, so
`journeyctl --version` and machine-format runs stay fast. No `from __future__ import
annotations` here: Typer reads every command's annotations at each start-up, and
string annotations would each have to be compiled and evaluated first.
"""

import contextlib
import datetime
import enum
import gc
import os
import re
import sys
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer

from journeyctl import __version__
from journeyctl.formats import RENDER_FORMATS, REPORT_FORMATS

app = typer.Typer(
    name="journeyctl",
    help="Customer journey maps as code: validate, lint and render journey YAML files.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_ERROR = 2
OutputFormat = enum.Enum("OutputFormat", {name: name for name in REPORT_FORMATS}, type=str)  # type: ignore[misc]
"""The `--format` choices, straight from the format registry."""
RenderFormat = enum.Enum("RenderFormat", {name: name for name in RENDER_FORMATS}, type=str)  # type: ignore[misc]
"""`render --format` choices, from the render format registry."""


class ChannelsFormat(enum.StrEnum):
    text = "text"
    json = "json"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"journeyctl {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Customer journey maps as code: validate, lint and render journey YAML files."""


_SIZE = re.compile(r"^\s*(\d+)\s*([kmg]i?b?|b)?\s*$", re.IGNORECASE)


def parse_size(text: str) -> int:
    """`32M`, `500KB`, `1GiB` or a number of bytes."""
    match = _SIZE.match(text)
    if not match:
        raise typer.BadParameter(f"'{text}' is not a size; write e.g. 32M, 500K or 1048576")
    number, unit = int(match.group(1)), (match.group(2) or "b").lower()
    scale = {"b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[unit[0]]
    return number * scale


PathsArgument = Annotated[
    Optional[list[str]],
    typer.Argument(
        help="Files and folders to check; folders are searched for *.yaml and *.yml. Default: .", show_default=False
    ),
]
FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print only problems, no summary.")]
MaxSizeOption = Annotated[
    str, typer.Option("--max-file-size", help="Refuse files larger than this (e.g. 32M).", show_default=True)
]
JobsOption = Annotated[
    Optional[int],
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help="Check files on this many processes. Default: one per core, one for fewer than 50 files.",
        show_default=False,
    ),
]
SkipForeignOption = Annotated[
    bool,
    typer.Option(
        "--skip-foreign", help="Skip YAML files that are not journeys or personas even when named (for pre-commit)."
    ),
]


@app.command()
def validate(  # noqa: PLR0917 - Typer maps each command-line option to a parameter
    paths: PathsArgument = None,
    output_format: FormatOption = OutputFormat.text,  # type: ignore[attr-defined]
    quiet: QuietOption = False,
    max_file_size: MaxSizeOption = "32M",
    skip_foreign: SkipForeignOption = False,
    jobs: JobsOption = None,
) -> None:
    """Check journey and persona files against the format and their cross-references.

    Exit codes: 0 all valid, 1 some file invalid, 2 usage or I/O error.
    """
    from journeyctl.loader import LoadLimits
    from journeyctl.report import writer
    from journeyctl.run import exit_code, validate_paths, validation_report

    limits = LoadLimits(max_file_bytes=parse_size(max_file_size))
    run = validate_paths(paths or ["."], limits, skip_foreign=skip_foreign, jobs=jobs, keep_models=False)
    report = validation_report(run, quiet=quiet)
    writer(output_format.value)(report, sys.stdout)
    raise typer.Exit(exit_code(report.diagnostics))


class FailOn(enum.StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


def _rule_selectors(values: list[str] | None) -> list[str]:
    """`--select JM1,JM2 --select owner-unknown` -> each selector once, in order."""
    found = [part.strip() for value in values or [] for part in value.split(",") if part.strip()]
    return list(dict.fromkeys(found))


def _parse_today(text: str | None) -> datetime.date:
    if text is None:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"'{text}' is not a date; write it as YYYY-MM-DD", param_hint="--today") from None


def _fail(message: str) -> NoReturn:
    from journeyctl.diagnostics import printable  # messages quote config files and arguments

    for line in message.splitlines():
        sys.stderr.write(f"journeyctl: error: {printable(line)}\n")
    raise typer.Exit(EXIT_ERROR)


@app.command()
def lint(  # noqa: PLR0917 - Typer maps each command-line option to a parameter
    paths: PathsArgument = None,
    output_format: FormatOption = OutputFormat.text,  # type: ignore[attr-defined]
    quiet: QuietOption = False,
    config: Annotated[
        Optional[Path],
        typer.Option("--config", help="Configuration file (default: the nearest .journeyctl.yaml or pyproject.toml)."),
    ] = None,
    select: Annotated[
        Optional[list[str]],
        typer.Option(
            "--select", metavar="RULES", help="Run only these rules: codes, prefixes (JM2), names or ALL; repeatable."
        ),
    ] = None,
    ignore: Annotated[
        Optional[list[str]],
        typer.Option("--ignore", metavar="RULES", help="Do not run these rules; repeatable, comma-separated."),
    ] = None,
    fail_on: Annotated[
        Optional[FailOn],
        typer.Option(
            "--fail-on",
            help="Lowest severity that makes the exit code 1 (default: warning, or the configuration's fail-on).",
        ),
    ] = None,
    today: Annotated[
        Optional[str], typer.Option("--today", metavar="YYYY-MM-DD", help="Date the review rules count from.")
    ] = None,
    baseline: Annotated[
        Optional[Path], typer.Option("--baseline", help="Report only findings not recorded in this baseline file.")
    ] = None,
    write_baseline: Annotated[
        Optional[Path], typer.Option("--write-baseline", help="Record the current findings in this file.")
    ] = None,
    max_file_size: MaxSizeOption = "32M",
    skip_foreign: SkipForeignOption = False,
    jobs: JobsOption = None,
) -> None:
    """Find the gaps in journey maps: missing owners, metrics, touchpoints, opportunities, reviews.

    Files are validated first; a file that does not validate reports its errors and is
    not linted. Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage,
    configuration or I/O error.
    """
    from journeyctl.diagnostics import Severity
    from journeyctl.lint import ConfigError, Overrides, load_config
    from journeyctl.lint.baseline import BaselineError, new_findings, read_baseline
    from journeyctl.lint.baseline import write_baseline as record_baseline
    from journeyctl.lint.batch import lint_paths
    from journeyctl.loader import LoadLimits
    from journeyctl.report import writer
    from journeyctl.run import exit_code, lint_report

    if baseline is not None and write_baseline is not None:
        _fail("use either --baseline or --write-baseline, not both")
    limits = LoadLimits(max_file_bytes=parse_size(max_file_size))
    day = _parse_today(today)
    overrides = Overrides(
        select=_rule_selectors(select) if select else None,
        ignore=_rule_selectors(ignore),
        fail_on=Severity.parse(fail_on.value) if fail_on is not None else None,
    )
    try:
        settings = load_config(config, overrides=overrides)
    except ConfigError as error:
        _fail(str(error))
    run, result = lint_paths(
        paths or ["."], settings, day, limits, skip_foreign=skip_foreign, jobs=jobs, keep_models=False
    )
    diagnostics = sorted([*run.all_diagnostics(), *result.diagnostics], key=lambda d: d.sort_key)
    try:
        if write_baseline is not None:
            recorded = record_baseline(write_baseline, diagnostics)
            sys.stderr.write(f"journeyctl: recorded {sum(recorded.values())} findings in {write_baseline}\n")
            diagnostics = new_findings(diagnostics, recorded, write_baseline)
        elif baseline is not None:
            diagnostics = new_findings(diagnostics, read_baseline(baseline), baseline)
    except BaselineError as error:
        _fail(str(error))
    report = lint_report(run, result, settings, diagnostics, quiet=quiet)
    writer(output_format.value)(report, sys.stdout)
    raise typer.Exit(exit_code(report.diagnostics, settings.fail_on))


@app.command()
def rules(
    rule: Annotated[
        Optional[str], typer.Argument(metavar="[CODE-OR-NAME]", help="Explain this rule.", show_default=False)
    ] = None,
) -> None:
    """List the lint rules, or explain one: `journeyctl rules JM201`."""
    from rich.console import Console

    from journeyctl.lint import RULES
    from journeyctl.lint.registry import FAMILIES, UnknownRuleError, find_rule

    console = Console(highlight=False)
    if rule is not None:
        from rich.markdown import Markdown

        from journeyctl.lint.docs import rule_markdown

        try:
            found = find_rule(rule)
        except UnknownRuleError as error:
            _fail(str(error))
        console.print(Markdown(rule_markdown(found, level=1)))
        console.print(f"\nDocs: {found.meta.docs_url}", soft_wrap=True)
        return
    from rich.text import Text

    # Two lines per rule rather than a table: rule names are long, terminals are narrow.
    shown_family = ""
    for code, candidate in RULES.items():
        if code[:3] != shown_family:
            shown_family = code[:3]
            console.print(Text(f"\n{shown_family} {FAMILIES.get(shown_family, '')}".rstrip(), style="bold underline"))
        meta = candidate.meta
        line = Text()
        line.append(code, style="bold")
        line.append(f" {meta.name} ")
        line.append(f"({meta.severity.label}{', recommended' if meta.recommended else ''})", style="dim")
        line.append(f"\n      {meta.summary}")
        console.print(line)
    console.print(Text("\n`journeyctl rules CODE-OR-NAME` explains one rule.", style="dim"))


@app.command()
def render(  # noqa: PLR0917 - Typer maps each command-line option to a parameter
    paths: PathsArgument = None,
    output_format: Annotated[
        RenderFormat, typer.Option("--format", "-f", help="html (a folder), markdown or mermaid.")
    ] = RenderFormat.html,  # type: ignore[attr-defined]
    out: Annotated[
        Optional[Path],
        typer.Option("--out", "-o", help="Output folder (default: site for html; stdout for markdown and mermaid)."),
    ] = None,
    lang: Annotated[
        Optional[str],
        typer.Option("--lang", help="Language of the labels: en, pt-BR, ro... (default: each map's lang, else en)."),
    ] = None,
    templates: Annotated[
        Optional[Path], typer.Option("--templates", help="Folder of templates that override the shipped ones by name.")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Write into an --out folder that holds files journeyctl did not write.")
    ] = False,
    no_lint: Annotated[bool, typer.Option("--no-lint", help="Do not run lint; the maps show no findings.")] = False,
    today: Annotated[
        Optional[str], typer.Option("--today", metavar="YYYY-MM-DD", help="Date that review deadlines count from.")
    ] = None,
    max_file_size: MaxSizeOption = "32M",
) -> None:
    """Render journey maps: self-contained HTML pages, or Markdown and Mermaid for code hosts.

    Invalid files are reported and not rendered; the valid ones still are. Exit codes:
    0 all rendered, 1 some file invalid (nothing written for it), 2 usage, output
    folder refused, or I/O error.
    """
    from journeyctl.loader import LoadLimits
    from journeyctl.render.command import RenderRequest, run_render

    request = RenderRequest(
        paths=paths or ["."],
        output_format=output_format.value,
        out=out,
        lang=lang,
        templates=templates,
        force=force,
        lint=not no_lint,
        today=_parse_today(today) if today is not None else None,
        limits=LoadLimits(max_file_bytes=parse_size(max_file_size)),
    )
    raise typer.Exit(run_render(request, __version__, sys.stdout, sys.stderr))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the journey and persona file format."""
    import json

    from journeyctl.schema import json_schema

    typer.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))


@app.command()
def channels(
    output_format: Annotated[
        ChannelsFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ChannelsFormat.text,
) -> None:
    """List the built-in channel catalog (id, name, kind)."""
    from journeyctl.channels import CATALOG

    if output_format is ChannelsFormat.json:
        import json

        rows = [{"id": c.id, "name": c.name, "kind": c.kind, "description": c.description} for c in CATALOG.values()]
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("id", "name", "kind", "description", title="Built-in channels", title_justify="left")
    for channel in CATALOG.values():
        table.add_row(channel.id, channel.name, channel.kind, channel.description)
    Console(highlight=False).print(table)


def main() -> NoReturn:
    """Console entry point: no input ever ends in a traceback."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and (stream.encoding or "").lower().replace("-", "") != "utf8":
            stream.reconfigure(encoding="utf-8")
    # The cyclic garbage collector would walk every node, value and model a run builds,
    # again and again as they pile up: about half the cost of a parse. Nothing built
    # here forms a cycle, refcounting frees it all, and the process is short-lived.
    gc.disable()
    _leave(_run_app())


def _run_app() -> int:
    """Run the command line; its exit status."""
    try:
        app()
    except SystemExit as request:
        return _exit_status(request.code)
    except KeyboardInterrupt:
        sys.stderr.write("journeyctl: interrupted\n")
        return 130
    except Exception as error:  # a traceback is a bug; say so plainly instead
        sys.stderr.write(
            f"journeyctl: internal error: {type(error).__name__}: {error}\n"
            "Please report this, with the command and the file that caused it.\n"
        )
        return EXIT_ERROR
    return 0


def _exit_status(code: object) -> int:
    """The status `sys.exit(code)` would end the process with."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    sys.stderr.write(f"{code}\n")
    return 1


def _leave(status: int) -> NoReturn:
    """End the process without tearing the interpreter down.

    Unloading a hundred modules and the final collection over them take about 40 ms
    once the work is done (a sixth of a pre-commit run on one file) and achieve
    nothing: by then every output file is written and closed, and worker pools are
    shut down. Only the standard streams still hold output; they are flushed here.
    """
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError):  # a reader that went away (`| head`) is no error
            stream.flush()
    os._exit(status)
