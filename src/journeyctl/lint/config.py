"""Lint configuration: presets, a config file found by walking up, and command-line overrides.

Sources, lowest first: the preset (`recommended` unless the file picks `strict`), a
`.journeyctl.yaml` or `[tool.journeyctl]` in pyproject.toml (the first found walking up
from the working directory) or the `--config` file, then command-line flags. Every key
and every rule named is checked: a typo is an error with its file, line and column,
never a setting silently ignored.
"""

from __future__ import annotations

import difflib
import fnmatch
import os
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from journeyctl.diagnostics import Severity
from journeyctl.lint.registry import RULES, UnknownRuleError, resolve
from journeyctl.lint.rule import RuleOptions, kebab_case
from journeyctl.loader import YamlDocument, load_bytes, load_file

CONFIG_NAMES: Final = (".journeyctl.yaml", ".journeyctl.yml")
PYPROJECT: Final = "pyproject.toml"
PRESETS: Final = ("recommended", "strict")
_EMPTY_FILE: Final = "JM003"
"""The loader's code for a file without a document: for a config file, nothing configured."""
DEFAULT_PRESET: Final = "recommended"
DEFAULT_FAIL_ON: Final = Severity.WARNING
"""Warnings are gaps a team should close, so they fail CI; `info` findings never do by default."""

FailOnName = Literal["error", "warning", "info"]
Parts = tuple[str | int, ...]


class ConfigError(Exception):
    """A configuration problem, already worded for the user with its place."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, alias_generator=kebab_case, populate_by_name=True)


class OwnerRegistry(_Section):
    teams: list[str] = Field(default_factory=list)
    people: list[str] = Field(default_factory=list)


class LintSettings(_Section):
    preset: Literal["recommended", "strict"] = DEFAULT_PRESET
    select: list[str] | None = None
    extend_select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    fail_on: FailOnName | None = None
    rules: dict[str, Any] = Field(default_factory=dict)
    """Rule selector -> a severity, or a mapping of `severity` and the rule's options; checked in `resolve_config`."""
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict)


class ConfigFile(_Section):
    owners: OwnerRegistry | None = None
    lint: LintSettings = Field(default_factory=LintSettings)


@dataclass(frozen=True, slots=True)
class LintConfig:
    """The resolved configuration the engine runs with."""

    severities: Mapping[str, Severity]
    """Enabled rules, code -> severity."""
    options: Mapping[str, RuleOptions]
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = ()
    owners: frozenset[str] | None = None
    root: Path = field(default_factory=Path.cwd)
    """The folder `per-file-ignores` globs are relative to (the config file's)."""
    fail_on: Severity = DEFAULT_FAIL_ON
    source: str | None = None

    def enabled_for(self, file: str) -> dict[str, Severity]:
        """The rules that run on `file`, after its per-file ignores."""
        ignored: set[str] = set()
        if self.per_file_ignores:
            relative = _relative_posix(file, self.root)
            for pattern, codes in self.per_file_ignores:
                if fnmatch.fnmatchcase(relative, pattern) or fnmatch.fnmatchcase(file.replace(os.sep, "/"), pattern):
                    ignored |= codes
        return {code: severity for code, severity in self.severities.items() if code not in ignored}


