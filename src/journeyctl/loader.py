"""Strict YAML loading that keeps every node's position.

libyaml (through PyYAML's C parser) builds the node tree, which carries the marks
anyway; a small constructor then turns nodes into plain data:

* plain scalars stay text (YAML 1.1 would turn `No` into false, `1.10` into 1.1 and
  `2026-01-01` into a date); only YAML 1.2's `true`/`false` become booleans and
  `null`, `~` and empty become None. The model turns text into numbers and dates
  where a field asks for them, so what the author wrote as text stays exactly that;
* a duplicate key is an error (PyYAML silently keeps the last one);
* explicit tags other than `!!str` are refused, so no object is ever constructed;
* aliases may add only a bounded number of nodes, and nesting is bounded. The C
  composer recurses on the C stack and crashes the process somewhere past 20,000
  levels, so the depth is bounded *before* it runs (see `_nesting_bound`).

The cyclic garbage collector is kept out of the parse: it would walk every freshly
built node and value, and nothing built here forms a cycle.
"""

from __future__ import annotations

import bisect
import gc
import os
import re
import stat
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Final, Protocol

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from journeyctl.diagnostics import Diagnostic, format_path, problem

try:
    from yaml._yaml import CParser as _BaseParser

    HAVE_LIBYAML: Final = True
except ImportError:  # pragma: no cover - exercised only where libyaml is missing
    from yaml import SafeLoader as _BaseParser  # type: ignore[assignment]

    HAVE_LIBYAML = False  # type: ignore[misc]

PLAIN_TAG: Final = "?plain"
STR_TAG: Final = "tag:yaml.org,2002:str"
SEQ_TAG: Final = "tag:yaml.org,2002:seq"
MAP_TAG: Final = "tag:yaml.org,2002:map"
_TEXT_TAGS: Final = (PLAIN_TAG, STR_TAG)
_PLAIN_CONSTANTS: Final[dict[str, bool | None]] = {
    "": None,
    "~": None,
    "null": None,
    "Null": None,
    "NULL": None,
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
}

# The C composer uses a few hundred bytes of C stack per nesting level. Below this
# bound it runs on the caller's stack; up to the next it runs on a thread with a
# stack large enough for the bound; past that the exact depth is measured first.
_CALLER_STACK_DEPTH: Final = 2_000
_BIG_STACK_DEPTH: Final = 200_000
_BIG_STACK_BYTES: Final = 256 * 1024 * 1024

Position = tuple[int, int, int, int]
"""1-based (line, column, end_line, end_column)."""


@dataclass(frozen=True, slots=True)
class LoadLimits:
    max_file_bytes: int = 32 * 1024 * 1024
    max_depth: int = 64
    max_alias_nodes: int = 100_000
    max_alias_text: int = 1_000_000
    """Characters of text aliases may repeat: a long anchored value reused thousands
    of times costs nothing to load (the text is shared) but renders to gigabytes."""


DEFAULT_LIMITS: Final = LoadLimits()


