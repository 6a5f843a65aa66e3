"""The strict loader: exact text, exact positions, bounded work."""

from __future__ import annotations

import pytest

from journeyctl.loader import LoadLimits, load_bytes


def load(text: str | bytes, limits: LoadLimits | None = None):  # type: ignore[no-untyped-def]
    raw = text.encode() if isinstance(text, str) else text
    return load_bytes(raw, "map.yaml", limits or LoadLimits())


def codes(text: str | bytes, limits: LoadLimits | None = None) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in load(text, limits).diagnostics]


def test_plain_scalars_that_yaml_1_1_would_convert_stay_text() -> None:
    data = load("a: No\nb: on\nc: 1.10\nd: 2026-01-01\ne: 0x1F\nf: yes\ng: 012\n").document.data
    assert data == {"a": "No", "b": "on", "c": "1.10", "d": "2026-01-01", "e": "0x1F", "f": "yes", "g": "012"}


def test_yaml_1_2_booleans_and_nulls_are_recognised_and_quoted_ones_are_not() -> None:
    data = load("a: true\nb: False\nc: null\nd: ~\ne:\nf: 'true'\ng: \"null\"\n").document.data
    assert data == {"a": True, "b": False, "c": None, "d": None, "e": None, "f": "true", "g": "null"}


def test_utf8_bom_is_accepted() -> None:
    assert load("\ufeffnome: São Paulo\n").document.data == {"nome": "São Paulo"}


def test_columns_count_characters_not_bytes() -> None:
    # "ção: ã: b": the second colon is the 7th character but the 10th byte.
    assert codes("\ufeffnome: São Paulo\nção: ã: b\n") == [("JM001", 2, 7)]


def test_positions_are_one_based_and_point_at_the_value() -> None:
    result = load("kind: journey\nstages:\n  - id: ação\n    name: Consideração\n")
    document = result.document
    assert document is not None
    assert document.position(("stages", 0, "name"))[:2] == (4, 11)
    assert document.position(("stages", 0, "name"), key=True)[:2] == (4, 5)
    # A missing key resolves to its closest existing ancestor: the stage mapping.
    assert document.position(("stages", 0, "owner"))[:2] == (3, 5)


def test_a_pinned_copy_keeps_its_positions_and_nothing_else() -> None:
    document = load("kind: journey\nid: compra\npersonas:\n  - ana\n  - id: ion\n").document
    assert document is not None
    places = [("id",), ("personas", 1, "id")]
    pinned = document.pin({"id": "compra"}, places)
    assert (pinned.data, pinned.nodes, pinned.raw) == ({"id": "compra"}, None, b"")
    assert [pinned.position(parts) for parts in places] == [document.position(parts) for parts in places]
    assert pinned.locate("JM034", "clash", ("personas", 1, "id")) == document.locate(
        "JM034", "clash", ("personas", 1, "id")
    )
    # A place that was not kept is a bug in the caller, never a guessed position.
    with pytest.raises(LookupError, match=r"personas\[0\]"):
        pinned.position(("personas", 0))
    with pytest.raises(LookupError):
        pinned.position(("id",), key=True)


def test_duplicate_keys_are_reported_at_every_level() -> None:
    text = "a: 1\nb:\n  c: 1\n  c: 2\nd:\n  - e: 1\n    e: 2\na: 3\n"
    assert codes(text) == [("JM006", 4, 3), ("JM006", 7, 5), ("JM006", 8, 1)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ("JM003", 1, 1)),
        ("# only a comment\n\n", ("JM003", 1, 1)),
        ("- a\n- b\n", ("JM004", 1, 1)),
        ("just text\n", ("JM004", 1, 1)),
        ("a: 1\n---\nb: 2\n", ("JM005", 2, 1)),
        ("a: !!python/object:os.system x\n", ("JM010", 1, 4)),
        ("a: !custom x\n", ("JM010", 1, 4)),
        ("a: !!binary aGVsbG8=\n", ("JM010", 1, 4)),
        ("a:\n\tb: 1\n", ("JM001", 2, 1)),
        ("a: b\x00c\n", ("JM002", 1, 5)),
        ("{a: b}: c\n", ("JM022", 1, 1)),
    ],
)
def test_malformed_documents_give_one_located_diagnostic(text: str, expected: tuple[str, int, int]) -> None:
    assert codes(text) == [expected]


def test_explicit_str_tag_forces_text() -> None:
    assert load("a: !!str 5\n").document.data == {"a": "5"}


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("a: São\n".encode("latin-1"), "not valid UTF-8"),
        ("a: b\n".encode("utf-16"), "UTF-16"),
        ("a: b\n".encode("utf-16-le"), "UTF-16"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not valid UTF-8"),
    ],
)
def test_non_utf8_bytes_are_refused_with_a_clear_message(raw: bytes, fragment: str) -> None:
    result = load(raw)
    assert result.document is None
    assert [d.code for d in result.diagnostics] == ["JM002"]
    assert fragment in result.diagnostics[0].message


def test_reused_anchors_load_and_share_structure() -> None:
    data = load("a: &tp {channel: email}\nb: *tp\nc: *tp\n").document.data
    assert data["b"] == {"channel": "email"} and data["c"] == data["a"]


def test_alias_expansion_is_bounded() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for name, previous in zip("bcdefgh", "abcdefg", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]")
    assert codes("\n".join(lines) + "\n")[0][0] == "JM007"


def test_recursive_alias_is_refused() -> None:
    assert [c for c, _, _ in codes("a: &x [1, *x]\n")] == ["JM007"]


@pytest.mark.parametrize("opener", ["[", "{a: "])
def test_deep_nesting_is_stopped_before_the_c_parser_recurses(opener: str) -> None:
    closer = "]" if opener == "[" else "}"
    text = opener * 30_000 + "x" + closer * 30_000
    found = codes(text)
    assert [c for c, _, _ in found] == ["JM008"]


def test_block_nesting_is_bounded_too() -> None:
    text = "".join("  " * level + "k:\n" for level in range(200)) + "  " * 200 + "k: v\n"
    assert [c for c, _, _ in codes(text)] == ["JM008"]


def test_moderate_nesting_within_the_limit_loads() -> None:
    assert load("a: " + "[" * 20 + "]" * 20 + "\n").diagnostics == []