def _relative_posix(file: str, root: Path) -> str:
    try:
        return Path(os.path.relpath(Path(file).resolve(), root.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return Path(file).as_posix()


# ---------------------------------------------------------------------------------
# Finding and reading the file


def find_config(start: Path) -> Path | None:
    """The nearest `.journeyctl.yaml`, or pyproject.toml with `[tool.journeyctl]`, at or above `start`."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _has_our_table(pyproject):
            return pyproject
    return None


def _has_our_table(pyproject: Path) -> bool:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    # RecursionError: tomllib recurses into nested arrays and tables.
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return False  # somebody else's broken file: not ours to complain about
    tool = data.get("tool")
    return isinstance(tool, dict) and "journeyctl" in tool


class _Where:
    """Turns a path inside the config into a place a user can find."""

    def __init__(self, display: str, document: YamlDocument | None = None, prefix: str = "") -> None:
        self.display = display
        self.document = document
        self.prefix = prefix

    def __call__(self, parts: Parts, *, key: bool = False) -> str:
        if self.document is not None:
            line, column, _, _ = self.document.position(parts, key=key)
            return f"{self.display}:{line}:{column}"
        dotted = ".".join(str(part) for part in parts)
        return f"{self.display} ({self.prefix}{'.' if dotted else ''}{dotted})"


def read_config_file(path: Path) -> tuple[ConfigFile, _Where]:
    display = str(path)
    if path.name == PYPROJECT or path.suffix == ".toml":
        return _read_toml(path, display)
    loaded = load_file(path, display)
    if [d.code for d in loaded.diagnostics] == [_EMPTY_FILE]:
        return ConfigFile(), _Where(display)
    if loaded.diagnostics or loaded.document is None:
        first = loaded.diagnostics[0] if loaded.diagnostics else None
        place = f"{display}:{first.line}:{first.column}" if first is not None and first.line else display
        reason = first.message if first is not None else "cannot be read"
        raise ConfigError(f"{place}: {reason}")
    document = loaded.document
    where = _Where(display, document)
    data = document.data
    if data is None:
        return ConfigFile(), where
    return _validate(data, where), where


def _read_toml(path: Path, display: str) -> tuple[ConfigFile, _Where]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"{display}: cannot be read: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{display}: is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{display}: {error}") from None
    except RecursionError:  # tomllib recurses into nested arrays and tables
        raise ConfigError(f"{display}: nests far too deep to be a configuration") from None
    section = data.get("tool", {}).get("journeyctl", {})
    where = _Where(display, prefix="[tool.journeyctl]")
    return _validate(section, where), where


def _validate(data: Any, where: _Where) -> ConfigFile:
    try:
        return ConfigFile.model_validate(data)
    except ValidationError as error:
        raise ConfigError(_explain(error, where, ConfigFile)) from None


def _explain(error: ValidationError, where: _Where, model: type[BaseModel], base: Parts = ()) -> str:
    lines: list[str] = []
    for detail in error.errors(include_url=False):
        parts = (*base, *(part for part in detail["loc"] if part not in ("str", "dict[str,any]")))
        kind = detail["type"]
        name = str(parts[-1]) if parts else "configuration"
        if kind == "extra_forbidden":
            allowed = _allowed_keys(model, detail["loc"][:-1])
            close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else f"allowed here: {', '.join(allowed) or 'nothing'}"
            lines.append(f"{where(parts, key=True)}: unknown key '{name}'; {hint}")
        elif kind == "literal_error":
            expected = str((detail.get("ctx") or {}).get("expected", ""))
            lines.append(f"{where(parts)}: {name} {detail.get('input')!r} is not allowed: expected {expected}")
        elif kind in ("dict_type", "model_type", "model_attributes_type"):
            lines.append(f"{where(parts)}: {name} must be a mapping of keys to values")
        elif kind == "list_type":
            lines.append(f"{where(parts)}: {name} must be a list (`[a, b]` or `- item` lines)")
        elif kind == "string_type":
            lines.append(f"{where(parts)}: {name} must be text")
        else:
            lines.append(f"{where(parts)}: {name}: {detail['msg']}")
    return "\n".join(dict.fromkeys(lines))


def _allowed_keys(model: type[BaseModel], loc: Sequence[Any]) -> list[str]:
    current: Any = model
    for part in loc:
        if isinstance(current, type) and issubclass(current, BaseModel):
            info = next(
                (i for n, i in current.model_fields.items() if part in (n, i.alias)),
                None,
            )
            current = _model_in(info.annotation) if info is not None else None
    if isinstance(current, type) and issubclass(current, BaseModel):
        return sorted(info.alias or name for name, info in current.model_fields.items())
    return []


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in getattr(annotation, "__args__", ()):
        found = _model_in(argument)
        if found is not None:
            return found
    return None


# ---------------------------------------------------------------------------------
# Presets


def load_preset(name: str) -> dict[str, Severity | None]:
    """Code -> severity (None for off), as the packaged preset file lists them."""
    raw = resources.files("journeyctl.lint").joinpath("presets", f"{name}.yaml").read_bytes()
    loaded = load_bytes(raw, f"preset {name}")
    data = loaded.document.data if loaded.document is not None else None
    rules = data.get("rules") if isinstance(data, dict) else None
    if loaded.diagnostics or not isinstance(rules, dict):
        raise ConfigError(f"the packaged preset '{name}' is damaged; reinstall journeyctl")
    return {code: None if level == "off" else Severity.parse(level) for code, level in rules.items()}


# ---------------------------------------------------------------------------------
# Resolving


@dataclass(frozen=True, slots=True)
class Overrides:
    """What the command line says; it wins over the file."""

    select: Sequence[str] | None = None
    ignore: Sequence[str] = ()
    fail_on: Severity | None = None


def load_config(
    explicit: Path | None = None, start: Path | None = None, overrides: Overrides | None = None
) -> LintConfig:
    """Find, read and resolve the configuration; `ConfigError` says what is wrong and where."""
    if explicit is not None and not explicit.is_file():
        raise ConfigError(f"{explicit}: no such configuration file")
    path = explicit if explicit is not None else find_config(start or Path.cwd())
    if path is None:
        return resolve_config(ConfigFile(), _Where("(defaults)"), Path.cwd(), overrides or Overrides(), None)
    settings, where = read_config_file(path)
    return resolve_config(settings, where, path.resolve().parent, overrides or Overrides(), str(path))


def resolve_config(
    settings: ConfigFile, where: _Where, root: Path, overrides: Overrides, source: str | None
) -> LintConfig:
    lint = settings.lint
    preset = load_preset(lint.preset)

    def codes(selectors: Iterable[str], parts: Parts) -> list[tuple[frozenset[str], int]]:
        resolved = []
        for index, selector in enumerate(selectors):
            try:
                resolved.append(resolve(selector))
            except UnknownRuleError as error:
                place = where((*parts, index)) if parts else "command line"
                raise ConfigError(f"{place}: {error}") from None
        return resolved

    if overrides.select is not None:
        selected = codes(overrides.select, ())
    elif lint.select is not None:
        selected = codes(lint.select, ("lint", "select")) + codes(lint.extend_select, ("lint", "extend-select"))
    else:
        selected = codes(lint.extend_select, ("lint", "extend-select"))
    ignored = codes(lint.ignore, ("lint", "ignore")) + codes(overrides.ignore, ())
    starts_from_preset = overrides.select is None and lint.select is None
    enabled = {code for code, level in preset.items() if level is not None} if starts_from_preset else set()
    # The most specific selector decides; on a tie, ignore wins.
    decisions = [(specificity, 0, found) for found, specificity in selected]
    decisions += [(specificity, 1, found) for found, specificity in ignored]
    for _, is_ignore, found in sorted(decisions, key=lambda d: (d[0], d[1])):
        if is_ignore:
            enabled -= found
        else:
            enabled |= found

    severities: dict[str, Severity] = {}
    for code in RULES:
        level = preset.get(code)
        severities[code] = level if level is not None else RULES[code].meta.severity
    options: dict[str, RuleOptions] = {code: rule.default_options() for code, rule in RULES.items()}
    settings_by_rule: list[tuple[int, str, frozenset[str], Any]] = []
    for selector, setting in lint.rules.items():
        try:
            found, specificity = resolve(selector)
        except UnknownRuleError as error:
            raise ConfigError(f"{where(('lint', 'rules', selector), key=True)}: {error}") from None
        settings_by_rule.append((specificity, selector, found, setting))
    # `JM2: info` and `JM201: error` in any order: the code's own setting wins.
    for _, selector, found, setting in sorted(settings_by_rule, key=lambda item: item[0]):
        parts: Parts = ("lint", "rules", selector)
        level_name, values = _split_severity(setting, where, parts)
        if values:
            if len(found) != 1:
                raise ConfigError(
                    f"{where(parts, key=True)}: options can be given to one rule at a time, not to {selector}"
                )
            code = next(iter(found))
            try:
                options[code] = RULES[code].parse_options(values)
            except ValidationError as error:
                raise ConfigError(_explain(error, where, RULES[code].options, parts)) from None
        if level_name == "off":
            enabled -= found
        elif level_name is not None:
            for code in found:
                severities[code] = Severity.parse(level_name)

    per_file: list[tuple[str, frozenset[str]]] = []
    for pattern, selectors in lint.per_file_ignores.items():
        resolved = codes(selectors, ("lint", "per-file-ignores", pattern))
        per_file.append((pattern, frozenset().union(*(found for found, _ in resolved))))

    registry = settings.owners
    owners = frozenset((*registry.teams, *registry.people)) if registry is not None else None
    fail_on = overrides.fail_on or (Severity.parse(lint.fail_on) if lint.fail_on else DEFAULT_FAIL_ON)
    return LintConfig(
        severities={code: severities[code] for code in RULES if code in enabled},
        options=options,
        per_file_ignores=tuple(per_file),
        owners=owners,
        root=root,
        fail_on=fail_on,
        source=source,
    )


_SEVERITY_NAMES: Final = ("error", "warning", "info", "off")


def _split_severity(setting: Any, where: _Where, parts: Parts) -> tuple[str | None, dict[str, Any]]:
    """`warning`, or `{severity: warning, some-option: 3}` -> the severity and the options."""
    if isinstance(setting, dict):
        values = dict(setting)
        level = values.pop("severity", None)
        place = where((*parts, "severity"))
    else:
        values, level, place = {}, setting, where(parts)
    if level is not None and level not in _SEVERITY_NAMES:
        raise ConfigError(
            f"{place}: severity {level!r} is not allowed: use {', '.join(_SEVERITY_NAMES)}, "
            "or a mapping of `severity:` and the rule's options"
        )
    return level, values


def default_config() -> LintConfig:
    """`recommended`, with nothing configured: what the renderer uses when no file exists."""
    return resolve_config(ConfigFile(), _Where("(defaults)"), Path.cwd(), Overrides(), None)
