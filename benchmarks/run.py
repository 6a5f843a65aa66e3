"""Measure journeyctl against the cost of parsing its input, and against its peers.

    .venv/bin/python benchmarks/run.py            # everything, 5 runs a row (15-25 minutes)
    .venv/bin/python benchmarks/run.py --quick    # smaller corpus, 3 runs a row (a few minutes)
    .venv/bin/python benchmarks/run.py --write    # also record the tables in benchmarks/RESULTS.md

Every figure is a whole process (start-up included), run several times; the tables
show medians. Rows of a table are run round-robin, so that load from elsewhere on the
machine falls on all of them alike, and each is shown as a ratio to the table's
baseline measured in the same rounds: absolute times are noise on a shared machine,
ratios are not. Peak memory is the child's max RSS (from os.wait4).

The baseline for work on files is "the floor": one Python process that reads every
file and yaml.load()s it with PyYAML's C loader (CSafeLoader), and does nothing else.
The corpus is made by benchmarks/generate.py; it is generated when missing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import yaml
from yaml import _yaml as yaml_c  # type: ignore[attr-defined]

HERE: Final = Path(__file__).resolve().parent
REPO: Final = HERE.parent
CORPUS: Final = HERE / "corpus"
RESULTS: Final = HERE / "RESULTS.md"
BIN: Final = Path(sys.executable).parent
PYTHON: Final = sys.executable

FLOOR_SCRIPT: Final = """
import os, sys, yaml
paths = []
for argument in sys.argv[1:]:
    if os.path.isdir(argument):
        for folder, _, names in os.walk(argument):
            paths += [os.path.join(folder, n) for n in names if n.endswith((".yaml", ".yml"))]
    else:
        paths.append(argument)
for path in sorted(paths):
    with open(path, "rb") as stream:
        yaml.load(stream, Loader=yaml.CSafeLoader)
"""


@dataclass
class Row:
    label: str
    argv: list[str]
    target: str = ""
    """The target this row is held to, in words (`<= 0.8x`)."""
    limit: float | None = None
    """The ratio to the baseline the row must not exceed, when it has a target."""
    times: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)
    failed: str = ""

    @property
    def seconds(self) -> float:
        return statistics.median(self.times) if self.times else float("nan")

    @property
    def rss_mib(self) -> float:
        return max(self.rss_kib) / 1024 if self.rss_kib else float("nan")


@dataclass
class Table:
    title: str
    rows: list[Row]
    baseline: int = 0
    """Index of the row the others are divided by."""
    note: str = ""

    def ratio(self, row: Row) -> float:
        return row.seconds / self.rows[self.baseline].seconds

    def memory_ratio(self, row: Row) -> float:
        return row.rss_mib / self.rows[self.baseline].rss_mib


def measure(argv: Sequence[str]) -> tuple[float, int, int]:
    """Wall seconds, max RSS in KiB and exit status of one whole process."""
    start = _clock()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=REPO)
    assert process.stderr is not None
    error_text = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = _clock() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stderr.close()
    if process.returncode not in (0, 1):
        complaint = error_text.decode(errors="replace")[-400:]
        raise RuntimeError(f"{' '.join(argv)} exited {process.returncode}: {complaint}")
    return elapsed, usage.ru_maxrss, process.returncode


def _clock() -> float:
    return time.perf_counter()


def run_tables(tables: list[Table], runs: int, progress: Callable[[str], None]) -> None:
    """Each table's rows round-robin, `runs` rounds; a failing row is reported, not fatal."""
    for table in tables:
        progress(f"{table.title} ({runs} rounds)")
        for _ in range(runs):
            for row in table.rows:
                if row.failed:
                    continue
                try:
                    elapsed, rss, _ = measure(row.argv)
                except (OSError, RuntimeError) as error:
                    row.failed = str(error)
                    progress(f"  {row.label}: FAILED {error}")
                    continue
                row.times.append(elapsed)
                row.rss_kib.append(rss)
            progress(f"  round done: {len(table.rows)} rows")


# ---------------------------------------------------------------------------------
# What is measured


@dataclass(frozen=True)
class Tools:
    journeyctl: str
    commands: frozenset[str]
    """journeyctl's subcommands in this checkout (lint and render may be missing)."""
    with_jobs: frozenset[str]
    """The subcommands that take `--jobs`."""
    check_jsonschema: str | None
    yamllint: str | None
    schema_file: Path


