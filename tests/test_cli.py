"""The command line as users and CI meet it: exit codes, formats, walking, the run."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from journeyctl import __version__
from journeyctl.channels import CATALOG
from journeyctl.cli import OutputFormat
from journeyctl.report import FORMATS

from conftest import EXAMPLES, REPO, RunCli

JOURNEY = """\
kind: journey
id: {id}
title: A small journey
personas: [{persona}]
stages:
  - id: awareness
    name: Awareness
"""
PERSONA = "kind: persona\nid: {id}\nname: Ana\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def diagnostics(stdout: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = json.loads(stdout)["diagnostics"]
    return found


def test_version(run_cli: RunCli) -> None:
    assert run_cli("--version").stdout.strip() == f"journeyctl {__version__}"


def test_examples_are_valid_and_every_file_is_listed(run_cli: RunCli) -> None:
    report = json.loads(run_cli("validate", "-f", "json", EXAMPLES).stdout)
    assert report["diagnostics"] == []
    kinds = sorted(entry["kind"] for entry in report["files"])
    assert kinds.count("journey") >= 3 and kinds.count("persona") >= 3
    assert all(entry["valid"] for entry in report["files"])


def test_missing_path_is_a_usage_problem(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("validate", "-f", "json", tmp_path / "nope.yaml", exit=2)
    assert [d["code"] for d in diagnostics(result.stdout)] == ["JM013"]


def test_unknown_option_exits_2(run_cli: RunCli) -> None:
    run_cli("validate", "--no-such-option", exit=2)


def test_one_broken_file_fails_the_run_and_the_others_are_still_checked(run_cli: RunCli, examples_copy: Path) -> None:
    journey = examples_copy / "retail-omnichannel" / "journey.yaml"
    text = journey.read_text(encoding="utf-8")
    journey.write_text(text.replace("owner:", "ownr:", 1), encoding="utf-8")
    report = json.loads(run_cli("validate", "-f", "json", examples_copy, exit=1).stdout)
    assert [d["code"] for d in report["diagnostics"]] == ["JM020"]
    assert sum(1 for entry in report["files"] if entry["valid"]) == len(report["files"]) - 1
    assert report["summary"]["error"] == 1


def test_quiet_prints_nothing_for_valid_files(run_cli: RunCli) -> None:
    assert run_cli("validate", "--quiet", EXAMPLES).stdout == ""


def test_text_output_names_file_line_and_column(run_cli: RunCli, tmp_path: Path) -> None:
    path = write(tmp_path / "j.yaml", JOURNEY.format(id="j", persona="").replace("title:", "titel:"))
    out = run_cli("validate", path, exit=1).stdout
    assert f"{path}:3:1: error JM020 unknown key 'titel'" in out
    assert "help: did you mean 'title'?" in out
    assert f"{path}:1:1: error JM021 the journey is missing the required field 'title'" in out
    assert "2 errors in 1 of 1 file checked" in out


def test_github_format_writes_workflow_annotations(run_cli: RunCli, tmp_path: Path) -> None:
    path = write(tmp_path / "j.yaml", JOURNEY.format(id="j", persona="ghost"))
    out = run_cli("validate", "-f", "github", path, exit=1).stdout.splitlines()
    assert len(out) == 1
    assert out[0].startswith(f"::error file={path},line=4,col=")
    assert "title=JM033 persona-unknown::persona 'ghost'" in out[0]


def test_every_registered_format_is_offered_by_the_cli() -> None:
    assert [member.value for member in OutputFormat] == list(FORMATS)


def test_personas_resolve_across_the_run(run_cli: RunCli, tmp_path: Path) -> None:
    journey = write(tmp_path / "journeys" / "j.yaml", JOURNEY.format(id="j", persona="ana"))
    write(tmp_path / "personas" / "ana.yml", PERSONA.format(id="ana"))
    alone = run_cli("validate", "-f", "json", journey, exit=1)
    assert [d["code"] for d in diagnostics(alone.stdout)] == ["JM033"]
    run_cli("validate", journey, tmp_path / "personas")


def test_ids_must_be_unique_across_files(run_cli: RunCli, tmp_path: Path) -> None:
    write(tmp_path / "a.yaml", PERSONA.format(id="ana"))
    write(tmp_path / "b.yaml", PERSONA.format(id="ana"))
    found = diagnostics(run_cli("validate", "-f", "json", tmp_path, exit=1).stdout)
    assert [(d["code"], d["file"], d["line"]) for d in found] == [("JM034", str(tmp_path / "b.yaml"), 2)]
    assert f"{tmp_path / 'a.yaml'}:2" in found[0]["message"]


def test_a_walk_skips_foreign_yaml_but_a_named_file_must_be_ours(run_cli: RunCli, tmp_path: Path) -> None:
    write(tmp_path / "ci.yml", "on: push\njobs: {}\n")
    write(tmp_path / ".hidden" / "j.yaml", "kind: journey\n")
    write(tmp_path / "broken-but-ours.yaml", "kind: persona\nid: [\n")
    write(tmp_path / "p.yaml", PERSONA.format(id="ana"))
    found = diagnostics(run_cli("validate", "-f", "json", tmp_path, exit=1).stdout)
    assert [(d["code"], Path(d["file"]).name) for d in found] == [("JM001", "broken-but-ours.yaml")]
    named = diagnostics(run_cli("validate", "-f", "json", tmp_path / "ci.yml", exit=1).stdout)
    assert [d["code"] for d in named] == ["JM012"]
    run_cli("validate", "--skip-foreign", tmp_path / "ci.yml", tmp_path / "p.yaml")


def test_file_size_limit(run_cli: RunCli, tmp_path: Path) -> None:
    path = write(tmp_path / "p.yaml", PERSONA.format(id="ana") + "description: " + "x" * 4096 + "\n")
    found = diagnostics(run_cli("validate", "-f", "json", "--max-file-size", "2K", path, exit=2).stdout)
    assert [d["code"] for d in found] == ["JM009"]
    run_cli("validate", "--max-file-size", "1M", path)
    run_cli("validate", "--max-file-size", "lots", path, exit=2)


def test_text_that_looks_like_other_types_stays_text(tmp_path: Path) -> None:
    from journeyctl.discover import discover
    from journeyctl.model import Journey
    from journeyctl.validate import validate_targets

    text = JOURNEY.format(id="j", persona="").replace("name: Awareness", "name: No\n    description: 2026-01-01")
    text = text.replace("title: A small journey", "title: 1.10\nowner: on")
    targets, _ = discover([str(write(tmp_path / "j.yaml", text))])
    run = validate_targets(targets, [])
    journey = run.files[0].model
    assert isinstance(journey, Journey)
    assert (journey.title, journey.owner, journey.stages[0].name, journey.stages[0].description) == (
        "1.10",
        "on",
        "No",
        "2026-01-01",
    )


def test_walk_survives_symlink_loops_and_reads_files_once(run_cli: RunCli, tmp_path: Path) -> None:
    write(tmp_path / "maps" / "p.yaml", PERSONA.format(id="ana"))
    (tmp_path / "maps" / "loop").symlink_to(tmp_path / "maps")
    report = json.loads(run_cli("validate", "-f", "json", tmp_path / "maps", tmp_path / "maps" / "p.yaml").stdout)
    assert len(report["files"]) == 1


def test_schema_command_matches_the_shipped_schema_file(run_cli: RunCli) -> None:
    printed = json.loads(run_cli("schema").stdout)
    shipped = json.loads((REPO / "schema" / "journeyctl.schema.json").read_text(encoding="utf-8"))
    assert printed == shipped, "regenerate with: journeyctl schema > schema/journeyctl.schema.json"
    jsonschema.Draft202012Validator.check_schema(printed)


def _plain(value: Any) -> Any:
    """What an editor's YAML 1.2 parser hands a JSON Schema: dates as strings."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def test_examples_conform_to_the_exported_schema_and_broken_ones_do_not(run_cli: RunCli) -> None:
    validator = jsonschema.Draft202012Validator(json.loads(run_cli("schema").stdout))
    for path in sorted(EXAMPLES.rglob("*.yaml")):
        data = _plain(yaml.safe_load(path.read_text(encoding="utf-8")))
        assert not list(validator.iter_errors(data)), path
        data["unexpected"] = 1
        assert list(validator.iter_errors(data)), path


