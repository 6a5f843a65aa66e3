"""The other files journeyctl reads, a lint baseline and a render manifest, are hostile too.

A FIFO in their place must not hang the run, and JSON nested thousands deep must not
end in an internal error (Python's json module recurses).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLES, RunCli

RETAIL = EXAMPLES / "retail-omnichannel"
DEEP_JSON = "[" * 100_000 + "]" * 100_000


def journeyctl(*arguments: str | Path) -> subprocess.CompletedProcess[str]:
    """In a subprocess with a timeout: a regression here would hang, not fail."""
    return subprocess.run(
        [sys.executable, "-m", "journeyctl", *map(str, arguments)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_a_baseline_nested_too_deep_is_refused(tmp_path: Path, run_cli: RunCli) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text(DEEP_JSON, encoding="utf-8")
    result = run_cli("lint", RETAIL, "--baseline", baseline, exit=2)
    assert "is not a journeyctl baseline (its JSON nests far too deep)" in result.stderr
    assert "internal error" not in result.stderr


def test_a_baseline_that_is_a_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    os.mkfifo(baseline)
    done = journeyctl("lint", RETAIL, "--baseline", baseline)
    assert done.returncode == 2, done.stderr
    assert "is not a regular file" in done.stderr


def test_a_manifest_nested_too_deep_vouches_for_nothing(tmp_path: Path, run_cli: RunCli) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / ".journeyctl-manifest.json").write_text(DEEP_JSON, encoding="utf-8")
    run_cli("render", RETAIL, "--out", out)
    assert (out / "retail-omnichannel-running-shoes.html").is_file()


def test_a_manifest_that_is_a_fifo_does_not_hang_the_render(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    os.mkfifo(out / ".journeyctl-manifest.json")
    done = journeyctl("render", RETAIL, "--out", out)
    assert done.returncode == 0, done.stderr
    assert (out / ".journeyctl-manifest.json").is_file()


def test_a_label_catalog_nested_too_deep_is_refused(tmp_path: Path, run_cli: RunCli) -> None:
    catalogs = tmp_path / "templates" / "i18n"
    catalogs.mkdir(parents=True)
    (catalogs / "ro.json").write_text(DEEP_JSON, encoding="utf-8")
    result = run_cli(
        "render", RETAIL, "--templates", tmp_path / "templates", "--lang", "ro", "--out", tmp_path / "site", exit=2
    )
    assert "ro.json: not a label catalog: its JSON nests far too deep" in result.stderr
    assert not (tmp_path / "site").exists()
