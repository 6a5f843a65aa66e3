"""Measure journeyctl against the cost of parsing its input, and against its peers.

    .venv/bin/python benchmarks/run.py            # everything, 3 rounds (about 25 minutes)
    .venv/bin/python benchmarks/run.py --quick    # smaller inputs (a few minutes)
    .venv/bin/python benchmarks/run.py --write    # also record the tables in benchmarks/RESULTS.md
    .venv/bin/python benchmarks/run.py --only start-up --runs 9

Every figure is a whole process, start-up included. The rows of a table run
round-robin, several rounds after a warm-up round, so that load from elsewhere on the
machine falls on all of them alike; the tables show medians, and each row as a ratio
to a baseline measured in the same rounds: absolute times are noise on a shared
machine, ratios much less so. CPU time (user + system) is shown beside wall time, and
peak memory is the child's max RSS from os.wait4 (a process started from this one
reports at least this runner's own RSS, about 15 MiB, so tiny processes read high).

The baseline for work on files is "the floor": one Python process that reads every
file and yaml.load()s it with PyYAML's C loader (CSafeLoader), and does nothing else.
The corpus is made by benchmarks/generate.py, and generated here when missing.
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
from typing import Final, Literal

import yaml
from yaml import _yaml as yaml_c

HERE: Final = Path(__file__).resolve().parent
REPO: Final = HERE.parent
CORPUS: Final = HERE / "corpus"
RESULTS: Final = HERE / "RESULTS.md"
BIN: Final = Path(sys.executable).parent
PYTHON: Final = sys.executable
GROWTH_TOLERANCE: Final = 1.10
"""Linear growth, within 10%: input x k costs at most k x 1.10 the time and memory."""

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


@dataclass(frozen=True)
class Sample:
    seconds: float
    """Wall-clock time of the whole process."""
    cpu_seconds: float
    """User plus system time: less sensitive than wall time to other load on the machine."""
    rss_kib: int


@dataclass(frozen=True)
class Target:
    """A target a row is held to: its time (or peak memory) over a reference row's."""

    reference: str
    """The label of the reference row, in the same table."""
    limit: float
    words: str
    at_least: bool = False
    """The ratio must reach the limit (peers: at least 10x slower) rather than stay under it."""
    memory: bool = False


@dataclass
class Row:
    label: str
    argv: list[str]
    targets: tuple[Target, ...] = ()
    samples: list[Sample] = field(default_factory=list)
    failed: str = ""

    @property
    def seconds(self) -> float:
        return statistics.median(s.seconds for s in self.samples) if self.samples else float("nan")

    @property
    def cpu_seconds(self) -> float:
        return statistics.median(s.cpu_seconds for s in self.samples) if self.samples else float("nan")

    @property
    def rss_mib(self) -> float:
        return max(s.rss_kib for s in self.samples) / 1024 if self.samples else float("nan")


TableKind = Literal["ratios", "scaling", "jobs"]


@dataclass
class Table:
    title: str
    rows: list[Row]
    kind: TableKind = "ratios"
    note: str = ""
    warm_up: bool = False
    """One uncounted round first: start-up times need byte code written and files cached."""
    rounds: int | None = None
    """Fewer rounds than the others, for rows that take minutes."""
    least_rounds: int = 1
    """More rounds than the others, for rows of a tenth of a second: the noise of a
    shared machine is largest, relative to the time measured, on the shortest runs."""

    def rounds_for(self, runs: int) -> int:
        return max(min(runs, self.rounds or runs), self.least_rounds)

    def row(self, label: str) -> Row:
        return next(row for row in self.rows if row.label == label)


@dataclass(frozen=True)
class Verdict:
    table: str
    row: str
    words: str
    ratio: float
    met: bool


# ---------------------------------------------------------------------------------
# Measuring


def child_environment() -> dict[str, str]:
    """The environment of every measured process: byte-code caching on, as after a normal install.

    Without cached byte code each start-up would compile journeyctl's modules again
    (PYTHONDONTWRITEBYTECODE is common in containers and CI images).
    """
    environment = dict(os.environ)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    return environment