@dataclass(slots=True)
class YamlDocument:
    """A loaded document: plain data plus the node tree that positions come from.

    The node tree is most of a document's memory, and only findings need it: a run
    over thousands of files releases it once a file's own checks are done
    (`release_nodes`), and the rare run-wide finding rebuilds it from `raw`, or
    reads the few positions kept when the text went too (`pinned`).
    """

    file: str
    data: Any
    nodes: Node | None
    raw: bytes
    pinned: dict[tuple[str | int, ...], Position] | None = None
    """The only positions a document made by `pin` can give."""

    def pin(self, data: Any, paths: Iterable[tuple[str | int, ...]]) -> YamlDocument:
        """A copy holding `data` and the positions of `paths`, without node tree or text."""
        return YamlDocument(self.file, data, None, b"", {parts: self.position(parts) for parts in paths})

    @property
    def root(self) -> Node:
        if self.nodes is None:
            self.nodes = _compose(self.raw, self.file, DEFAULT_LIMITS)
            assert self.nodes is not None, "a loaded document holds a node"
        return self.nodes

    def release_nodes(self) -> None:
        self.nodes = None

    def node_at(self, parts: tuple[str | int, ...], *, key: bool = False) -> Node:
        """The node at `parts`, or its closest existing ancestor.

        With `key`, a path ending in a mapping key points at the key itself (for
        "unknown key" problems) rather than at its value.
        """
        node = self.root
        last = len(parts) - 1
        for index, part in enumerate(parts):
            child: Node | None = None
            if isinstance(node, MappingNode) and isinstance(part, str):
                for key_node, value_node in node.value:
                    if isinstance(key_node, ScalarNode) and key_node.value == part:
                        child = key_node if key and index == last else value_node
                        break
            elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                child = node.value[part]
            if child is None:
                return node
            node = child
        return node

    def position(self, parts: tuple[str | int, ...], *, key: bool = False) -> Position:
        if self.pinned is not None:
            if key or parts not in self.pinned:
                raise LookupError(f"{self.file}: no position was kept for {format_path(parts) or 'the root'}")
            return self.pinned[parts]
        return node_position(self.node_at(parts, key=key))

    def locate(
        self,
        code: str,
        message: str,
        parts: tuple[str | int, ...],
        *,
        key: bool = False,
        fix: str = "",
    ) -> Diagnostic:
        """A validation diagnostic placed at `parts` in this document."""
        line, column, end_line, end_column = self.position(parts, key=key)
        return problem(
            code,
            message,
            file=self.file,
            path=format_path(parts),
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            fix=fix,
        )


def node_position(node: Node) -> Position:
    start, end = node.start_mark, node.end_mark
    return (start.line + 1, start.column + 1, end.line + 1, end.column + 1)


@dataclass(slots=True)
class LoadResult:
    document: YamlDocument | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    raw: bytes = b""


