"""Validation: the schema, then the references inside a document and across a run."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Final

from pydantic import BaseModel, ValidationError

from journeyctl.channels import CATALOG
from journeyctl.diagnostics import Diagnostic, Severity, format_path, problem
from journeyctl.discover import Target
from journeyctl.loader import DEFAULT_LIMITS, LoadLimits, YamlDocument, load_file
from journeyctl.model import MODELS, UNION_TAGS, Journey, Persona, Stage, Step
from journeyctl.parallel import map_in_order

Parts = tuple[str | int, ...]

# A YAML file in a walked folder counts as a journeyctl file when it says so.
_LOOKS_LIKE_OURS: Final = re.compile(rb"^kind:[ \t]*[\"']?(?:journey|persona)\b", re.MULTILINE)


@dataclass(slots=True)
class CheckedFile:
    file: str
    document: YamlDocument | None = None
    model: Journey | Persona | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def kind(self) -> str | None:
        if self.model is not None:
            return self.model.kind
        data = self.document.data if self.document is not None else None
        kind = data.get("kind") if isinstance(data, dict) else None
        return kind if kind in MODELS else None

    @property
    def declared_id(self) -> str | None:
        """The file's `id`, read from the data so that an invalid file still declares it."""
        data = self.document.data if self.document is not None else None
        value = data.get("id") if isinstance(data, dict) else None
        return value if isinstance(value, str) else None

    @property
    def valid(self) -> bool:
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)

    def slim(self, *, keep_model: bool = False) -> CheckedFile:
        """This file as the run-wide checks need it: findings, kind, id and personas.

        No node tree, no text, no loaded data beyond those keys, and no model unless
        asked for: small to keep by the thousand and to send from a worker process.
        The positions a run-wide finding may point at are kept; call this before the
        document's node tree is released, or they are rebuilt from the text.
        """
        model = self.model if keep_model else None
        if self.document is None:
            return CheckedFile(self.file, None, model, self.diagnostics)
        data = self.document.data
        if not isinstance(data, dict):
            return CheckedFile(self.file, self.document.pin(data, ()), model, self.diagnostics)
        summary = {key: data[key] for key in _RUN_WIDE_KEYS if key in data}
        document = self.document.pin(summary, _run_wide_places(data))
        return CheckedFile(self.file, document, model, self.diagnostics)


@dataclass(slots=True)
class Run:
    """Everything one invocation checked, in a stable order."""

    files: list[CheckedFile]
    diagnostics: list[Diagnostic]
    """Problems that belong to no file (a path that does not exist)."""

    def all_diagnostics(self) -> list[Diagnostic]:
        found = list(self.diagnostics)
        for checked in self.files:
            found.extend(checked.diagnostics)
        return sorted(found, key=lambda d: d.sort_key)

    def journeys(self) -> list[tuple[CheckedFile, Journey]]:
        return [(f, f.model) for f in self.files if isinstance(f.model, Journey) and f.valid]

    def personas(self) -> list[tuple[CheckedFile, Persona]]:
        return [(f, f.model) for f in self.files if isinstance(f.model, Persona) and f.valid]


def check_file(
    target: Target, limits: LoadLimits = DEFAULT_LIMITS, *, skip_foreign: bool = False
) -> CheckedFile | None:
    """Load and validate one file. None means: not a journeyctl file, skipped."""
    explicit = target.explicit and not skip_foreign
    loaded = load_file(target.path, target.display, limits)
    checked = CheckedFile(target.display, loaded.document, diagnostics=loaded.diagnostics)
    document = loaded.document
    if document is None or not isinstance(document.data, dict):
        if explicit or _looks_like_ours(loaded.raw) or any(_is_fatal_load(d) for d in loaded.diagnostics):
            return checked
        return None
    kind_problem = _kind_problem(document, explicit=explicit)
    if kind_problem is _FOREIGN:
        return None
    if isinstance(kind_problem, Diagnostic):
        checked.diagnostics.append(kind_problem)
        return checked
    model_type = MODELS[document.data["kind"]]
    try:
        model = model_type.model_validate(document.data)
    except ValidationError as error:
        # A value the loader already refused (a tag, a non-text key) reaches the model
        # as nothing; the schema's complaint about it would only repeat the first one.
        already = {(d.line, d.column) for d in checked.diagnostics}
        checked.diagnostics.extend(
            d for d in schema_diagnostics(document, error, model_type) if (d.line, d.column) not in already
        )
        model = None
    if model_type is Journey:
        checked.diagnostics.extend(journey_integrity(document))
    if checked.valid:  # duplicate keys or refused tags leave the model a partial file
        checked.model = model
    return checked