def measure(argv: Sequence[str], environment: dict[str, str]) -> Sample:
    """One whole process: wall and CPU seconds, and its max RSS in KiB (from os.wait4)."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=REPO, env=environment)
    assert process.stderr is not None
    error_text = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stderr.close()
    if process.returncode not in (0, 1):  # 1 is "findings": a result, not a failure
        complaint = error_text.decode(errors="replace")[-400:]
        raise RuntimeError(f"{' '.join(argv)} exited {process.returncode}: {complaint}")
    return Sample(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)


def run_tables(tables: list[Table], runs: int, progress: Callable[[str], None]) -> None:
    """Each table's rows round-robin, `runs` rounds (after an uncounted warm-up round where
    the table asks for one). A failing row is reported, not fatal."""
    environment = child_environment()
    for table in tables:
        rounds = table.rounds_for(runs)
        progress(f"{table.title}: {rounds} rounds of {len(table.rows)} rows")
        for round_number in range(0 if table.warm_up else 1, rounds + 1):
            for row in table.rows:
                if row.failed:
                    continue
                try:
                    sample = measure(row.argv, environment)
                except (OSError, RuntimeError) as error:
                    row.failed = str(error)
                    progress(f"  {row.label}: FAILED {error}")
                    continue
                if round_number:
                    row.samples.append(sample)
            progress(f"  round {round_number} of {rounds} done" if round_number else "  warm-up done")


# ---------------------------------------------------------------------------------
# What is measured


@dataclass(frozen=True)
class Tools:
    journeyctl: str
    commands: frozenset[str]
    """journeyctl's subcommands in this checkout."""
    with_jobs: frozenset[str]
    """The subcommands that take `--jobs`."""
    check_jsonschema: str | None
    yamllint: str | None
    schema_file: Path


def find_tools(scratch: Path) -> Tools:
    journeyctl = str(BIN / "journeyctl")

    def output(*arguments: str) -> str:
        return subprocess.run([journeyctl, *arguments], capture_output=True, text=True, check=False).stdout

    commands = frozenset(name for name in ("validate", "lint", "render") if re.search(rf"\b{name}\b", output("--help")))
    with_jobs = frozenset(command for command in commands if "--jobs" in output(command, "--help"))
    schema_file = scratch / "journeyctl.schema.json"
    schema_file.write_text(output("schema"), encoding="utf-8")

    def optional(name: str) -> str | None:
        path = BIN / name
        return str(path) if path.exists() else shutil.which(name)

    return Tools(journeyctl, commands, with_jobs, optional("check-jsonschema"), optional("yamllint"), schema_file)


def yaml_files(path: Path) -> list[str]:
    if path.is_file():
        return [str(path)]
    return sorted(str(p) for p in path.rglob("*.y*ml"))


FLOOR: Final = "floor: yaml.load (CSafeLoader)"


class Commands:
    """The rows that measure each command on a given input."""

    def __init__(self, tools: Tools, scratch: Path) -> None:
        self.tools = tools
        self.scratch = scratch

    def _journeyctl(self, command: str, path: Path, jobs: int, *options: str) -> Row | None:
        if command not in self.tools.commands:
            return None
        with_jobs = ["--jobs", str(jobs)] if command in self.tools.with_jobs else []
        argv = [self.tools.journeyctl, command, *with_jobs, *options, str(path)]
        return Row(f"journeyctl {command} --jobs {jobs}", argv)

    def floor(self, path: Path) -> Row:
        return Row(FLOOR, [PYTHON, "-c", FLOOR_SCRIPT, str(path)])

    def validate(self, path: Path, jobs: int = 1) -> Row | None:
        return self._journeyctl("validate", path, jobs, "-q", "-f", "json")

    def lint(self, path: Path, jobs: int = 1) -> Row | None:
        return self._journeyctl("lint", path, jobs, "-q", "-f", "json")

    def render(self, path: Path, jobs: int = 1) -> Row | None:
        out = self.scratch / f"render-{path.name}-{jobs}"
        return self._journeyctl("render", path, jobs, "--out", str(out))

    def check_jsonschema(self, path: Path) -> Row | None:
        if self.tools.check_jsonschema is None:
            return None
        argv = [self.tools.check_jsonschema, "--schemafile", str(self.tools.schema_file), *yaml_files(path)]
        return Row("check-jsonschema (journeyctl schema)", argv)

    def yamllint(self, path: Path) -> Row | None:
        if self.tools.yamllint is None:
            return None
        return Row("yamllint (default config)", [self.tools.yamllint, str(path)])


def held(row: Row | None, *targets: Target) -> Row | None:
    if row is not None:
        row.targets = targets
    return row