def test_channels_lists_the_catalog(run_cli: RunCli) -> None:
    rows = json.loads(run_cli("channels", "-f", "json").stdout)
    assert [row["id"] for row in rows] == list(CATALOG)
    assert {row["kind"] for row in rows} == {"digital", "physical", "human"}
    assert "local-listing" in run_cli("channels").stdout


def test_utf8_paths_and_content_round_trip_through_json(run_cli: RunCli, tmp_path: Path) -> None:
    folder = tmp_path / "mapas de jornada" / "ação"
    path = write(folder / "înregistrare.yaml", "kind: persona\nid: ana\nname: Ana Ștefănescu\nnme: x\n")
    found = diagnostics(run_cli("validate", "-f", "json", path, exit=1).stdout)
    assert found[0]["file"] == str(path)
    assert "'nme'" in found[0]["message"] and found[0]["fix"] == "did you mean 'name'?"


def _journeyctl(*arguments: str | Path) -> subprocess.CompletedProcess[bytes]:
    # Buffered, as a pipe normally is: unflushed output would be lost at exit.
    environment = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    command = [sys.executable, "-m", "journeyctl", *map(str, arguments)]
    return subprocess.run(command, capture_output=True, check=False, env=environment)


def test_the_process_ends_with_the_commands_status_and_all_its_output(tmp_path: Path) -> None:
    # The process leaves without tearing the interpreter down: whatever the command
    # wrote must still be flushed, and its exit status kept.
    for copy in range(40):
        write(tmp_path / f"journey-{copy:02d}.yaml", JOURNEY.format(id=f"journey-{copy:02d}", persona="ana"))
    result = _journeyctl("lint", "-f", "json", "--jobs", "2", tmp_path)
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout.decode("utf-8"))  # complete, down to the last brace
    assert len(report["files"]) == 40
    assert {d["code"] for d in report["diagnostics"]} >= {"JM033"}
    assert _journeyctl("validate", EXAMPLES).returncode == 0
    assert _journeyctl("validate", tmp_path / "missing").returncode == 2
    usage = _journeyctl("validate", "--no-such-option")
    assert usage.returncode == 2
    assert b"No such option" in usage.stderr


def test_a_reader_that_stops_early_is_not_an_error(tmp_path: Path) -> None:
    for copy in range(60):
        write(tmp_path / f"journey-{copy:02d}.yaml", JOURNEY.format(id=f"journey-{copy:02d}", persona="ana"))
    command = [sys.executable, "-m", "journeyctl", "lint", "-f", "json", str(tmp_path)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.read(10)
        process.stdout.close()  # as `| head -c 10` does
        errors = process.stderr.read().decode("utf-8")
    assert "Traceback" not in errors
    assert "internal error" not in errors