def _looks_like_ours(raw: bytes) -> bool:
    return _LOOKS_LIKE_OURS.search(raw) is not None


def _is_fatal_load(diagnostic: Diagnostic) -> bool:
    return diagnostic.code in ("JM009", "JM011")


_FOREIGN: Final = object()


def _kind_problem(document: YamlDocument, *, explicit: bool) -> Diagnostic | object | None:
    kind = document.data.get("kind")
    if kind in MODELS:
        return None
    if kind is None:
        if not explicit:
            return _FOREIGN
        return document.locate(
            "JM012",
            "not a journeyctl file: it has no `kind`",
            (),
            fix="add `kind: journey` or `kind: persona` at the top of the file",
        )
    close = difflib.get_close_matches(str(kind), list(MODELS), n=1, cutoff=0.6)
    if not explicit and not close:
        return _FOREIGN
    fix = f"did you mean '{close[0]}'?" if close else "use `kind: journey` or `kind: persona`"
    return document.locate("JM012", f"kind '{kind}' is neither journey nor persona", ("kind",), fix=fix)


# ---------------------------------------------------------------------------------
# Schema errors, in the words of the format


_RANGES: Final = {
    "emotion": "from -2 (very negative) to 2 (very positive)",
    "rating": "from 1 to 5",
    "review_every_days": "from 1 to 3650",
}


def schema_diagnostics(document: YamlDocument, error: ValidationError, model: type[BaseModel]) -> Iterator[Diagnostic]:
    seen: set[tuple[str, Parts]] = set()
    for detail in error.errors(include_url=False):
        parts = tuple(part for part in detail["loc"] if part not in UNION_TAGS)
        kind = detail["type"]
        if (kind, parts) in seen:
            continue
        seen.add((kind, parts))
        yield _schema_diagnostic(document, detail, parts, model)


def _schema_diagnostic(document: YamlDocument, detail: Any, parts: Parts, root: type[BaseModel]) -> Diagnostic:
    kind: str = detail["type"]
    value = detail.get("input")
    context = detail.get("ctx") or {}
    name = str(parts[-1]) if parts else "document"
    where = describe_location(document.data, parts[:-1])
    if kind == "extra_forbidden":
        allowed = sorted(_fields_at(root, parts[:-1]))
        close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
        fix = f"did you mean '{close[0]}'?" if close else f"remove it; {where} accepts: {', '.join(allowed)}"
        return document.locate("JM020", f"unknown key '{name}' in {where}", parts, key=True, fix=fix)
    if kind == "missing":
        return document.locate(
            "JM021", f"{where} is missing the required field '{name}'", parts, fix=f"add `{name}:` to {where}"
        )
    message, fix = _value_problem(kind, name, value, context)
    return document.locate("JM022", message, parts, fix=fix)


def _value_problem(kind: str, name: str, value: Any, context: dict[str, Any]) -> tuple[str, str]:
    shown = _show(value)
    if kind == "literal_error":
        expected = str(context.get("expected", ""))
        options = re.findall(r"'([^']*)'", expected)
        close = difflib.get_close_matches(str(value), options, n=1, cutoff=0.5)
        fix = f"did you mean '{close[0]}'?" if close else f"use one of: {', '.join(options)}"
        return f"{name} {shown} is not allowed: expected {expected}", fix
    if kind == "string_pattern_mismatch":
        if name == "lang":
            return f"lang {shown} is not a BCP 47 language tag", "write a tag such as en, pt-BR or ro"
        if name == "url":
            return (
                f"url {shown} is not an http, https or mailto address",
                "use a full http(s):// or mailto: address; other schemes are never linked",
            )
        return (
            f"{name} {shown} is not a valid id: ids use lowercase letters, digits and single hyphens",
            f"use '{slugify(str(value))}'" if slugify(str(value)) else "write the id in kebab-case",
        )
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        allowed = _RANGES.get(name) or _bound_text(kind, context)
        return f"{name} {shown} is out of range: it must be {allowed}", f"use a value {allowed}"
    if kind == "int_parsing_size":
        allowed = _RANGES.get(name, "an ordinary whole number")
        return f"{name} {shown} is out of range: it must be {allowed}", f"use a value {allowed}"
    if kind in ("int_parsing", "int_from_float", "int_type"):
        return f"{name} must be a whole number, not {shown}", "write a whole number such as 1"
    if kind in ("float_parsing", "float_type"):
        return f"{name} must be a number, not {shown}", "write a number such as 2.5 (units go in `unit`)"
    if kind == "finite_number":
        return f"{name} must be a finite number, not {shown}", "write an ordinary number"
    if kind in ("string_type",):
        hint = "quote it to keep it as text" if isinstance(value, bool) else "write it as text"
        return f"{name} must be text, not {shown}", hint
    if kind == "bool_type":
        return f"{name} must be true or false, not {shown}", "write true or false"
    if kind == "list_type":
        return f"{name} must be a list, not {shown}", "write a list (`- item` lines, or [] for none)"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"{name} must be a mapping of keys to values, not {shown}", "write `key: value` lines under it"
    if kind == "too_short":
        if context.get("min_length") == 1 and isinstance(value, list):
            return f"{name} must list at least one item", f"add at least one entry to {name}"
        return f"{name} must not be empty", f"write a value for {name}"
    if kind == "string_too_long":
        return f"{name} is longer than {context.get('max_length')} characters", "shorten it"
    if kind == "value_error":
        reason = str(context.get("error", "invalid value"))
        return f"{name} {shown}: {reason}", reason
    if kind.startswith("date"):
        return f"{name} {shown} is not a date", "write the date as YYYY-MM-DD"
    message = str(kind).replace("_", " ")
    return f"{name} {shown} is invalid ({message})", f"check the value of {name} against docs/format.md"