def present(*rows: Row | None) -> list[Row]:
    return [row for row in rows if row is not None]


def build_tables(commands: Commands, quick: bool) -> list[Table]:
    files = CORPUS / "files-1000"
    small = CORPUS / "small.yaml"
    # The peers take 15-20x the floor, minutes a round on 1,000 files: two rounds of
    # them in a full run, and 100 files in a quick one.
    peers_on = CORPUS / ("files-100" if quick else "files-1000")
    validate_1 = "journeyctl validate --jobs 1"
    journeyctl = commands.tools.journeyctl
    typer_import = "python -c 'import typer'"
    stack_import = "python -c 'import typer, pydantic, yaml'"
    tables = [
        Table(
            "1,000 typical files, one process (ratios to the floor)",
            present(
                commands.floor(files),
                held(commands.validate(files), Target(FLOOR, 0.8, "<= 0.8x floor")),
                held(commands.lint(files), Target(FLOOR, 1.0, "<= 1.0x floor")),
                held(commands.render(files), Target(FLOOR, 1.6, "<= 1.6x floor")),
            ),
            note="`render` writes HTML with lint findings in it, so it includes lint's work.",
            warm_up=True,
        ),
        Table(
            f"Peers on {peers_on.name} (ratios to the floor)",
            present(
                commands.floor(peers_on),
                commands.validate(peers_on),
                held(commands.check_jsonschema(peers_on), Target(validate_1, 10, ">= 10x validate", at_least=True)),
                held(commands.yamllint(peers_on), Target(validate_1, 10, ">= 10x validate", at_least=True)),
            ),
            rounds=None if quick else 2,
        ),
        Table(
            "Start-up (ratios to python -c pass)",
            [
                Row("python -c pass", [PYTHON, "-c", "pass"]),
                Row(typer_import, [PYTHON, "-c", "import typer"]),
                Row(stack_import, [PYTHON, "-c", "import typer, pydantic, yaml"]),
                Row(
                    "journeyctl --version",
                    [journeyctl, "--version"],
                    (Target(typer_import, 1.3, "<= 1.3x import typer"),),
                ),
                Row(
                    "journeyctl validate small.yaml",
                    [journeyctl, "validate", str(small)],
                    (Target(stack_import, 2.0, "<= 2.0x import typer, pydantic, yaml"),),
                ),
            ],
            warm_up=True,
            least_rounds=15,
        ),
        *scaling_tables(commands, quick),
    ]
    cores = os.cpu_count() or 1
    jobs_rows: list[Row] = []
    for name, command in (("validate", commands.validate), ("lint", commands.lint), ("render", commands.render)):
        one, many = command(files, 1), command(files, cores)
        if one is not None and many is not None and name in commands.tools.with_jobs:
            many.targets = (Target(one.label, 1.6, f">= 1.6x faster than {one.label}", at_least=True),)
            jobs_rows += [one, many]
    if jobs_rows:
        tables.append(
            Table(
                f"--jobs {cores} on 1,000 files ({cores} cores)",
                jobs_rows,
                kind="jobs",
                # Processes running side by side feel a shared machine's other load
                # most; five rounds of a few seconds each.
                least_rounds=1 if quick else 5,
            )
        )
    return tables


def scaling_tables(commands: Commands, quick: bool) -> list[Table]:
    steps = (2_500, 5_000) if quick else (2_500, 5_000, 10_000, 20_000)
    counts = (100, 1_000) if quick else (100, 1_000, 4_000)
    tables = []
    for unit, inputs in (
        ("steps", [(n, CORPUS / f"steps-{n}.yaml") for n in steps]),
        ("files", [(n, CORPUS / f"files-{n}") for n in counts]),
    ):
        rows: list[Row] = []
        for size, path in inputs:
            for row in present(
                commands.floor(path), commands.validate(path), commands.lint(path), commands.render(path)
            ):
                row.label = f"{size:,} {unit}: {row.label}"
                rows.append(row)
        if unit == "steps":  # the biggest journey is held to the single-file targets
            size = inputs[-1][0]
            floor = f"{size:,} steps: {FLOOR}"
            for row in rows:
                if row.label == f"{size:,} steps: journeyctl validate --jobs 1":
                    row.targets = (
                        Target(floor, 0.5, "<= 0.5x floor"),
                        Target(floor, 3.0, "RSS <= 3x floor", memory=True),
                    )
        # Growth compares two medians of one table: five rounds keep a burst of load on
        # the machine from passing for a change in the slope.
        tables.append(Table(f"Scaling with {unit}, one process", rows, kind="scaling", least_rounds=1 if quick else 5))
    return tables


