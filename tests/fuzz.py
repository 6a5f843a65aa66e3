"""Mutation fuzzing of validate, lint and render: no input may end in a traceback.

The shipped examples are mutated (bytes flipped, lines deleted or duplicated,
truncation, YAML specials inserted...) and fed to every command in-process, with
exceptions not caught. A crash is an exception, an internal-error diagnostic or an
exit code outside 0, 1 and 2. The property tests (tests/property) draw the same
mutations with hypothesis on a small budget; this module runs a long campaign:

    .venv/bin/python -m tests.fuzz --examples 20000 [--seed 7] [--save crashes/]

It prints how many inputs of each mutation kind it tried and every crash it found
(saved to --save for replay), and exits 1 if there was any.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Protocol, TypeVar

from typer.testing import CliRunner

from journeyctl.cli import app

REPO: Final = Path(__file__).resolve().parent.parent
EXAMPLES: Final = REPO / "examples"
COMMANDS: Final = ("validate", "lint", "render")
OUTPUT_FORMATS: Final = {
    "validate": ("text", "json", "github", "sarif"),
    "lint": ("text", "json", "github", "sarif"),
    "render": ("html", "markdown", "mermaid"),
}

# Fragments with a meaning in YAML, or that journeyctl must treat as plain text.
YAML_SPECIALS: Final[tuple[bytes, ...]] = (
    b"&anchor ",
    b"*anchor",
    b"*undefined",
    b"<<: *anchor\n",
    b"!!python/object/apply:os.system ['echo fuzz']",
    b"!!binary ",
    b"!custom ",
    b"%YAML 1.1\n",
    b"%TAG ! tag:example.com,2000:\n",
    b"---\n",
    b"...\n",
    b"? ",
    b"- ",
    b": ",
    b"{",
    b"}",
    b"[",
    b"]",
    b"|\n",
    b">-\n",
    b"'",
    b'"',
    b"#",
    b"\t",
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\xc3",
    b"\x1b[2J",
    b"\r",
    b"\r\n",
    b"\\",
    b"~",
    b"null",
    b".nan",
    b"-.inf",
    b"1e999",
    b"9" * 400,
    b"No",
    b"2026-02-30",
    b"<script>alert(1)</script>",
    b"javascript:alert(1)",
    "ação înregistrare 日本 🙂".encode(),
)


class Chooser(Protocol):
    """Where a mutation's choices come from: `random.Random` or hypothesis."""

    def integer(self, low: int, high: int) -> int: ...


@dataclass
class RandomChooser:
    generator: random.Random

    def integer(self, low: int, high: int) -> int:
        return self.generator.randint(low, high)


T = TypeVar("T")


def pick(choose: Chooser, options: Sequence[T]) -> T:
    return options[choose.integer(0, len(options) - 1)]


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True) or [b""]


def flip_bytes(data: bytes, choose: Chooser) -> bytes:
    mutable = bytearray(data or b" ")
    for _ in range(choose.integer(1, 8)):
        position = choose.integer(0, len(mutable) - 1)
        mutable[position] ^= 1 << choose.integer(0, 7)
    return bytes(mutable)


def delete_lines(data: bytes, choose: Chooser) -> bytes:
    lines = _lines(data)
    start = choose.integer(0, len(lines) - 1)
    del lines[start : start + choose.integer(1, 5)]
    return b"".join(lines)


def duplicate_lines(data: bytes, choose: Chooser) -> bytes:
    lines = _lines(data)
    start = choose.integer(0, len(lines) - 1)
    block = lines[start : start + choose.integer(1, 5)]
    insert_at = choose.integer(0, len(lines))
    return b"".join(lines[:insert_at] + block + lines[insert_at:])


def swap_lines(data: bytes, choose: Chooser) -> bytes:
    lines = _lines(data)
    first, second = choose.integer(0, len(lines) - 1), choose.integer(0, len(lines) - 1)
    lines[first], lines[second] = lines[second], lines[first]
    return b"".join(lines)


def reindent_line(data: bytes, choose: Chooser) -> bytes:
    lines = _lines(data)
    index = choose.integer(0, len(lines) - 1)
    stripped = lines[index].lstrip(b" ")
    lines[index] = b" " * choose.integer(0, 16) + stripped
    return b"".join(lines)


def truncate(data: bytes, choose: Chooser) -> bytes:
    return data[: choose.integer(0, len(data))]


def insert_special(data: bytes, choose: Chooser) -> bytes:
    position = choose.integer(0, len(data))
    return data[:position] + pick(choose, YAML_SPECIALS) + data[position:]


def replace_value(data: bytes, choose: Chooser) -> bytes:
    """Put a special where a value was: after the first `: ` of a random line."""
    lines = _lines(data)
    index = choose.integer(0, len(lines) - 1)
    key, separator, _ = lines[index].partition(b": ")
    if separator:
        lines[index] = key + separator + pick(choose, YAML_SPECIALS) + b"\n"
    return b"".join(lines)


Mutation = Callable[[bytes, Chooser], bytes]
MUTATIONS: Final[dict[str, Mutation]] = {
    function.__name__.replace("_", "-"): function
    for function in (
        flip_bytes,
        delete_lines,
        duplicate_lines,
        swap_lines,
        reindent_line,
        truncate,
        insert_special,
        replace_value,
    )
}