def find_tools(scratch: Path) -> Tools:
    journeyctl = str(BIN / "journeyctl")
    help_text = subprocess.run([journeyctl, "--help"], capture_output=True, text=True, check=True).stdout
    commands = frozenset(re.findall(r"^│ (\w+)\s", help_text, re.MULTILINE)) or frozenset(
        name for name in ("validate", "lint", "render") if re.search(rf"\b{name}\b", help_text)
    )
    with_jobs = frozenset(
        command
        for command in commands
        if "--jobs"
        in subprocess.run([journeyctl, command, "--help"], capture_output=True, text=True, check=False).stdout
    )
    schema_file = scratch / "journeyctl.schema.json"
    schema_file.write_text(
        subprocess.run([journeyctl, "schema"], capture_output=True, text=True, check=True).stdout, encoding="utf-8"
    )

    def optional(name: str) -> str | None:
        path = BIN / name
        return str(path) if path.exists() else shutil.which(name)

    return Tools(
        journeyctl,
        commands,
        with_jobs,
        optional("check-jsonschema"),
        optional("yamllint"),
        schema_file,
    )


def yaml_files(path: Path) -> list[str]:
    if path.is_file():
        return [str(path)]
    return sorted(str(p) for p in path.rglob("*.y*ml"))


class Commands:
    """The argv of each measured command, on a given input."""

    def __init__(self, tools: Tools, scratch: Path) -> None:
        self.tools = tools
        self.scratch = scratch

    def jobs(self, command: str, count: int) -> list[str]:
        return ["--jobs", str(count)] if command in self.tools.with_jobs else []

    def floor(self, path: Path) -> Row:
        return Row("floor: yaml.load (CSafeLoader)", [PYTHON, "-c", FLOOR_SCRIPT, str(path)])

    def validate(self, path: Path, jobs: int = 1, **held: object) -> Row:
        argv = [self.tools.journeyctl, "validate", *self.jobs("validate", jobs), "-q", "-f", "json", str(path)]
        return Row(f"journeyctl validate --jobs {jobs}", argv, **held)  # type: ignore[arg-type]

    def lint(self, path: Path, jobs: int = 1, **held: object) -> Row | None:
        if "lint" not in self.tools.commands:
            return None
        argv = [self.tools.journeyctl, "lint", *self.jobs("lint", jobs), "-q", "-f", "json", str(path)]
        return Row(f"journeyctl lint --jobs {jobs}", argv, **held)  # type: ignore[arg-type]

    def render(self, path: Path, jobs: int = 1, **held: object) -> Row | None:
        if "render" not in self.tools.commands:
            return None
        out = self.scratch / f"render-{path.name}-{jobs}"
        argv = [self.tools.journeyctl, "render", *self.jobs("render", jobs), "--out", str(out), str(path)]
        return Row(f"journeyctl render --jobs {jobs}", argv, **held)  # type: ignore[arg-type]

    def check_jsonschema(self, path: Path) -> Row | None:
        if self.tools.check_jsonschema is None:
            return None
        argv = [self.tools.check_jsonschema, "--schemafile", str(self.tools.schema_file), *yaml_files(path)]
        return Row("check-jsonschema (journeyctl schema)", argv)

    def yamllint(self, path: Path) -> Row | None:
        if self.tools.yamllint is None:
            return None
        return Row("yamllint (default config)", [self.tools.yamllint, str(path)])


def present(*rows: Row | None) -> list[Row]:
    return [row for row in rows if row is not None]