# ---------------------------------------------------------------------------------
# Reporting


def ratio_of(row: Row, target: Target, table: Table) -> float:
    reference = table.row(target.reference)
    if target.memory:
        return row.rss_mib / reference.rss_mib
    if table.kind == "jobs":  # a speed-up: how many times faster than the reference
        return reference.seconds / row.seconds
    return row.seconds / reference.seconds


def verdicts(tables: list[Table]) -> list[Verdict]:
    found = []
    for table in tables:
        for row in table.rows:
            if not row.samples:
                continue
            for target in row.targets:
                ratio = ratio_of(row, target, table)
                met = ratio >= target.limit if target.at_least else ratio <= target.limit
                found.append(Verdict(table.title, row.label, target.words, ratio, met))
        if table.kind == "scaling":
            found += growth_verdicts(table)
    return found


def _split(label: str) -> tuple[int, str]:
    size, _, command = label.partition(": ")
    return int(size.split(" ")[0].replace(",", "")), command


def growth(table: Table) -> dict[str, tuple[float, float, float]]:
    """Row label -> (input factor, time factor, memory factor) against the same command's previous size."""
    previous: dict[str, Row] = {}
    found = {}
    for row in table.rows:
        size, command = _split(row.label)
        before = previous.get(command)
        if before is not None and row.samples and before.samples:
            found[row.label] = (
                size / _split(before.label)[0],
                row.seconds / before.seconds,
                row.rss_mib / before.rss_mib,
            )
        previous[command] = row
    return found


def growth_verdicts(table: Table) -> list[Verdict]:
    found = []
    for label, (factor, time_factor, memory_factor) in growth(table).items():
        if FLOOR in label:
            continue
        worst = max(time_factor, memory_factor) / factor
        words = f"linear: x{factor:g} input, time and RSS <= x{factor * GROWTH_TOLERANCE:.3g}"
        found.append(Verdict(table.title, label, words, worst, worst <= GROWTH_TOLERANCE))
    return found


def format_table(table: Table) -> list[str]:
    lines = [f"### {table.title}", ""]
    if table.kind == "scaling":
        lines += [
            "| input: command | median ms | ratio to floor | CPU ms | max RSS MiB | time growth | RSS growth |",
            "|---|--:|--:|--:|--:|--:|--:|",
        ]
        grown = growth(table)
        for row in table.rows:
            size, _ = _split(row.label)
            floor = next(r for r in table.rows if r.label.startswith(f"{size:,} ") and FLOOR in r.label)
            ratio = "floor" if row is floor else f"{row.seconds / floor.seconds:.2f}x"
            factor, time_factor, memory_factor = grown.get(row.label, (0.0, 0.0, 0.0))
            time_growth = f"x{time_factor:.2f} for x{factor:g}" if factor else ""
            memory_growth = f"x{memory_factor:.2f}" if factor else ""
            lines.append(
                f"| {row.label} | {_ms(row.seconds)} | {ratio} | {_ms(row.cpu_seconds)} | {row.rss_mib:,.0f} "
                f"| {time_growth} | {memory_growth} |"
            )
    elif table.kind == "jobs":
        lines += ["| command | median ms | speed-up | CPU ms | max RSS MiB |", "|---|--:|--:|--:|--:|"]
        for row in table.rows:
            speed_up = next((f"{ratio_of(row, t, table):.2f}x" for t in row.targets), "")
            lines.append(
                f"| {row.label} | {_ms(row.seconds)} | {speed_up} | {_ms(row.cpu_seconds)} | {row.rss_mib:,.0f} |"
            )
    else:
        baseline = table.rows[0]
        lines += [
            "| command | median ms | ratio | CPU ms | CPU ratio | max RSS MiB | RSS ratio |",
            "|---|--:|--:|--:|--:|--:|--:|",
        ]
        for row in table.rows:
            if not row.samples:
                lines.append(f"| {row.label} | failed: {row.failed[:100]} | | | | | |")
                continue
            first = row is baseline
            lines.append(
                f"| {row.label} | {_ms(row.seconds)} | {'baseline' if first else _x(row.seconds / baseline.seconds)} "
                f"| {_ms(row.cpu_seconds)} | {'' if first else _x(row.cpu_seconds / baseline.cpu_seconds)} "
                f"| {row.rss_mib:,.0f} | {'' if first else _x(row.rss_mib / baseline.rss_mib)} |"
            )
    if table.note:
        lines += ["", table.note]
    return [*lines, ""]


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f}"


