"""docs/ci.md: its YAML is valid, its hooks exist, and every journeyctl command in it runs."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import EXAMPLES, REPO, RunCli

CI_DOC = REPO / "docs" / "ci.md"
HOOKS_FILE = REPO / ".pre-commit-hooks.yaml"


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", CI_DOC.read_text(encoding="utf-8"), re.DOTALL)


def yaml_blocks() -> list[Any]:
    return [yaml.safe_load(block) for block in blocks("yaml")]


def workflow_steps() -> list[dict[str, Any]]:
    return [
        step
        for document in yaml_blocks()
        if isinstance(document, dict) and "jobs" in document
        for job in document["jobs"].values()
        for step in job["steps"]
    ]


def documented_commands() -> list[str]:
    """Every journeyctl invocation in the workflows and shell examples, without redirections."""
    lines = [step["run"] for step in workflow_steps() if "run" in step] + [
        line for block in blocks("sh") for line in block.splitlines()
    ]
    return [re.split(r"\s*(?:>|\|\|)", line)[0] for line in lines if line.startswith("journeyctl ")]


def test_every_yaml_example_parses_and_workflows_are_complete() -> None:
    documents = yaml_blocks()
    workflows = [d for d in documents if isinstance(d, dict) and "jobs" in d]
    assert len(workflows) == 2
    for workflow in workflows:
        assert {"name", "jobs", "permissions"} <= set(workflow)
        assert True in workflow, "`on:` is there (YAML 1.1 reads the key as true)"


def test_pre_commit_example_names_the_shipped_hooks() -> None:
    shipped = {hook["id"] for hook in yaml.safe_load(HOOKS_FILE.read_text(encoding="utf-8"))}
    (config,) = [d for d in yaml_blocks() if isinstance(d, dict) and "repos" in d]
    named = {hook["id"] for repo in config["repos"] for hook in repo["hooks"]}
    assert named == shipped


def test_sarif_upload_reads_the_file_the_lint_step_writes() -> None:
    steps = workflow_steps()
    writes = {m.group(1) for s in steps for m in [re.search(r"--format sarif .*> (\S+)", s.get("run", ""))] if m}
    uploads = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    assert len(uploads) == 1 and writes == {uploads[0]["with"]["sarif_file"]}


@pytest.mark.parametrize("command", documented_commands())
def test_documented_command_runs_on_the_examples(
    command: str, run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "maps")
    monkeypatch.chdir(tmp_path)
    program, *arguments = shlex.split(command)
    assert program == "journeyctl"
    run_cli(*arguments)