class _FatalLoadError(Exception):
    """Stops a load at the first problem that makes the rest meaningless."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


class _NodeParser(_BaseParser):
    """The C parser with a resolver that does no work: typing happens in the model."""

    def descend_resolver(self, parent: Any, index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None

    def resolve(self, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            return PLAIN_TAG if implicit[0] else STR_TAG
        return SEQ_TAG if kind is SequenceNode else MAP_TAG


# O_NONBLOCK: opening a named pipe would otherwise wait for a writer forever. It has
# no effect on regular files, the only kind that is then read.
_OPEN_FLAGS: Final = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def load_file(path: Path, display: str, limits: LoadLimits = DEFAULT_LIMITS) -> LoadResult:
    """Read and load one file; every failure becomes a diagnostic, never an exception."""
    try:
        not_a_file = _not_a_regular_file(os.stat(path).st_mode)
        if not_a_file is not None:
            return LoadResult(None, [problem("JM011", not_a_file, file=display)])
        with open(os.open(path, _OPEN_FLAGS), "rb") as stream:
            status = os.fstat(stream.fileno())
            not_a_file = _not_a_regular_file(status.st_mode)  # swapped in after the stat
            if not_a_file is not None:
                return LoadResult(None, [problem("JM011", not_a_file, file=display)])
            if status.st_size > limits.max_file_bytes:
                return LoadResult(None, [_too_large(display, status.st_size, limits)])
            raw = _read_bounded(stream, status.st_size, limits.max_file_bytes)
    except FileNotFoundError as error:
        if os.path.islink(path):
            return LoadResult(None, [problem("JM011", "is a symbolic link to nothing (broken link)", file=display)])
        return LoadResult(None, [_unreadable(display, error)])
    except OSError as error:
        return LoadResult(None, [_unreadable(display, error)])
    if len(raw) > limits.max_file_bytes:  # the file grew between stat and read
        return LoadResult(None, [_too_large(display, len(raw), limits)])
    result = load_bytes(raw, display, limits)
    result.raw = raw
    return result


def load_bytes(raw: bytes, display: str, limits: LoadLimits = DEFAULT_LIMITS) -> LoadResult:
    encoding_problem = _foreign_encoding(raw, display)
    if encoding_problem is not None:
        return LoadResult(None, [encoding_problem])
    collector_was_on = gc.isenabled()
    gc.disable()
    try:
        root = _compose(raw, display, limits)
        if root is None:
            return LoadResult(
                None,
                [
                    problem(
                        "JM003",
                        "holds no YAML document",
                        file=display,
                        line=1,
                        column=1,
                        fix="write a journey or persona mapping, starting with `kind:`",
                    )
                ],
            )
        if _YAML11_ONLY_BREAK.search(raw) is not None:
            _use_editor_lines(root, raw)
        builder = _Builder(display, limits, aliased=b"*" in raw)
        data = builder.build(root, 0)
    except _FatalLoadError as abort:
        return LoadResult(None, [abort.diagnostic])
    finally:
        if collector_was_on:
            gc.enable()
    document = YamlDocument(display, data, root, raw)
    diagnostics = builder.diagnostics
    if not isinstance(data, dict):
        what = "a list" if isinstance(data, list) else "a single value"
        diagnostics.append(
            document.locate(
                "JM004",
                f"the document is {what}, not a mapping",
                (),
                fix="start the file with `kind: journey` or `kind: persona` and the fields below it",
            )
        )
    return LoadResult(document, diagnostics)


def _too_large(display: str, size: int, limits: LoadLimits) -> Diagnostic:
    return problem(
        "JM009",
        f"is {size:,} bytes, over the limit of {limits.max_file_bytes:,}",
        file=display,
        fix="split the map into smaller journeys, or raise the limit with --max-file-size",
    )


def _read_bounded(stream: BinaryIO, expected: int, limit: int) -> bytes:
    """The file's bytes, one read sized by fstat; never more than `limit` + 1 bytes.

    Asking for the limit in one read would allocate it up front (32 MB per file by
    default, or more than memory for a large --max-file-size). A file that grows
    after the fstat, or reports no size (/proc), is read on in chunks.
    """
    parts = [stream.read(expected + 1)]
    total = len(parts[0])
    while total > expected and total <= limit:
        chunk = stream.read(1 << 20)
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
    return b"".join(parts)


def _not_a_regular_file(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a file"
    return "is not a regular file"


def _unreadable(display: str, error: OSError) -> Diagnostic:
    reason = error.strerror or error.__class__.__name__
    return problem("JM011", f"cannot be read: {reason}", file=display)


def _foreign_encoding(raw: bytes, display: str) -> Diagnostic | None:
    """libyaml reads UTF-16 and UTF-32 too; journeyctl files are UTF-8 only."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")) or (
        len(raw) >= 2 and (raw[0] == 0) != (raw[1] == 0) and b"\x00" in raw[:64] and raw.count(b"\x00") * 3 >= len(raw)
    ):
        return problem(
            "JM002", "is UTF-16 or UTF-32 text, not UTF-8", file=display, line=1, column=1, fix="save the file as UTF-8"
        )
    return None


def _compose(raw: bytes, display: str, limits: LoadLimits) -> Node | None:
    bound = _nesting_bound(raw)
    if bound > _BIG_STACK_DEPTH:
        _check_depth_exactly(raw, display, limits)
        bound = limits.max_depth
    if bound <= _CALLER_STACK_DEPTH:
        return _compose_here(raw, display)
    return _compose_on_big_stack(raw, display)


def _nesting_bound(raw: bytes) -> int:
    """An upper bound on how deep the document can nest, cheap to compute.

    Each flow level needs a `[` or `{`; each two block levels need at least one more
    column, so block depth is bounded by twice the longest line.
    """
    flow = raw.count(b"[") + raw.count(b"{")
    longest_line = max(map(len, raw.split(b"\n")))
    return flow + 2 * longest_line + 2


def _check_depth_exactly(raw: bytes, display: str, limits: LoadLimits) -> None:
    """Walk the event stream (iterative, no C recursion) and stop at the limit."""
    parser = _BaseParser(raw)
    depth = 0
    try:
        while (event := parser.get_event()) is not None:
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > limits.max_depth:
                    mark = _editor_mark(event.start_mark, raw)
                    line, column = (mark.line, mark.column) if mark is not None else (0, 0)
                    raise _FatalLoadError(_too_deep(display, line, column, limits))
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return  # the real parse reports it, at a depth it can afford
    finally:
        parser.dispose()


def _too_deep(display: str, line: int, column: int, limits: LoadLimits) -> Diagnostic:
    return problem(
        "JM008",
        f"nests deeper than {limits.max_depth} levels",
        file=display,
        line=line + 1,
        column=column + 1,
        fix="flatten the structure; journey files need a handful of levels",
    )