@dataclass(frozen=True)
class Source:
    """One example file, mutated in place inside a copy of its map's folder.

    The whole folder is checked, so a mutated journey still finds its persona files
    and reaches lint and render instead of stopping at a missing reference.
    """

    folder: str
    file: Path
    data: bytes

    def __str__(self) -> str:
        return f"examples/{self.folder}/{self.file}"


def example_sources() -> list[Source]:
    return [
        Source(
            path.relative_to(EXAMPLES).parts[0],
            path.relative_to(EXAMPLES / path.relative_to(EXAMPLES).parts[0]),
            path.read_bytes(),
        )
        for path in sorted(EXAMPLES.rglob("*.yaml"))
    ]


def make_workspace(root: Path) -> Path:
    """A private copy of the examples to mutate."""
    workspace = root / "examples"
    shutil.copytree(EXAMPLES, workspace, dirs_exist_ok=True)
    return workspace


@dataclass(frozen=True)
class Outcome:
    command: str
    exit_code: int
    problem: str | None
    """Why this is a crash, or None."""


def run_command(command: str, output_format: str, target: Path, workdir: Path) -> Outcome:
    """One command on one map folder, in-process, exceptions not caught."""
    arguments = [command, "--format", output_format, str(target)]
    if command == "render":
        arguments += ["--out", str(workdir / "out"), "--force"]
    try:
        result = CliRunner().invoke(app, arguments, catch_exceptions=False)
    except Exception:
        return Outcome(command, -1, traceback.format_exc())
    output = result.stdout + result.stderr
    if result.exit_code not in (0, 1, 2):
        return Outcome(command, result.exit_code, f"exit code {result.exit_code}\n{output}")
    if "Traceback" in output or "internal error" in output or "JM099" in output:
        return Outcome(command, result.exit_code, output)
    return Outcome(command, result.exit_code, None)


def check_mutation(
    source: Source, data: bytes, choose: Chooser, workspace: Path, commands: Sequence[str] = COMMANDS
) -> list[Outcome]:
    """Put `data` in place of the source file, run every command on its folder, restore it."""
    target = workspace / source.folder / source.file
    target.write_bytes(data)
    try:
        return [
            run_command(command, pick(choose, OUTPUT_FORMATS[command]), workspace / source.folder, workspace.parent)
            for command in commands
        ]
    finally:
        target.write_bytes(source.data)


@dataclass
class Campaign:
    tried: Counter[str] = field(default_factory=Counter)
    exits: Counter[str] = field(default_factory=Counter)
    crashes: list[tuple[str, bytes, Outcome]] = field(default_factory=list)


def fuzz(examples: int, seed: int, commands: Sequence[str], save: Path | None) -> Campaign:
    generator = random.Random(seed)
    choose = RandomChooser(generator)
    sources = example_sources()
    campaign = Campaign()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="journeyctl-fuzz-") as scratch:
        workspace = make_workspace(Path(scratch))
        for number in range(1, examples + 1):
            source = pick(choose, sources)
            data = source.data
            kinds = [pick(choose, list(MUTATIONS)) for _ in range(choose.integer(1, 3))]
            for kind in kinds:
                data = MUTATIONS[kind](data, choose)
            label = "+".join(kinds)
            campaign.tried.update(kinds)
            for outcome in check_mutation(source, data, choose, workspace, commands):
                campaign.exits[f"{outcome.command} exit {outcome.exit_code}"] += 1
                if outcome.problem is not None:
                    campaign.crashes.append((f"{source} {label}", data, outcome))
                    if save is not None:
                        save.mkdir(parents=True, exist_ok=True)
                        (save / f"crash-{len(campaign.crashes):04d}.yaml").write_bytes(data)
            if number % 1000 == 0:
                rate = number / (time.monotonic() - started)
                print(f"  {number:,} inputs, {len(campaign.crashes)} crashes, {rate:.0f}/s", file=sys.stderr)
    return campaign


def report(campaign: Campaign, examples: int, seed: int, elapsed: float) -> None:
    print(f"journeyctl fuzz: {examples:,} mutated inputs, seed {seed}, {elapsed:.0f} s")
    print("mutations applied (an input gets 1 to 3):")
    for kind, count in sorted(campaign.tried.items()):
        print(f"  {kind:<18} {count:>8,}")
    print("command outcomes:")
    for label, count in sorted(campaign.exits.items()):
        print(f"  {label:<18} {count:>8,}")
    print(f"crashes found: {len(campaign.crashes)}")
    for where, _, outcome in campaign.crashes[:20]:
        print(f"--- {outcome.command} on {where}\n{outcome.problem}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=2000, help="how many mutated inputs to try")
    parser.add_argument("--seed", type=int, default=0, help="random seed; the same seed tries the same inputs")
    parser.add_argument("--commands", default=",".join(COMMANDS), help="comma-separated, from: validate,lint,render")
    parser.add_argument("--save", type=Path, help="folder to write crashing inputs to")
    options = parser.parse_args(argv)
    commands = [name for name in options.commands.split(",") if name]
    unknown = set(commands) - set(COMMANDS)
    if unknown:
        parser.error(f"unknown command: {', '.join(sorted(unknown))}")
    started = time.monotonic()
    campaign = fuzz(options.examples, options.seed, commands, options.save)
    report(campaign, options.examples, options.seed, time.monotonic() - started)
    return 1 if campaign.crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())
