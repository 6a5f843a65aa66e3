"""The hooks in .pre-commit-hooks.yaml, run the way pre-commit runs them.

pre-commit runs a hook from the repository's root as `entry + args`, followed by the
staged files that match `files` (unless `pass_filenames: false`), and only when at
least one staged file matches. `hook_command` does the same, so these tests hold
whatever the hooks declare.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import EXAMPLES, REPO

HOOKS_FILE = REPO / ".pre-commit-hooks.yaml"
SCRIPTS = Path(sys.executable).parent
UNDERSTOOD_KEYS = {"id", "name", "description", "entry", "language", "files", "exclude", "pass_filenames", "args"}

CI_CONFIG = """\
name: ci
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
"""
COMPOSE_FILE = "services:\n  web:\n    image: nginx\n"


def load_hooks() -> dict[str, dict[str, Any]]:
    hooks: list[dict[str, Any]] = yaml.safe_load(HOOKS_FILE.read_text(encoding="utf-8"))
    return {hook["id"]: hook for hook in hooks}


HOOKS = load_hooks()


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def staged_files(repo: Path) -> list[str]:
    """What pre-commit hands to hooks: staged files, less the deleted ones."""
    return git(repo, "diff", "--cached", "--name-only", "--diff-filter=ACMRTUXB", "-z").split("\0")[:-1]


def hook_command(hook: dict[str, Any], staged: list[str]) -> list[str] | None:
    """The command pre-commit would run for `staged`, or None when the hook would not run."""
    matching = [
        name
        for name in staged
        if re.search(hook.get("files", ""), name) and not re.search(hook.get("exclude", "^$"), name)
    ]
    if not matching:
        return None
    program, *entry_args = shlex.split(hook["entry"])
    command = [str(SCRIPTS / program), *entry_args, *hook.get("args", [])]
    if hook.get("pass_filenames", True):
        command += matching
    return command


def run_hook(hook_id: str, repo: Path, hook: dict[str, Any] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the hook as declared, or as `hook` when a test changes it the way a user's config can."""
    command = hook_command(hook or HOOKS[hook_id], staged_files(repo))
    assert command is not None, f"{hook_id} would not run for {staged_files(repo)}"
    return subprocess.run(command, cwd=repo, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository holding the examples, a CI workflow and other YAML, all committed."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path / "repo"
    shutil.copytree(EXAMPLES, root / "maps")
    workflow = root / ".github" / "workflows" / "ci.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text(CI_CONFIG, encoding="utf-8")
    (root / "docker-compose.yml").write_text(COMPOSE_FILE, encoding="utf-8")
    (root / "README.md").write_text("# Our journeys\n", encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "maps")
    return root


def edit(repo: Path, relative: str, old: str, new: str) -> None:
    path = repo / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{relative} no longer holds {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    git(repo, "add", relative)


def test_hooks_are_declared_for_pre_commit() -> None:
    assert set(HOOKS) >= {"journeyctl-validate"}
    for hook_id, hook in HOOKS.items():
        assert set(hook) <= UNDERSTOOD_KEYS, f"{hook_id} uses keys these tests do not simulate"
        assert hook["language"] == "python"
        assert shlex.split(hook["entry"])[:2] == ["journeyctl", hook_id.removeprefix("journeyctl-")]
        assert (SCRIPTS / "journeyctl").exists(), "the console script is installed where the hooks expect it"


@pytest.mark.parametrize("hook_id", sorted(HOOKS))
def test_hook_runs_only_when_a_yaml_file_is_staged(hook_id: str) -> None:
    hook = HOOKS[hook_id]
    assert hook_command(hook, ["README.md", "src/app.py"]) is None
    for name in ("maps/journey.yaml", "maps/persona.yml", "ci/.gitlab-ci.yml"):
        assert hook_command(hook, [name]) is not None


def test_lint_hook_also_runs_when_its_settings_change() -> None:
    assert hook_command(HOOKS["journeyctl-lint"], ["pyproject.toml"]) is not None
    assert hook_command(HOOKS["journeyctl-lint"], ["tools/pyproject.toml.bak"]) is None


@pytest.mark.parametrize("hook_id", sorted(HOOKS))
def test_journey_committed_without_its_persona_files_passes(hook_id: str, repo: Path) -> None:
    journey = "maps/retail-omnichannel/journey.yaml"
    edit(repo, journey, "kind: journey", "# Reviewed in the quarterly CX meeting.\nkind: journey")
    assert staged_files(repo) == [journey]
    result = run_hook(hook_id, repo)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("hook_id", sorted(HOOKS))
def test_foreign_yaml_is_skipped(hook_id: str, repo: Path) -> None:
    edit(repo, "docker-compose.yml", "nginx", "nginx:1.27")
    edit(repo, ".github/workflows/ci.yml", "ubuntu-latest", "ubuntu-24.04")
    assert len(staged_files(repo)) == 2
    result = run_hook(hook_id, repo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "docker-compose" not in result.stdout and "workflows" not in result.stdout


@pytest.mark.parametrize("hook_id", sorted(HOOKS))
def test_broken_journey_stops_the_commit_and_says_where(hook_id: str, repo: Path) -> None:
    journey = "maps/pt-br-assinatura-fibra/journey.yaml"
    edit(repo, journey, "\nowner:", "\nownr:")
    result = run_hook(hook_id, repo)
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(rf"{re.escape(journey)}:\d+:1: error JM020 unknown key 'ownr'", result.stdout), result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("hook_id", sorted(HOOKS))
def test_deleting_a_persona_file_its_journey_needs_stops_the_commit(hook_id: str, repo: Path) -> None:
    git(repo, "rm", "-q", "maps/retail-omnichannel/personas/leo.yaml")
    assert hook_command(HOOKS[hook_id], staged_files(repo)) is None, "pre-commit never passes deleted files"
    edit(repo, "maps/retail-omnichannel/journey.yaml", "kind: journey", "# Leo moved to another map.\nkind: journey")
    result = run_hook(hook_id, repo)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "JM033" in result.stdout and "'leo'" in result.stdout


def test_lint_hook_stops_a_commit_that_leaves_a_stage_without_owner(repo: Path) -> None:
    journey = "maps/retail-omnichannel/journey.yaml"
    edit(repo, journey, "    owner: brand-marketing\n", "")
    assert run_hook("journeyctl-validate", repo).returncode == 0, "the map is still valid"
    result = run_hook("journeyctl-lint", repo)
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(rf"{re.escape(journey)}:\d+:5: \w+ JM\d{{3}} stage 'discover' has no owner", result.stdout)


@pytest.mark.parametrize("hook_id", sorted(HOOKS))
def test_documented_per_file_set_up_skips_foreign_yaml(hook_id: str, repo: Path) -> None:
    """docs/ci.md: `pass_filenames: true` with `args: [--skip-foreign]` for very large repositories."""
    per_file = {**HOOKS[hook_id], "pass_filenames": True, "args": ["--skip-foreign"]}
    edit(repo, "docker-compose.yml", "nginx", "nginx:1.27")
    edit(repo, "maps/retail-omnichannel/personas/leo.yaml", "kind: persona", "# Interviewed again.\nkind: persona")
    assert staged_files(repo) == ["docker-compose.yml", "maps/retail-omnichannel/personas/leo.yaml"]
    result = run_hook(hook_id, repo, per_file)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "docker-compose" not in result.stdout
