"""Hostile inputs too large, too binary or too tied to the file system to commit.

Each builder makes its input under `root` and returns the command-line argument that
names it. `cases.yaml` refers to builders by name. Run this file to write them all
into a folder and try them by hand:

    .venv/bin/python tests/hostile/hostile_inputs.py /tmp/hostile
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

DEPTH: Final = 30_000
"""Past libyaml's C composer's limit: around 25,000 levels it overflows the C stack."""

VALID_JOURNEY: Final = """kind: journey
id: {id}
title: {title}
stages:
  - id: browse
    name: Browse
    steps:
      - id: compare
        name: Compare kettles
"""

Builder = Callable[[Path], str]
BUILDERS: dict[str, Builder] = {}


def builder(function: Builder) -> Builder:
    BUILDERS[function.__name__] = function
    return function


def journey(ident: str, title: str = "Buying a kettle") -> str:
    return VALID_JOURNEY.format(id=ident, title=title)


@builder
def deep_flow_sequence(root: Path) -> str:
    target = root / "deep-flow-sequence.yaml"
    target.write_text("[" * DEPTH + "]" * DEPTH + "\n")
    return str(target)


@builder
def deep_block_sequence(root: Path) -> str:
    target = root / "deep-block-sequence.yaml"
    target.write_text("- " * DEPTH + "kettle\n")
    return str(target)


@builder
def deep_flow_mapping(root: Path) -> str:
    target = root / "deep-flow-mapping.yaml"
    target.write_text("{a: " * DEPTH + "kettle" + "}" * DEPTH + "\n")
    return str(target)


@builder
def one_megabyte_id(root: Path) -> str:
    target = root / "one-megabyte-id.yaml"
    target.write_text(journey("k" * 1_048_576))
    return str(target)


@builder
def one_megabyte_title(root: Path) -> str:
    target = root / "one-megabyte-title.yaml"
    target.write_text(journey("long-title", "kettle " * 149_796))
    return str(target)


@builder
def fifty_megabytes(root: Path) -> str:
    """50 MiB: a journey followed by a very long comment, written without holding it all."""
    target = root / "fifty-megabytes.yaml"
    head = journey("fifty-megabytes").encode() + b"# "
    chunk = b"k" * (1024 * 1024)
    with target.open("wb") as out:
        out.write(head)
        remaining = 50 * 1024 * 1024 - len(head)
        while remaining > 0:
            out.write(chunk[:remaining])
            remaining -= len(chunk)
    return str(target)


@builder
def five_thousand_digits(root: Path) -> str:
    target = root / "five-thousand-digits.yaml"
    target.write_text(journey("five-thousand-digits") + "        emotion: " + "9" * 5_000 + "\n")
    return str(target)


@builder
def alias_repeated_text(root: Path) -> str:
    """108 KB that renders to 200 MB: one long anchored text, reused 2,000 times.

    Loading it costs nothing (the text is shared), so only a budget on repeated text
    stops it before lint and render write it out 2,000 times.
    """
    target = root / "alias-repeated-text.yaml"
    aliases = ", ".join(["*long"] * 2_000)
    target.write_text(journey("repeated-text", "&long " + "kettle " * 15_000) + f"goals: [{aliases}]\n")
    return str(target)


@builder
def alias_repeated_key(root: Path) -> str:
    """The same through mapping keys: a 200,000-character key reused by ten personas."""
    target = root / "alias-repeated-key.yaml"
    personas = [
        "personas:",
        "  - id: first",
        "    name: First",
        "    demographics:",
        "      ? &key " + "k" * 200_000,
        "      : 1",
    ]
    for index in range(10):
        personas += [f"  - id: copy-{index}", "    name: Copy", "    demographics:", "      ? *key", "      : 1"]
    target.write_text(journey("repeated-key") + "\n".join(personas) + "\n")
    return str(target)


@builder
def fifo_named(root: Path) -> str:
    target = root / "pipe.yaml"
    os.mkfifo(target)
    return str(target)


def _folder_with(root: Path, name: str) -> Path:
    """A walked folder holding one valid journey, so the walk has work to go on with."""
    folder = root / name
    folder.mkdir()
    (folder / "fine.yaml").write_text(journey(f"fine-{name}"))
    return folder


@builder
def fifo_in_folder(root: Path) -> str:
    folder = _folder_with(root, "with-fifo")
    os.mkfifo(folder / "pipe.yaml")
    return str(folder)


@builder
def socket_in_folder(root: Path) -> str:
    folder = _folder_with(root, "with-socket")
    # AF_UNIX paths are limited to ~100 bytes: bind through a short relative path.
    listener = socket.socket(socket.AF_UNIX)
    previous = Path.cwd()
    try:
        os.chdir(folder)
        listener.bind("socket.yaml")
    finally:
        os.chdir(previous)
        listener.close()
    return str(folder)


@builder
def device_named(root: Path) -> str:
    return os.devnull


@builder
def broken_symlink_in_folder(root: Path) -> str:
    folder = _folder_with(root, "with-broken-link")
    (folder / "gone.yaml").symlink_to(folder / "deleted-long-ago.yaml")
    return str(folder)


@builder
def self_symlink_in_folder(root: Path) -> str:
    folder = _folder_with(root, "with-self-link")
    (folder / "self.yaml").symlink_to("self.yaml")
    return str(folder)


@builder
def folder_symlink_loop(root: Path) -> str:
    folder = _folder_with(root, "with-loop")
    (folder / "nested").mkdir()
    (folder / "nested" / "back-up").symlink_to(folder, target_is_directory=True)
    return str(folder)


@builder
def folder_named_like_a_file(root: Path) -> str:
    folder = root / "journey.yaml"
    folder.mkdir()
    (folder / "inside.yaml").write_text(journey("inside-a-folder-named-like-a-file"))
    return str(folder)


@builder
def file_named_like_a_folder(root: Path) -> str:
    target = root / "kettle.yaml"
    target.write_text(journey("named-like-a-folder"))
    return str(target) + "/"


@builder
def missing_path(root: Path) -> str:
    return str(root / "never-written.yaml")


@builder
def unreadable_file(root: Path) -> str:
    target = root / "locked.yaml"
    target.write_text(journey("locked"))
    target.chmod(0)
    return str(target)


@builder
def non_ascii_path(root: Path) -> str:
    folder = root / "ação"
    folder.mkdir()
    (folder / "înregistrare cu spații.yaml").write_text(journey("Ação", "Înregistrare"), encoding="utf-8")
    return str(folder)


@builder
def file_name_not_utf8(root: Path) -> str:
    target = os.path.join(os.fsencode(root), b"\xff\xfe-latin.yaml")
    with open(target, "wb") as out:
        out.write(journey("Bad").encode())
    return str(root)


def can_bypass_permissions() -> bool:
    """True for root, whom chmod 000 does not stop."""
    return hasattr(os, "geteuid") and os.geteuid() == 0


def is_fifo(path: Path) -> bool:
    return stat.S_ISFIFO(path.lstat().st_mode)


@dataclass(frozen=True)
class Measured:
    returncode: int
    peak_rss_kib: int
    stdout: str
    stderr: str


# Runs in a fresh interpreter so that RUSAGE_CHILDREN holds exactly one child: the
# command measured, not every process the caller started before.
_MEASURE: Final = """
import resource, subprocess, sys, json
done = subprocess.run(sys.argv[1:], capture_output=True, text=True, errors="replace", timeout=120)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps([done.returncode, peak, done.stdout, done.stderr]))
"""


def measure(arguments: list[str], cwd: Path | None = None) -> Measured:
    """Run `journeyctl ARGUMENTS` in a subprocess; its exit code and peak memory (KiB)."""
    import json

    command = [sys.executable, "-c", _MEASURE, sys.executable, "-m", "journeyctl", *arguments]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, cwd=cwd, check=True)
    returncode, peak, stdout, stderr = json.loads(done.stdout)
    return Measured(returncode, peak, stdout, stderr)


def main(arguments: list[str]) -> int:
    if len(arguments) != 1:
        print("usage: hostile_inputs.py FOLDER", file=sys.stderr)
        return 2
    root = Path(arguments[0])
    root.mkdir(parents=True, exist_ok=True)
    for name, build in BUILDERS.items():
        case_root = root / name
        case_root.mkdir(exist_ok=True)
        try:
            print(f"{name}: {build(case_root)}")
        except OSError as error:  # already built, or not possible on this system
            print(f"{name}: not built ({error})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