def _bound_text(kind: str, context: dict[str, Any]) -> str:
    bound = next(iter(context.values()), "?")
    words = {
        "greater_than_equal": "at least",
        "less_than_equal": "at most",
        "greater_than": "more than",
        "less_than": "less than",
    }
    return f"{words[kind]} {bound}"


def _show(value: Any) -> str:
    if value is None:
        return "(empty)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "(a list)"
    if isinstance(value, dict):
        return "(a mapping)"
    text = str(value)
    if _NUMBER.match(text):  # a 5,000-digit number must not become a 5,000-character message
        return text if len(text) <= 60 else f"{text[:20]}...{text[-5:]} ({len(text):,} characters)"
    return repr(text if len(text) <= 60 else text[:57] + "...")


_NUMBER: Final = re.compile(r"^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$")


def slugify(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


def _fields_at(model: type[BaseModel], parts: Parts) -> set[str]:
    """The keys allowed at `parts`, following the model's field types."""
    current: Any = model
    for part in parts:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return set()
        info = current.model_fields.get(part)
        if info is None:
            return set()
        current = _inner_model(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return set(current.model_fields)
    return set()


def _inner_model(annotation: Any) -> Any:
    """The model inside `list[X]`, `X | None` or an annotated union, if any."""
    stack = [annotation]
    while stack:
        candidate = stack.pop()
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
        stack.extend(getattr(candidate, "__args__", ()))
        origin = getattr(candidate, "__origin__", None)
        if origin is not None:
            stack.append(origin)
    return None


_SINGULAR: Final = {
    "stages": "stage",
    "steps": "step",
    "touchpoints": "touchpoint",
    "pain_points": "pain point",
    "opportunities": "opportunity",
    "metrics": "metric",
    "channels": "channel",
    "personas": "persona",
}


def describe_location(data: Any, parts: Parts) -> str:
    """`("stages", 0, "steps", 2)` -> `step 'checkout'` (its id or name when it has one)."""
    if not parts:
        kind = data.get("kind") if isinstance(data, dict) else None
        return f"the {kind}" if kind in MODELS else "the document"
    node = data
    for part in parts:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            node = None
            break
    label = _SINGULAR.get(str(parts[-2])) if len(parts) >= 2 and isinstance(parts[-1], int) else None
    if label is None:
        return f"`{format_path(parts)}`"
    ident = node.get("id") or node.get("name") if isinstance(node, dict) else None
    return f"{label} '{ident}'" if isinstance(ident, str) else f"{label} {format_path(parts)}"


# ---------------------------------------------------------------------------------
# References inside one journey


def moments(journey: Journey) -> Iterator[tuple[Parts, Stage | Step]]:
    """Every stage, then its steps, with their document paths."""
    for stage_index, stage in enumerate(journey.stages):
        yield ("stages", stage_index), stage
        for step_index, step in enumerate(stage.steps):
            yield ("stages", stage_index, "steps", step_index), step


def _items(mapping: Any, key: str) -> list[tuple[int, Any]]:
    """`mapping[key]` as indexed items, or nothing when it is not a list.

    The reference checks read the loaded data, not the model, so that a file with a
    schema error still has its references checked in the same run.
    """
    value = mapping.get(key) if isinstance(mapping, dict) else None
    return list(enumerate(value)) if isinstance(value, list) else []


def _ident(item: Any) -> str | None:
    value = item.get("id") if isinstance(item, dict) else None
    return value if isinstance(value, str) else None


def _raw_moments(data: dict[str, Any]) -> Iterator[tuple[Parts, dict[str, Any]]]:
    for stage_index, stage in _items(data, "stages"):
        if isinstance(stage, dict):
            yield ("stages", stage_index), stage
            for step_index, step in _items(stage, "steps"):
                if isinstance(step, dict):
                    yield ("stages", stage_index, "steps", step_index), step


def _raw_persona_id(ref: Any) -> str | None:
    return ref if isinstance(ref, str) else _ident(ref)


def journey_integrity(document: YamlDocument) -> list[Diagnostic]:
    data = document.data
    found: list[Diagnostic] = []
    all_moments = list(_raw_moments(data))
    steps = [(parts, step) for parts, step in all_moments if len(parts) == 4]

    def ids(what: str, elements: Iterable[tuple[Parts, Any]]) -> list[tuple[Parts, str]]:
        return [(parts, ident) for parts, element in elements if (ident := _ident(element)) is not None]

    def members(key: str) -> list[tuple[Parts, Any]]:
        return [((*parts, key, i), item) for parts, moment in all_moments for i, item in _items(moment, key)]

    pains = ids("pain point", members("pain_points"))
    opportunities = members("opportunities")
    found += _duplicates(document, "stage", ids("stage", ((p, m) for p, m in all_moments if len(p) == 2)))
    found += _duplicates(document, "step", ids("step", steps))
    found += _duplicates(document, "pain point", pains)
    found += _duplicates(document, "opportunity", ids("opportunity", opportunities))
    persona_refs = [
        (("personas", i), ident) for i, ref in _items(data, "personas") if (ident := _raw_persona_id(ref)) is not None
    ]
    found += _duplicates(document, "persona", persona_refs)
    channels = ids("channel", ((("channels", i), c) for i, c in _items(data, "channels")))
    found += _duplicates(document, "channel", channels)
    for parts, ident in channels:
        if ident in CATALOG:
            found.append(
                document.locate(
                    "JM030",
                    f"channel '{ident}' is already built in",
                    (*parts, "id"),
                    fix="remove this declaration, or give the channel another id",
                )
            )
    channel_ids = set(CATALOG) | {ident for _, ident in channels}
    for parts, step in steps:
        for index, touchpoint in _items(step, "touchpoints"):
            channel = touchpoint.get("channel") if isinstance(touchpoint, dict) else None
            if isinstance(channel, str) and channel not in channel_ids:
                found.append(
                    document.locate(
                        "JM031",
                        f"channel '{channel}' is neither built in nor declared in `channels`",
                        (*parts, "touchpoints", index, "channel"),
                        fix=_suggest(
                            channel, channel_ids, "declare it under `channels:` or pick one from `journeyctl channels`"
                        ),
                    )
                )
    pain_ids = {ident for _, ident in pains}
    for parts, opportunity in opportunities:
        for index, target in _items(opportunity, "addresses"):
            if isinstance(target, str) and target not in pain_ids:
                found.append(
                    document.locate(
                        "JM032",
                        f"opportunity '{_ident(opportunity)}' addresses '{target}', "
                        "which is no pain point of this journey",
                        (*parts, "addresses", index),
                        fix=_suggest(target, pain_ids, "point it at the id of a pain point in this journey"),
                    )
                )
    persona_ids = {ident for _, ident in persona_refs}
    for parts, step in steps:
        for index, persona in _items(step, "personas"):
            if isinstance(persona, str) and persona not in persona_ids:
                found.append(
                    document.locate(
                        "JM033",
                        f"step '{_ident(step)}' names persona '{persona}', which is not among the journey's personas",
                        (*parts, "personas", index),
                        fix=_suggest(persona, persona_ids, "add the persona to the journey's `personas` first"),
                    )
                )
    return found


def _duplicates(document: YamlDocument, what: str, items: Iterable[tuple[Parts, str]]) -> list[Diagnostic]:
    first: dict[str, Parts] = {}
    found: list[Diagnostic] = []
    for parts, ident in items:
        if ident not in first:
            first[ident] = parts
            continue
        line = document.position(first[ident])[0]
        found.append(
            document.locate(
                "JM030",
                f"{what} id '{ident}' is used twice (first at line {line})",
                _id_parts(document, parts),
                fix=f"give each {what} its own id",
            )
        )
    return found


def _id_parts(document: YamlDocument, parts: Parts) -> Parts:
    """Point at the `id:` value when the element is a mapping, at the element otherwise."""
    node = document.data
    for part in parts:
        node = node[part]
    return (*parts, "id") if isinstance(node, dict) else parts


def _suggest(word: str, known: Iterable[str], otherwise: str) -> str:
    close = difflib.get_close_matches(word, sorted(known), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else otherwise


# ---------------------------------------------------------------------------------
# Across the run


def check_run(files: list[CheckedFile]) -> None:
    """Run-wide references: persona files, and ids unique across files."""
    declared: dict[tuple[str, str], CheckedFile] = {}
    for checked in files:
        kind, ident = checked.kind, checked.declared_id
        if kind is None or ident is None or checked.document is None:
            continue
        other = declared.setdefault((kind, ident), checked)
        if other is not checked and other.document is not None:
            line = other.document.position(("id",))[0]
            checked.diagnostics.append(
                checked.document.locate(
                    "JM034",
                    f"{kind} id '{ident}' is also declared in {other.file}:{line}",
                    ("id",),
                    fix=f"give each {kind} its own id, or remove one of the files",
                )
            )
    persona_files = {ident for kind, ident in declared if kind == "persona"}
    for checked in files:
        if checked.kind != "journey" or checked.document is None:
            continue
        for index, ref in _items(checked.document.data, "personas"):
            if isinstance(ref, str) and ref not in persona_files:
                checked.diagnostics.append(
                    checked.document.locate(
                        "JM033",
                        f"persona '{ref}' is neither a persona file in this run nor written inline",
                        ("personas", index),
                        fix=_suggest(
                            ref,
                            persona_files,
                            "pass the persona's file (or its folder) too, or write the persona inline",
                        ),
                    )
                )
            # Two different people under one id: which one a step means would be a guess.
            persona_file = declared.get(("persona", ident)) if (ident := _ident(ref)) is not None else None
            if persona_file is not None and persona_file.document is not None:
                line = persona_file.document.position(("id",))[0]
                checked.diagnostics.append(
                    checked.document.locate(
                        "JM034",
                        f"persona id '{ident}' is written inline here and also declared in {persona_file.file}:{line}",
                        ("personas", index, "id"),
                        fix=f"refer to the persona file (`- {ident}`), or give the inline persona its own id",
                    )
                )


def validate_targets(
    targets: list[Target],
    path_problems: list[Diagnostic],
    limits: LoadLimits = DEFAULT_LIMITS,
    *,
    skip_foreign: bool = False,
    jobs: int | None = 1,
    keep_models: bool = True,
) -> Run:
    """Check every file, then what spans files.

    Without `keep_models` (a plain validation, which reports findings and nothing
    more) each file is reduced to its findings and the facts the run-wide checks read
    as soon as its own checks are done: memory stays flat however many files there
    are, and the files can be checked on `jobs` processes (None: every core).
    """
    check = partial(check_target, limits=limits, skip_foreign=skip_foreign, keep_models=keep_models)
    checked_files = map_in_order(check, targets, jobs if not keep_models else 1)
    files = [checked for checked in checked_files if checked is not None]
    check_run(files)
    return Run(files, path_problems)


_RUN_WIDE_KEYS: Final = ("kind", "id", "personas")
"""What the run-wide checks read of a file's data (`check_run`, lint's persona usage)."""


def _run_wide_places(data: dict[str, Any]) -> Iterator[Parts]:
    """Where a run-wide finding may point (`check_run`): the id and each persona reference."""
    yield ("id",)
    for index, ref in _items(data, "personas"):
        yield ("personas", index)
        if isinstance(ref, dict):
            yield ("personas", index, "id")


def check_target(
    target: Target, limits: LoadLimits = DEFAULT_LIMITS, *, skip_foreign: bool = False, keep_models: bool = True
) -> CheckedFile | None:
    """`check_file` that never raises; without `keep_models`, the result is `slim()`."""
    try:
        checked = check_file(target, limits, skip_foreign=skip_foreign)
    except Exception as error:  # a bug must not cost the other files their check
        return CheckedFile(target.display, diagnostics=[internal_error(target.display, error)])
    if checked is None or keep_models:
        return checked
    return checked.slim()


def internal_error(display: str, error: BaseException) -> Diagnostic:
    return problem(
        "JM099",
        f"internal error: {type(error).__name__}: {error}",
        file=display,
        fix="please report this with the file that caused it",
    )
