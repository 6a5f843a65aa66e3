"""The benchmark corpus: every generated file validates clean, and a seed gives the same bytes."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import yaml

from journeyctl.run import validate_paths

from conftest import REPO


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmark_generate", REPO / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_generated_files_validate_clean(tmp_path: Path) -> None:
    generate = _generator()
    for relative, text in generate.typical_files(40, seed=7):
        path = tmp_path / "files" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (tmp_path / "big.yaml").write_text(generate.big_journey(60, seed=7), encoding="utf-8")
    run = validate_paths([str(tmp_path)])
    assert run.all_diagnostics() == []
    assert sum(1 for f in run.files if f.kind == "journey") == 40 - 40 // generate.PERSONA_EVERY + 1
    big = next(f for f in run.files if f.file.endswith("big.yaml"))
    assert big.document is not None
    assert sum(len(stage["steps"]) for stage in big.document.data["stages"]) == 60


def test_other_yaml_loaders_read_the_same_text() -> None:
    """Peers load the corpus with YAML 1.1 loaders: no text may turn into a number, date or boolean."""
    generate = _generator()
    for _, text in generate.typical_files(9, seed=3):
        data = yaml.safe_load(text)
        assert isinstance(data["id"], str)
        for stage in data.get("stages", []):
            assert isinstance(stage["name"], str)
            for step in stage["steps"]:
                assert all(isinstance(action, str) for action in step["actions"])


def test_a_seed_gives_the_same_corpus() -> None:
    generate = _generator()
    assert list(generate.typical_files(12, seed=5)) == list(generate.typical_files(12, seed=5))
    assert generate.big_journey(30, seed=5) == generate.big_journey(30, seed=5)
