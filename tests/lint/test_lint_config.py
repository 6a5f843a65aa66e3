"""Configuration: found by walking up, validated strictly, resolved with the right precedence."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeyctl.diagnostics import Severity
from journeyctl.lint import ConfigError, LintConfig, Overrides, default_config, load_config
from journeyctl.lint.config import DEFAULT_FAIL_ON, find_config
from journeyctl.lint.rules.ownership import StepOwnerOptions


def config_from(tmp_path: Path, text: str, overrides: Overrides | None = None) -> LintConfig:
    path = tmp_path / ".journeyctl.yaml"
    path.write_text(text, encoding="utf-8")
    return load_config(path, overrides=overrides)


def error_from(tmp_path: Path, text: str) -> str:
    with pytest.raises(ConfigError) as caught:
        config_from(tmp_path, text)
    return str(caught.value)


def test_no_file_means_recommended(tmp_path: Path) -> None:
    config = load_config(start=tmp_path)
    assert "JM101" in config.severities
    assert "JM702" not in config.severities
    assert config.fail_on is DEFAULT_FAIL_ON
    assert config.owners is None


def test_unknown_key_is_an_error_at_its_place_with_a_suggestion(tmp_path: Path) -> None:
    message = error_from(tmp_path, "lint:\n  preset: strict\n  ignroe: [JM101]\n")
    assert message == (f"{tmp_path / '.journeyctl.yaml'}:3:3: unknown key 'ignroe'; did you mean 'ignore'?")


def test_unknown_rule_is_an_error_at_its_place(tmp_path: Path) -> None:
    message = error_from(tmp_path, "lint:\n  select:\n    - JM101\n    - step-without-ownr\n")
    assert message.startswith(f"{tmp_path / '.journeyctl.yaml'}:4:7: 'step-without-ownr' names no lint rule")
    assert "did you mean 'step-without-owner'?" in message


def test_unknown_rule_option_is_an_error(tmp_path: Path) -> None:
    message = error_from(tmp_path, "lint:\n  rules:\n    JM102:\n      stage-owner-cover-steps: true\n")
    assert message.startswith(f"{tmp_path / '.journeyctl.yaml'}:4:7: unknown key 'stage-owner-cover-steps'")
    assert "did you mean 'stage-owner-covers-steps'?" in message


def test_bad_severity_and_preset_are_errors(tmp_path: Path) -> None:
    assert ":3:23: severity 'loud' is not allowed" in error_from(
        tmp_path, "lint:\n  rules:\n    JM101: {severity: loud}\n"
    )
    assert ":3:12: severity '3' is not allowed" in error_from(tmp_path, "lint:\n  rules:\n    JM101: 3\n")
    assert error_from(tmp_path, "owners:\n  teams: cx-team\n").endswith(
        ":2:10: teams must be a list (`[a, b]` or `- item` lines)"
    )
    assert ":2:11: preset 'lenient' is not allowed" in error_from(tmp_path, "lint:\n  preset: lenient\n")


def test_options_need_one_rule(tmp_path: Path) -> None:
    message = error_from(tmp_path, "lint:\n  rules:\n    JM1: {stage-owner-covers-steps: true}\n")
    assert ":3:5: options can be given to one rule at a time" in message


def test_yaml_problems_in_the_config_are_reported_with_their_place(tmp_path: Path) -> None:
    message = error_from(tmp_path, "lint:\n  preset: strict\n  preset: recommended\n")
    assert message.startswith(f"{tmp_path / '.journeyctl.yaml'}:3:3: duplicate key 'preset'")


def test_options_and_severities_are_applied(tmp_path: Path) -> None:
    config = config_from(
        tmp_path,
        "lint:\n  rules:\n    step-without-owner: {severity: error, stage-owner-covers-steps: true}\n"
        "    JM2: info\n    JM503: 'off'\n",
    )
    assert config.severities["JM102"] is Severity.ERROR
    assert config.options["JM102"] == StepOwnerOptions(stage_owner_covers_steps=True)
    assert config.severities["JM201"] is Severity.INFO
    assert "JM205" not in config.severities  # a severity does not enable a rule the preset leaves off
    assert "JM503" not in config.severities


def test_a_rule_setting_beats_its_family_setting_whatever_the_order(tmp_path: Path) -> None:
    config = config_from(tmp_path, "lint:\n  rules:\n    JM201: error\n    JM2: info\n")
    assert config.severities["JM201"] is Severity.ERROR
    assert config.severities["JM202"] is Severity.INFO


def test_the_most_specific_selector_wins(tmp_path: Path) -> None:
    config = config_from(tmp_path, "lint:\n  ignore: [JM1]\n  extend-select: [JM102, JM702]\n")
    assert "JM101" not in config.severities
    assert "JM102" in config.severities
    assert config.severities["JM702"] is Severity.INFO
    assert "JM201" in config.severities


def test_select_replaces_the_preset_and_the_command_line_replaces_select(tmp_path: Path) -> None:
    text = "lint:\n  select: [JM2]\n  ignore: [JM205]\n"
    assert set(config_from(tmp_path, text).severities) == {"JM201", "JM202", "JM203", "JM204"}
    overridden = config_from(tmp_path, text, Overrides(select=["ALL"], ignore=["JM9"], fail_on=Severity.ERROR))
    assert "JM205" not in overridden.severities
    assert "JM901" not in overridden.severities
    assert "JM704" in overridden.severities
    assert overridden.fail_on is Severity.ERROR


def test_strict_preset_enables_everything(tmp_path: Path) -> None:
    config = config_from(tmp_path, "lint:\n  preset: strict\n  fail-on: info\n")
    assert config.severities["JM702"] is Severity.INFO
    assert config.fail_on is Severity.INFO


def test_per_file_ignores_match_globs_relative_to_the_config(tmp_path: Path) -> None:
    config = config_from(tmp_path, "lint:\n  per-file-ignores:\n    'legacy/*.yaml': [JM6, step-without-owner]\n")
    legacy = config.enabled_for(str(tmp_path / "legacy" / "old.yaml"))
    assert "JM601" not in legacy
    assert "JM102" not in legacy
    assert "JM101" in legacy
    assert "JM601" in config.enabled_for(str(tmp_path / "current" / "new.yaml"))


def test_owner_registry(tmp_path: Path) -> None:
    config = config_from(tmp_path, "owners:\n  teams: [cx-team]\n  people: [Ana Souza]\n")
    assert config.owners == frozenset({"cx-team", "Ana Souza"})


def test_found_by_walking_up_nearest_first(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.journeyctl.lint]\nignore = ["JM6"]\n[tool.journeyctl.owners]\nteams = ["cx-team"]\n', encoding="utf-8"
    )
    nested = tmp_path / "maps" / "retail"
    nested.mkdir(parents=True)
    assert find_config(nested) == tmp_path / "pyproject.toml"
    config = load_config(start=nested)
    assert "JM601" not in config.severities
    assert config.owners == frozenset({"cx-team"})
    (tmp_path / "maps" / ".journeyctl.yaml").write_text("lint:\n  preset: strict\n", encoding="utf-8")
    assert find_config(nested) == tmp_path / "maps" / ".journeyctl.yaml"


def test_a_pyproject_without_our_table_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.ruff]\nline-length = 100\n", encoding="utf-8")
    assert find_config(tmp_path) != tmp_path / "pyproject.toml"


def test_an_empty_config_file_means_the_defaults(tmp_path: Path) -> None:
    config = config_from(tmp_path, "# nothing configured yet\n")
    assert dict(config.severities) == dict(default_config().severities)


def test_pyproject_errors_name_the_key(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.journeyctl.lint]\nselekt = ["JM1"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"pyproject.toml \(\[tool.journeyctl\].lint.selekt\): unknown key 'selekt'"):
        load_config(path)


def test_missing_config_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such configuration file"):
        load_config(tmp_path / "nope.yaml")


CONFIGURATION_MD = Path(__file__).resolve().parents[2] / "docs" / "configuration.md"


def documented_block(language: str, marker: str) -> str:
    text = CONFIGURATION_MD.read_text(encoding="utf-8")
    blocks = text.split(f"```{language}\n")[1:]
    return next(block.split("```")[0] for block in blocks if marker in block)


@pytest.mark.parametrize(
    ("name", "language", "marker"), [(".journeyctl.yaml", "yaml", "lint:"), ("pyproject.toml", "toml", "[tool")]
)
def test_the_documented_example_configuration_loads(tmp_path: Path, name: str, language: str, marker: str) -> None:
    path = tmp_path / name
    path.write_text(documented_block(language, marker), encoding="utf-8")
    config = load_config(path)
    assert config.severities["JM102"] is Severity.ERROR
    assert config.options["JM102"] == StepOwnerOptions(stage_owner_covers_steps=True)
    assert config.severities["JM201"] is Severity.INFO
    assert "JM702" in config.severities
    assert "JM704" not in config.severities
    assert config.owners is not None and "Ion Popescu" in config.owners
    assert "JM601" not in config.enabled_for(str(tmp_path / "legacy" / "old.yaml"))
