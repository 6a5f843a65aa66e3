"""The built wheel carries every shipped template, and renders from its own copy."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from render_helpers import EXAMPLES, REPO


def test_the_wheel_ships_every_template_and_renders_with_them(tmp_path: Path) -> None:
    build = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path / "dist"), str(REPO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    wheel = next((tmp_path / "dist").glob("journeyctl-*.whl"))
    shipped = {
        path.relative_to(REPO / "templates").as_posix()
        for path in (REPO / "templates").rglob("*")
        if path.is_file() and not path.name.startswith(".")
    }
    with zipfile.ZipFile(wheel) as archive:
        in_wheel = {
            name.removeprefix("journeyctl/templates/")
            for name in archive.namelist()
            if name.startswith("journeyctl/templates/")
        }
        archive.extractall(tmp_path / "installed")
    assert shipped
    assert shipped <= in_wheel, f"missing from the wheel: {sorted(shipped - in_wheel)}"

    # Run from the unpacked wheel: the templates must be found inside the package.
    environment = {**os.environ, "PYTHONPATH": str(tmp_path / "installed")}
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import journeyctl.render.environment as e, sys; print(e.shipped_templates_dir()); "
            "from journeyctl.cli import main; sys.argv[1:] = sys.argv[2:]; main()",
            "--",
            "render",
            str(EXAMPLES / "retail-omnichannel"),
            "--format",
            "mermaid",
            "--no-lint",
        ],
        capture_output=True,
        text=True,
        check=False,
        env=environment,
        cwd=tmp_path,
    )
    assert probe.returncode == 0, probe.stderr
    templates_dir, _, diagram = probe.stdout.partition("\n")
    assert Path(templates_dir) == tmp_path / "installed" / "journeyctl" / "templates"
    assert diagram.startswith("journey\n")
