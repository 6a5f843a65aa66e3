"""Inline suppressions: `# journeyctl: ignore[JM102, stage-without-owner]`.

A suppression sits at the end of a node's line or on its own line(s) above the node,
and covers that node and everything under it. On a line that starts several nodes
(`- id: pays` starts the step and its `id`), the outermost one is meant. A comment
above the document's first key covers the whole file.

Comments are not part of the YAML node tree, so they are found in the raw text, and
only in files whose bytes contain `journeyctl:` at all: every other file pays nothing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Final

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from journeyctl.lint.registry import UnknownRuleError, resolve
from journeyctl.lint.rule import Parts
from journeyctl.loader import YamlDocument

MARKER: Final = b"journeyctl:"
_COMMENT: Final = re.compile(r"(?:^|(?<=[ \t]))#[ \t]*journeyctl:(?P<body>.*)$")
_IGNORE: Final = re.compile(r"^[ \t]*ignore\[(?P<names>[^\]]*)\](?P<reason>.*)$")
_PLACE_FIX: Final = "put it at the end of the node's line, or on its own line just above the node"
_FORM_FIX: Final = "write `# journeyctl: ignore[CODE-or-name, ...]`"


@dataclass(slots=True)
class Suppression:
    line: int
    column: int
    target: Parts
    selectors: dict[str, frozenset[str]]
    """Each name as written -> the codes it stands for."""
    used: set[str] = field(default_factory=set)

    def covers(self, code: str, parts: Parts) -> str | None:
        """The selector that silences `code` at `parts`, if any."""
        if parts[: len(self.target)] != self.target:
            return None
        return next((name for name, codes in self.selectors.items() if code in codes), None)


@dataclass(frozen=True, slots=True)
class MalformedSuppression:
    line: int
    column: int
    message: str
    fix: str


def scan(document: YamlDocument) -> tuple[list[Suppression], list[MalformedSuppression]]:
    if MARKER not in document.raw:
        return [], []
    lines = document.raw.decode("utf-8").splitlines()
    index = _NodeIndex(document.root)
    found: list[Suppression] = []
    malformed: list[MalformedSuppression] = []
    for number, text in enumerate(lines):
        match = _COMMENT.search(text)
        if match is None or index.inside_scalar(number, match.start()):
            continue
        line, column = number + 1, match.start() + 1
        target = index.target(lines, number, standalone=not text[: match.start()].strip())
        if target is None:
            malformed.append(MalformedSuppression(line, column, "this suppression is above no YAML node", _PLACE_FIX))
            continue
        parsed = _parse(match.group("body"))
        if isinstance(parsed, str):
            malformed.append(MalformedSuppression(line, column, parsed, _FORM_FIX))
            continue
        selectors, problems = parsed
        for problem in problems:
            malformed.append(MalformedSuppression(line, column, problem, "name rules by code (JM102) or by name"))
        if selectors:
            found.append(Suppression(line, column, target, selectors))
    return found, malformed


def _parse(body: str) -> str | tuple[dict[str, frozenset[str]], list[str]]:
    match = _IGNORE.match(body)
    if match is None:
        return f"cannot read the suppression '{body.strip()}': expected ignore[...]"
    names = [name.strip() for name in match.group("names").split(",")]
    if not any(names):
        return "the suppression names no rule"
    selectors: dict[str, frozenset[str]] = {}
    problems: list[str] = []
    for name in names:
        if not name:
            problems.append("the suppression has an empty name between commas")
            continue
        try:
            selectors[name] = resolve(name)[0]
        except UnknownRuleError as error:
            problems.append(str(error))
    return selectors, problems


class _NodeIndex:
    """Which document paths start on each line, and where multi-line scalars lie."""

    def __init__(self, root: Node) -> None:
        self.starts: dict[int, list[Parts]] = defaultdict(list)
        self.scalars: list[tuple[tuple[int, int], tuple[int, int]]] = []
        self.starts[root.start_mark.line].append(())
        seen: set[int] = set()
        stack: list[tuple[Node, Parts]] = [(root, ())]
        while stack:
            node, parts = stack.pop()
            if id(node) in seen:  # an alias: its nodes were indexed where they were written
                continue
            seen.add(id(node))
            if isinstance(node, MappingNode):
                for key, value in node.value:
                    self._scalar(key)
                    if isinstance(key, ScalarNode):
                        child = (*parts, key.value)
                        self.starts[key.start_mark.line].append(child)
                        stack.append((value, child))
            elif isinstance(node, SequenceNode):
                for position, item in enumerate(node.value):
                    child = (*parts, position)
                    self.starts[item.start_mark.line].append(child)
                    stack.append((item, child))
            else:
                self._scalar(node)

    def _scalar(self, node: Node) -> None:
        start, end = node.start_mark, node.end_mark
        if isinstance(node, ScalarNode) and (start.line != end.line or node.style):
            self.scalars.append(((start.line, start.column), (end.line, end.column)))

    def inside_scalar(self, line: int, column: int) -> bool:
        return any(start <= (line, column) < end for start, end in self.scalars)

    def target(self, lines: list[str], line: int, *, standalone: bool) -> Parts | None:
        if standalone:
            line += 1
            while line < len(lines) and (not lines[line].strip() or lines[line].lstrip().startswith("#")):
                line += 1
        candidates = self.starts.get(line)
        return min(candidates, key=len) if candidates else None