def build_tables(commands: Commands, quick: bool) -> list[Table]:
    files = CORPUS / "files-1000"
    small = CORPUS / "small.yaml"
    biggest = CORPUS / ("steps-5000.yaml" if quick else "steps-20000.yaml")
    peers_on = CORPUS / ("files-100" if quick else "files-1000")
    j = commands.tools.journeyctl
    tables = [
        Table(
            "1,000 typical files (--jobs 1)",
            present(
                commands.floor(files),
                commands.validate(files, target="<= 0.8x", limit=0.8),
                commands.lint(files, target="<= 1.0x", limit=1.0),
                commands.render(files, target="<= 1.6x", limit=1.6),
            ),
        ),
        Table(
            f"Peers on {peers_on.name} (ratios to journeyctl validate)",
            present(
                commands.validate(peers_on),
                commands.floor(peers_on),
                commands.check_jsonschema(peers_on),
                commands.yamllint(peers_on),
            ),
            note="journeyctl validate must be at least 10x faster than each peer: their ratio >= 10x.",
        ),
        Table(
            f"One big journey: {biggest.name} (--jobs 1)",
            present(
                commands.floor(biggest),
                commands.validate(biggest, target="<= 0.5x", limit=0.5),
                commands.lint(biggest),
                commands.render(biggest),
            ),
            note="Memory target: journeyctl validate's peak RSS at most 3x the floor's.",
        ),
        Table(
            "Start-up (ratios to python -c pass)",
            [
                Row("python -c pass", [PYTHON, "-c", "pass"]),
                Row("python -c 'import typer'", [PYTHON, "-c", "import typer"]),
                Row("python -c 'import typer, pydantic, yaml'", [PYTHON, "-c", "import typer, pydantic, yaml"]),
                Row("journeyctl --version", [j, "--version"], target="<= 1.3x import typer", limit=1.3),
                Row(
                    "journeyctl validate small.yaml",
                    [j, "validate", str(small)],
                    target="<= 2.0x import typer, pydantic, yaml",
                    limit=2.0,
                ),
            ],
        ),
    ]
    tables += scaling_tables(commands, quick)
    if commands.tools.with_jobs:
        cores = os.cpu_count() or 1
        jobs_rows: list[Row] = []
        for name, command in (("validate", commands.validate), ("lint", commands.lint), ("render", commands.render)):
            if name in commands.tools.with_jobs:
                jobs_rows += present(command(files, 1), command(files, cores))
        tables.append(
            Table(
                f"--jobs on 1,000 files ({cores} cores; speed-up = 1 / ratio to the --jobs 1 row above it)",
                jobs_rows,
                note="Target: --jobs N at least 1.6x faster than --jobs 1 on 2 cores.",
            )
        )
    return tables


def scaling_tables(commands: Commands, quick: bool) -> list[Table]:
    steps = (2_500, 5_000) if quick else (2_500, 5_000, 10_000, 20_000)
    counts = (100, 1_000) if quick else (100, 1_000, 4_000)
    tables = []
    for label, inputs in (
        ("steps", [CORPUS / f"steps-{n}.yaml" for n in steps]),
        ("files", [CORPUS / f"files-{n}" for n in counts]),
    ):
        rows: list[Row] = []
        for path in inputs:
            size = path.stem.split("-")[1] if label == "steps" else path.name.split("-")[1]
            for row in present(
                commands.floor(path), commands.validate(path), commands.lint(path), commands.render(path)
            ):
                row.label = f"{int(size):>6,} {label}: {row.label}"
                rows.append(row)
        tables.append(Table(f"Scaling with {label} (--jobs 1)", rows, note="growth: see the per-unit columns"))
    return tables


# ---------------------------------------------------------------------------------
# Output


