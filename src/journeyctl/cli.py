"""The command line: parse options, call the layers below, return an exit code.

Only Typer is imported at start-up; each command imports what it needs, so
`journeyctl --version` and machine-format runs stay fast.
"""

from __future__ import annotations

import enum
import re
import sys
from typing import Annotated, Optional

import typer

from journeyctl import __version__
from journeyctl.report import FORMATS

app = typer.Typer(
    name="journeyctl",
    help="Customer journey maps as code: validate, lint and render journey YAML files.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_ERROR = 2
OutputFormat = enum.Enum("OutputFormat", {name: name for name in FORMATS}, type=str)  # type: ignore[misc]
"""The `--format` choices, straight from the format registry."""


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
SkipForeignOption = Annotated[
    bool,
    typer.Option(
        "--skip-foreign", help="Skip YAML files that are not journeys or personas even when named (for pre-commit)."
    ),
]


@app.command()
def validate(
    paths: PathsArgument = None,
    output_format: FormatOption = OutputFormat.text,  # type: ignore[attr-defined]
    quiet: QuietOption = False,
    max_file_size: MaxSizeOption = "32M",
    skip_foreign: SkipForeignOption = False,
) -> None:
    """Check journey and persona files against the format and their cross-references.

    Exit codes: 0 all valid, 1 some file invalid, 2 usage or I/O error.
    """
    from journeyctl.loader import LoadLimits
    from journeyctl.report import writer
    from journeyctl.run import exit_code, validate_paths, validation_report

    limits = LoadLimits(max_file_bytes=parse_size(max_file_size))
    run = validate_paths(paths or ["."], limits, skip_foreign=skip_foreign)
    report = validation_report(run, quiet=quiet)
    writer(output_format.value)(report, sys.stdout)
    raise typer.Exit(exit_code(report.diagnostics))


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


def main() -> None:
    """Console entry point: no input ever ends in a traceback."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and (stream.encoding or "").lower().replace("-", "") != "utf8":
            stream.reconfigure(encoding="utf-8")
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("journeyctl: interrupted\n")
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as error:  # a traceback is a bug; say so plainly instead
        sys.stderr.write(
            f"journeyctl: internal error: {type(error).__name__}: {error}\n"
            "Please report this, with the command and the file that caused it.\n"
        )
        sys.exit(EXIT_ERROR)
