"""Configuration files get the same care as journey files: same loader, same messages.

Each hostile `.journeyctl.yaml` (or TOML) stops the run with exit 2 and a message
that names the file, the line and the column where there is one.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest
from hostile_inputs import DEPTH

from conftest import EXAMPLES, RunCli

COMPANION = EXAMPLES / "retail-omnichannel"
BILLION_LAUGHS = (Path(__file__).parent / "corpus" / "alias-bomb.yaml").read_bytes()


class ConfigCase(NamedTuple):
    name: str
    file_name: str
    content: bytes
    message: str
    """What follows the file name in the error."""
    found_when_walking: bool = True


CONFIG_CASES = [
    ConfigCase(
        "duplicate-key",
        ".journeyctl.yaml",
        b"lint:\n  ignore: [JM201]\n  ignore: [JM202]\n",
        ":3:3: duplicate key 'ignore': the first one is kept",
    ),
    ConfigCase(
        "python-tag",
        ".journeyctl.yaml",
        b'lint: !!python/object/apply:os.system ["touch pwned"]\n',
        ":1:7: the YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed",
    ),
    ConfigCase(
        "custom-tag",
        ".journeyctl.yaml",
        b"lint:\n  ignore: !env IGNORED\n",
        ":2:11: the YAML tag '!env' is not allowed",
    ),
    ConfigCase(
        "latin1",
        ".journeyctl.yaml",
        b"lint:\n  ignore: [JM201]\n# coment\xe1rio\n",
        ":3:9: is not valid UTF-8: byte 0xE1",
    ),
    ConfigCase(
        "utf16", ".journeyctl.yaml", "lint:\n  ignore: [JM201]\n".encode("utf-16"), ":1:1: is UTF-16 or UTF-32 text"
    ),
    ConfigCase("nul-byte", ".journeyctl.yml", b"lint:\n  ignore: [JM2\x0001]\n", ":2:15: contains a NUL byte"),
    ConfigCase(
        "alias-bomb", ".journeyctl.yaml", BILLION_LAUGHS, ":8:5: aliases expand the document by more than 100,000 nodes"
    ),
    ConfigCase("list-at-root", ".journeyctl.yaml", b"- lint\n", ":1:1: the document is a list, not a mapping"),
    ConfigCase(
        "two-documents", ".journeyctl.yaml", b"lint: {}\n---\nlint: {}\n", ":2:1: holds more than one YAML document"
    ),
    ConfigCase("tab-indentation", ".journeyctl.yaml", b"lint:\n\tignore: [JM201]\n", ":2:1: a tab character"),
    # A broken pyproject.toml found on the way up may be another tool's: only --config reports it.
    ConfigCase(
        "toml-utf16",
        "pyproject.toml",
        "[tool.journeyctl]\nlint = {}\n".encode("utf-16"),
        ": is not UTF-8 text",
        found_when_walking=False,
    ),
]


@pytest.mark.parametrize("case", CONFIG_CASES, ids=lambda case: case.name)
def test_hostile_config_is_refused_with_file_line_and_reason(
    case: ConfigCase, tmp_path: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / case.file_name
    config.write_bytes(case.content)
    monkeypatch.chdir(tmp_path)  # found by the walk up from here, as in a real project
    results = [run_cli("lint", "--config", config, COMPANION, exit=2)]
    if case.found_when_walking:
        results.append(run_cli("lint", COMPANION, exit=2))
    for result in results:
        assert "Traceback" not in result.stderr
        assert f"{case.file_name}{case.message}" in result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == [case.file_name], "nothing constructed, nothing written"


def test_a_config_nested_30000_deep_is_refused_without_a_crash(tmp_path: Path) -> None:
    config = tmp_path / ".journeyctl.yaml"
    config.write_text("lint: " + "[" * DEPTH + "]" * DEPTH + "\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "journeyctl", "lint", "--config", str(config), str(COMPANION)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "nests deeper than 64 levels" in done.stderr
    assert "Traceback" not in done.stderr


DEEP_TOML = "x = " + "[" * 100_000 + "]" * 100_000 + "\n"


def test_a_deeply_nested_pyproject_found_on_the_way_up_is_left_alone(
    tmp_path: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another tool's broken pyproject.toml must not stop lint in its folder."""
    (tmp_path / "pyproject.toml").write_text(DEEP_TOML, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run_cli("lint", COMPANION)


def test_a_deeply_nested_toml_named_with_config_is_refused(tmp_path: Path, run_cli: RunCli) -> None:
    config = tmp_path / "journeyctl.toml"
    config.write_text("[tool.journeyctl]\n" + DEEP_TOML, encoding="utf-8")
    result = run_cli("lint", "--config", config, COMPANION, exit=2)
    assert "journeyctl.toml: nests far too deep to be a configuration" in result.stderr
    assert "internal error" not in result.stderr


def test_terminal_escapes_quoted_from_a_config_are_shown_not_sent(
    tmp_path: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".journeyctl.yaml").write_text('lint:\n  select: ["\\e]0;owned\\a\\e[2J"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for result in (
        run_cli("lint", COMPANION, exit=2),
        run_cli("render", COMPANION, "--out", tmp_path / "site", exit=2),
    ):
        assert "\x1b" not in result.stderr
        assert "\x07" not in result.stderr
        assert "'\\x1b]0;owned\\x07\\x1b[2J' names no lint rule" in result.stderr