def format_table(table: Table) -> list[str]:
    baseline = table.rows[table.baseline]
    lines = [f"### {table.title}", ""]
    scaling = table.title.startswith("Scaling")
    header = "| command | median ms | ratio | max RSS MiB | RSS ratio | target |"
    if scaling:
        header = "| command | median ms | ratio | max RSS MiB | growth (time, RSS) vs previous size |"
    lines += [header, "|" + "---|" * (header.count("|") - 1)]
    previous: dict[str, Row] = {}
    for row in table.rows:
        if row.failed or not row.times:
            lines.append(f"| {row.label} | failed | | | | {row.failed[:80]} |")
            continue
        ratio = table.ratio(row)
        shown_ratio = "baseline" if row is baseline else f"{ratio:.2f}x"
        if scaling:
            size, _, command = row.label.partition(": ")
            before = previous.get(command)
            growth = ""
            if before is not None:
                factor = _size(size) / _size(before.label.partition(": ")[0])
                time_growth, memory_growth = row.seconds / before.seconds, row.rss_mib / before.rss_mib
                growth = f"x{factor:g} input: time x{time_growth:.2f}, RSS x{memory_growth:.2f}"
            previous[command] = row
            baseline_label = f"{size}: floor"
            floor = next((r for r in table.rows if r.label.startswith(baseline_label)), baseline)
            shown_ratio = "floor" if row is floor else f"{row.seconds / floor.seconds:.2f}x"
            lines.append(f"| {row.label} | {row.seconds * 1000:,.0f} | {shown_ratio} | {row.rss_mib:,.0f} | {growth} |")
            continue
        verdict = ""
        if row.limit is not None:
            compared = ratio
            if "import typer, pydantic" in row.target:
                compared = row.seconds / _row(table, "typer, pydantic").seconds
            elif "import typer" in row.target:
                compared = row.seconds / _row(table, "'import typer'").seconds
            verdict = f"{row.target}: {compared:.2f}x {'met' if compared <= row.limit else 'MISSED'}"
        memory = "" if row is baseline else f"{table.memory_ratio(row):.2f}x"
        lines.append(
            f"| {row.label} | {row.seconds * 1000:,.0f} | {shown_ratio} | {row.rss_mib:,.0f} | {memory} | {verdict} |"
        )
    if table.note:
        lines += ["", table.note]
    return [*lines, ""]


def _size(label: str) -> float:
    return float(label.strip().split(" ")[0].replace(",", ""))


def _row(table: Table, fragment: str) -> Row:
    return next(row for row in table.rows if fragment in row.label)


def machine() -> list[str]:
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        total_kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{total_kib / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    libyaml = getattr(yaml, "__with_libyaml__", False)
    libyaml_version = ""
    if libyaml:
        libyaml_version = f" (libyaml {yaml_c.get_version_string()})"
    return [
        f"- CPU: {cpu}, {os.cpu_count()} cores; RAM {memory}",
        f"- Python {platform.python_version()} ({platform.python_implementation()}),"
        f" {platform.system()} {platform.release()}",
        f"- PyYAML {yaml.__version__}{libyaml_version}",
        f"- Date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; commit {_commit()}",
    ]


def _commit() -> str:
    result = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], check=False, capture_output=True, text=True, cwd=REPO
    )
    return result.stdout.strip() or "unknown"


def report(tables: list[Table], runs: int, quick: bool) -> str:
    lines = [
        "# Benchmark results",
        "",
        "Made by `.venv/bin/python benchmarks/run.py --write`"
        + (" --quick" if quick else "")
        + f"; medians of {runs} runs, whole processes, rows run round-robin.",
        "Ratios are to the first row of each table unless the title says otherwise.",
        "",
        *machine(),
        "",
    ]
    for table in tables:
        lines += format_table(table)
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller inputs, fewer runs: a few minutes")
    parser.add_argument("--runs", type=int, help="rounds per table (default: 5, or 3 with --quick)")
    parser.add_argument("--only", help="only tables whose title contains this text")
    parser.add_argument("--write", action="store_true", help="write benchmarks/RESULTS.md")
    options = parser.parse_args()
    runs = options.runs or (3 if options.quick else 5)
    biggest = "steps-5000.yaml" if options.quick else "steps-20000.yaml"
    needed = [CORPUS / "small.yaml", CORPUS / "files-1000", CORPUS / biggest]
    if not options.quick:
        needed.append(CORPUS / "files-4000")
    if not all(path.exists() for path in needed):
        print("generating the corpus...", file=sys.stderr)
        generate = [PYTHON, str(HERE / "generate.py"), *(["--quick"] if options.quick else [])]
        subprocess.run(generate, check=True)
    with tempfile.TemporaryDirectory(prefix="journeyctl-bench-") as scratch_name:
        scratch = Path(scratch_name)
        tools = find_tools(scratch)
        tables = build_tables(Commands(tools, scratch), options.quick)
        if options.only:
            tables = [t for t in tables if options.only.lower() in t.title.lower()]
        run_tables(tables, runs, lambda message: print(message, file=sys.stderr, flush=True))
    text = report(tables, runs, options.quick)
    print(text)
    if options.write:
        RESULTS.write_text(text + "\n", encoding="utf-8")
        print(f"wrote {RESULTS.relative_to(REPO)}", file=sys.stderr)


if __name__ == "__main__":
    main()