def _compose_here(raw: bytes, display: str) -> Node | None:
    parser = _NodeParser(raw)
    try:
        node: Node | None = parser.get_single_node()
        return node
    except yaml.MarkedYAMLError as error:
        raise _FatalLoadError(_syntax_problem(error, raw, display)) from None
    except yaml.YAMLError as error:
        raise _FatalLoadError(_reader_problem(error, raw, display)) from None
    finally:
        parser.dispose()


def _compose_on_big_stack(raw: bytes, display: str) -> Node | None:
    outcome: list[Node | BaseException | None] = []

    def run() -> None:
        try:
            outcome.append(_compose_here(raw, display))
        except BaseException as error:  # handed back to the calling thread
            outcome.append(error)

    previous = threading.stack_size(_BIG_STACK_BYTES)
    try:
        worker = threading.Thread(target=run, name="journeyctl-compose")
        worker.start()
    finally:
        threading.stack_size(previous)
    worker.join()
    result = outcome[0]
    if isinstance(result, BaseException):
        raise result
    return result


def _syntax_problem(error: yaml.MarkedYAMLError, raw: bytes, display: str) -> Diagnostic:
    mark = _editor_mark(error.problem_mark or error.context_mark, raw)
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
    reason = error.problem or error.context or "invalid YAML"
    if error.context == "expected a single document in the stream":
        return problem(
            "JM005",
            "holds more than one YAML document",
            file=display,
            line=line,
            column=column,
            fix="keep one journey or persona per file; remove the `---` separator",
        )
    if mark is not None and _character_at(raw, mark.line, mark.column) == "\t":
        reason = "a tab character where YAML expects indentation or a value"
        return problem(
            "JM001",
            reason,
            file=display,
            line=line,
            column=column,
            fix="indent with spaces; YAML never allows tabs for indentation",
        )
    message = reason if not error.context or error.context == reason else f"{reason} ({error.context})"
    fix = "fix the YAML syntax at this position"
    if (odd_break := _YAML11_ONLY_BREAK.search(raw)) is not None:
        name = _BREAK_NAMES[odd_break.group()]
        line_of_break, _ = _line_column(raw, odd_break.start())
        fix = (
            f"line {line_of_break} holds {name}, which YAML 1.1 reads as a line break: "
            "remove it, or quote the value that holds it"
        )
    return problem("JM001", message, file=display, line=line, column=column, fix=fix)


# YAML 1.1 (libyaml) also ends a line at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR;
# editors, code hosts and YAML 1.2 do not. In a file holding one, libyaml's line
# numbers drift from the ones the user sees, so positions are recomputed from the
# character offsets. Files without one (nearly all) keep libyaml's marks untouched.
_YAML11_ONLY_BREAK: Final = re.compile(rb"\xc2\x85|\xe2\x80[\xa8\xa9]")
_BREAK_NAMES: Final = {
    b"\xc2\x85": "U+0085 NEXT LINE",
    b"\xe2\x80\xa8": "U+2028 LINE SEPARATOR",
    b"\xe2\x80\xa9": "U+2029 PARAGRAPH SEPARATOR",
}


class _Mark(Protocol):
    """libyaml's marks and PyYAML's alike."""

    name: Any
    index: int
    line: int
    column: int


class _EditorLines:
    """Line and column from a character offset, counting only `\\n` as a line break."""

    def __init__(self, raw: bytes) -> None:
        text = raw.decode("utf-8", "replace").removeprefix("\ufeff")  # libyaml's offsets skip the BOM
        self.starts = [0, *(found.end() for found in re.finditer("\n", text))]

    def mark(self, mark: _Mark) -> yaml.Mark:
        line = bisect.bisect_right(self.starts, mark.index) - 1
        return yaml.Mark(mark.name, mark.index, line, mark.index - self.starts[line], None, 0)


def _editor_mark(mark: _Mark | None, raw: bytes) -> _Mark | None:
    if mark is None or _YAML11_ONLY_BREAK.search(raw) is None:
        return mark
    return _EditorLines(raw).mark(mark)


