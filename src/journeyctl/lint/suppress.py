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
    text = document.raw.decode("utf-8")
    lines = text.splitlines()
    comments = [(number, match) for number in _marker_lines(text) if (match := _COMMENT.search(lines[number]))]
    targets = {number: _target_line(lines, number, match.start()) for number, match in comments}
    index = _NodeIndex(document.root, {*targets, *(line for line in targets.values() if line is not None)})
    found: list[Suppression] = []
    malformed: list[MalformedSuppression] = []
    for number, match in comments:
        if index.inside_scalar(number, match.start()):
            continue
        line, column = number + 1, match.start() + 1
        target_line = targets[number]
        target = index.outermost(target_line) if target_line is not None else None
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


def _marker_lines(text: str) -> list[int]:
    """0-based numbers of the lines that mention `journeyctl:`, found without splitting every line."""
    numbers: list[int] = []
    position, line, counted_to = text.find("journeyctl:"), 0, 0
    while position != -1:
        line += text.count("\n", counted_to, position)
        counted_to = position
        if not numbers or numbers[-1] != line:
            numbers.append(line)
        position = text.find("journeyctl:", position + 1)
    return numbers


def _target_line(lines: list[str], line: int, column: int) -> int | None:
    """The line whose node a comment at (`line`, `column`) is about: its own, or the next with content."""
    if lines[line][:column].strip():
        return line
    line += 1
    while line < len(lines) and (not lines[line].strip() or lines[line].lstrip().startswith("#")):
        line += 1
    return line if line < len(lines) else None


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
    """For a few lines of interest: the document paths that start there, and the scalars spanning them.

    Only the branches of the tree that span one of those lines are walked, so a file with
    a suppression costs a walk down to it, not a walk over every node.
    """

    def __init__(self, root: Node, lines: set[int]) -> None:
        self.starts: dict[int, list[Parts]] = defaultdict(list)
        self.scalars: list[tuple[tuple[int, int], tuple[int, int]]] = []
        self.lines = lines
        if root.start_mark.line in lines:
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
                    if isinstance(key, ScalarNode):
                        self._visit((*parts, key.value), key.start_mark.line, value, stack)
            elif isinstance(node, SequenceNode):
                for position, item in enumerate(node.value):
                    self._visit((*parts, position), item.start_mark.line, item, stack)
            elif isinstance(node, ScalarNode):
                self._scalar(node)

    def _visit(self, parts: Parts, anchor_line: int, node: Node, stack: list[tuple[Node, Parts]]) -> None:
        if anchor_line in self.lines:
            self.starts[anchor_line].append(parts)
        first, last = min(anchor_line, node.start_mark.line), node.end_mark.line
        if any(first <= line <= last for line in self.lines):
            stack.append((node, parts))

    def _scalar(self, node: ScalarNode) -> None:
        start, end = node.start_mark, node.end_mark
        if start.line != end.line or node.style:
            self.scalars.append(((start.line, start.column), (end.line, end.column)))

    def inside_scalar(self, line: int, column: int) -> bool:
        return any(start <= (line, column) < end for start, end in self.scalars)

    def outermost(self, line: int) -> Parts | None:
        candidates = self.starts.get(line)
        return min(candidates, key=len) if candidates else None