def _x(ratio: float) -> str:
    return f"{ratio:.2f}x"


def format_verdicts(found: list[Verdict]) -> list[str]:
    lines = ["## Targets", "", "| target | row | measured | |", "|---|---|--:|---|"]
    for verdict in found:
        shown = f"{verdict.ratio:.2f}" if "linear" in verdict.words else _x(verdict.ratio)
        lines.append(f"| {verdict.words} | {verdict.row} | {shown} | {'met' if verdict.met else '**missed**'} |")
    met = sum(v.met for v in found)
    lines += [
        "",
        f"{met} of {len(found)} targets met. For growth, `measured` is the worse of time and RSS growth"
        " divided by the growth of the input (<= 1.10 is linear within 10%).",
    ]
    return [*lines, ""]


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
    libyaml = f" with libyaml {yaml_c.get_version_string()}" if getattr(yaml, "__with_libyaml__", False) else ""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return [
        f"- CPU: {cpu}, {os.cpu_count()} cores; RAM {memory}; load average {load:.1f} at the end of the run",
        f"- Python {platform.python_version()} ({platform.python_implementation()}),"
        f" {platform.system()} {platform.release()}",
        f"- PyYAML {yaml.__version__}{libyaml}",
        f"- {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, commit {_commit()}",
    ]


def _commit() -> str:
    result = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], check=False, capture_output=True, text=True, cwd=REPO
    )
    return result.stdout.strip() or "unknown"


def _other_rounds(tables: list[Table], runs: int) -> str:
    """The tables measured over another number of rounds than `runs`, e.g. " (start-up: 15)"."""
    others = [f"{_short_title(table)}: {table.rounds_for(runs)}" for table in tables if table.rounds_for(runs) != runs]
    return f" ({'; '.join(others)})" if others else ""


def _short_title(table: Table) -> str:
    return table.title.split(" (")[0].split(", ")[0].lower()


def report(tables: list[Table], runs: int, command: str) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"`{command}`: whole processes, medians of {runs} rounds{_other_rounds(tables, runs)},",
        "rows run round-robin, the start-up and 1,000-file tables after an uncounted warm-up round.",
        "Ratios are to the first row of each table; the scaling tables compare each size with the",
        "floor on the same input. CPU is user + system time, steadier than wall time under load.",
        "",
        *machine(),
        "",
        *format_verdicts(verdicts(tables)),
    ]
    for table in tables:
        lines += format_table(table)
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller inputs, fewer rounds: a few minutes")
    parser.add_argument("--runs", type=int, help="rounds per table (default: 3)")
    parser.add_argument("--only", help="only the tables whose title contains this text")
    parser.add_argument("--write", action="store_true", help="write benchmarks/RESULTS.md")
    options = parser.parse_args()
    runs = options.runs or 3
    biggest = "steps-5000.yaml" if options.quick else "steps-20000.yaml"
    needed = [CORPUS / "small.yaml", CORPUS / "files-1000", CORPUS / biggest]
    if not options.quick:
        needed.append(CORPUS / "files-4000")
    if not all(path.exists() for path in needed):
        print("generating the corpus...", file=sys.stderr)
        subprocess.run([PYTHON, str(HERE / "generate.py"), *(["--quick"] if options.quick else [])], check=True)
    with tempfile.TemporaryDirectory(prefix="journeyctl-bench-") as scratch_name:
        scratch = Path(scratch_name)
        tables = build_tables(Commands(find_tools(scratch), scratch), options.quick)
        if options.only:
            tables = [t for t in tables if options.only.lower() in t.title.lower()]
        run_tables(tables, runs, lambda message: print(message, file=sys.stderr, flush=True))
    command = "python benchmarks/run.py " + " ".join(sys.argv[1:])
    text = report(tables, runs, command.strip())
    print(text)
    if options.write:
        RESULTS.write_text(text + "\n", encoding="utf-8")
        print(f"wrote {RESULTS.relative_to(REPO)}", file=sys.stderr)


if __name__ == "__main__":
    main()