def _use_editor_lines(root: Node, raw: bytes) -> None:
    """Rewrite every node's marks in editor lines; each node once (aliases share nodes)."""
    lines = _EditorLines(raw)
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        node.start_mark = lines.mark(node.start_mark)
        node.end_mark = lines.mark(node.end_mark)
        if isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                stack.append(key_node)
                stack.append(value_node)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)


def _character_at(raw: bytes, line: int, column: int) -> str:
    lines = raw.split(b"\n", line + 1)
    if line >= len(lines):
        return ""
    text = lines[line].decode("utf-8", "replace")
    return text[column] if column < len(text) else ""


def _reader_problem(error: yaml.YAMLError, raw: bytes, display: str) -> Diagnostic:
    """libyaml's reader errors carry a byte offset, not a line: compute it."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as bad:
        line, column = _line_column(raw, bad.start)
        return problem(
            "JM002",
            f"is not valid UTF-8: byte 0x{raw[bad.start]:02X} at line {line}, column {column}",
            file=display,
            line=line,
            column=column,
            fix="save the file as UTF-8 (it looks like Latin-1 or another legacy encoding)",
        )
    offset = getattr(error, "position", 0)
    text = raw.decode("utf-8")
    control = next((i for i, ch in enumerate(text) if _is_forbidden(ch)), None)
    if control is not None:
        prefix = text[:control]
        line = prefix.count("\n") + 1
        column = control - (prefix.rfind("\n") + 1) + 1
        name = "a NUL byte" if text[control] == "\0" else f"the control character U+{ord(text[control]):04X}"
        return problem(
            "JM002",
            f"contains {name}, which YAML does not allow",
            file=display,
            line=line,
            column=column,
            fix="remove the character; the file may be binary or corrupted",
        )
    line, column = _line_column(raw, offset)
    return problem("JM001", str(error), file=display, line=line, column=column)


def _is_forbidden(ch: str) -> bool:
    code = ord(ch)
    if code in (0x09, 0x0A, 0x0D, 0x85):
        return False
    return code < 0x20 or 0x7F <= code <= 0x9F or code in (0xFEFF, 0xFFFE, 0xFFFF)


def _line_column(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", "replace")) + 1
    return raw.count(b"\n", 0, offset) + 1, column


_IN_PROGRESS: Final = object()


class _Builder:
    """Turns a node tree into dicts, lists, text and None."""

    def __init__(self, display: str, limits: LoadLimits, *, aliased: bool) -> None:
        self.display = display
        self.limits = limits
        self.diagnostics: list[Diagnostic] = []
        # Only a file that contains `*` can hold an alias; the others skip the memo.
        self.memo: dict[int, Any] | None = {} if aliased else None
        self.alias_nodes = 0
        self.alias_text = 0

    def build(self, node: Node, depth: int) -> Any:
        if depth > self.limits.max_depth:
            mark = node.start_mark
            raise _FatalLoadError(_too_deep(self.display, mark.line, mark.column, self.limits))
        memo = self.memo
        if memo is not None:
            seen = memo.get(id(node))
            if seen is not None:
                return self._reuse(node, seen)
            memo[id(node)] = _IN_PROGRESS
            value = self._build_node(node, depth)
            memo[id(node)] = value
            return value
        return self._build_node(node, depth)

    def _build_node(self, node: Node, depth: int) -> Any:
        kind = type(node)
        tag = node.tag
        if kind is ScalarNode:
            if tag == PLAIN_TAG:
                value: str = node.value
                return _PLAIN_CONSTANTS.get(value, value) if len(value) <= 5 else value
            if tag == STR_TAG:
                return node.value
            return self._refuse_tag(node)
        # Most children are plain scalars: they are built right here rather than through
        # `build`, which halves the Python calls of a load. The depth check `build`
        # would make is made once for all of them. Where aliases may occur, scalars go
        # through `build` too, so that a reused scalar is seen and counted.
        children_in_depth = depth < self.limits.max_depth and self.memo is None
        if kind is MappingNode:
            if tag != MAP_TAG:
                return self._refuse_tag(node)
            mapping: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if type(key_node) is ScalarNode and key_node.tag in _TEXT_TAGS:
                    key = key_node.value
                    if self.memo is not None:  # an aliased key repeats its text too
                        self._see_key(key_node)
                else:
                    key = self._key(key_node)
                    if key is None:
                        continue
                if key in mapping:
                    self._duplicate(key_node, key)
                    continue
                if children_in_depth and type(value_node) is ScalarNode and value_node.tag == PLAIN_TAG:
                    text = value_node.value
                    mapping[key] = _PLAIN_CONSTANTS.get(text, text) if len(text) <= 5 else text
                else:
                    mapping[key] = self.build(value_node, depth + 1)
            return mapping
        if tag != SEQ_TAG:
            return self._refuse_tag(node)
        items: list[Any] = []
        for item in node.value:
            if children_in_depth and type(item) is ScalarNode and item.tag == PLAIN_TAG:
                text = item.value
                items.append(_PLAIN_CONSTANTS.get(text, text) if len(text) <= 5 else text)
            else:
                items.append(self.build(item, depth + 1))
        return items

    def _see_key(self, node: Node) -> None:
        assert self.memo is not None
        seen = self.memo.get(id(node))
        if seen is None:
            self.memo[id(node)] = node.value
        else:
            self._reuse(node, seen)

    def _key(self, node: Node) -> str | None:
        if type(node) is ScalarNode and node.tag in _TEXT_TAGS:
            return str(node.value)
        self._report(node, "JM022", "a mapping key must be plain text", "use a simple word as the key")
        return None

    def _duplicate(self, node: Node, key: str) -> None:
        self._report(
            node, "JM006", f"duplicate key '{key}': the first one is kept", f"remove or rename the second '{key}'"
        )

    def _refuse_tag(self, node: Node) -> None:
        self._report(
            node,
            "JM010",
            f"the YAML tag '{node.tag}' is not allowed",
            "remove the tag; only `!!str` is accepted, to force text",
        )

    def _report(self, node: Node, code: str, message: str, fix: str) -> None:
        line, column, end_line, end_column = node_position(node)
        self.diagnostics.append(
            problem(
                code,
                message,
                file=self.display,
                line=line,
                column=column,
                end_line=end_line,
                end_column=end_column,
                fix=fix,
            )
        )

    def _reuse(self, node: Node, seen: Any) -> Any:
        if seen is _IN_PROGRESS:
            mark = node.start_mark
            raise _FatalLoadError(
                problem(
                    "JM007",
                    "an alias refers to a node that contains it (a cycle)",
                    file=self.display,
                    line=mark.line + 1,
                    column=mark.column + 1,
                    fix="remove the alias; journey files cannot be recursive",
                )
            )
        nodes, text = _count_nodes(node, self.limits.max_alias_nodes - self.alias_nodes + 1)
        self.alias_nodes += nodes
        self.alias_text += text
        if self.alias_text > self.limits.max_alias_text:
            mark = node.start_mark
            raise _FatalLoadError(
                problem(
                    "JM007",
                    f"aliases repeat more than {self.limits.max_alias_text:,} characters of text",
                    file=self.display,
                    line=mark.line + 1,
                    column=mark.column + 1,
                    fix="write the repeated parts out, or reuse fewer of them",
                )
            )
        if self.alias_nodes > self.limits.max_alias_nodes:
            mark = node.start_mark
            raise _FatalLoadError(
                problem(
                    "JM007",
                    f"aliases expand the document by more than {self.limits.max_alias_nodes:,} nodes",
                    file=self.display,
                    line=mark.line + 1,
                    column=mark.column + 1,
                    fix="write the repeated parts out, or reuse fewer of them",
                )
            )
        return seen


def _count_nodes(node: Node, budget: int) -> tuple[int, int]:
    """Nodes and characters of text under `node` as expanded, counting no further than `budget` nodes."""
    count = 0
    text = 0
    stack = [node]
    while stack and count < budget:
        current = stack.pop()
        count += 1
        if type(current) is ScalarNode:
            text += len(current.value)
        elif type(current) is MappingNode:
            for key_node, value_node in current.value:
                stack.append(key_node)
                stack.append(value_node)
        elif type(current) is SequenceNode:
            stack.extend(current.value)
    return count, text
