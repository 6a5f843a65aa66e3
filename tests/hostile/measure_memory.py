"""Peak memory of `journeyctl validate` on the hostile inputs that aim at memory.

Each command runs in its own subprocess; its peak resident set size comes from
getrusage(RUSAGE_CHILDREN) in a fresh parent, next to the baseline of
`journeyctl --version` measured in the same run:

    .venv/bin/python tests/hostile/measure_memory.py

The figures are recorded in docs/security.md.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from hostile_inputs import alias_repeated_text, deep_flow_sequence, fifty_megabytes, measure

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
REPO = HERE.parent.parent


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="journeyctl-memory-") as scratch:
        root = Path(scratch)
        runs = [
            ("baseline: --version", ["--version"]),
            ("valid example (retail, 3 files)", ["validate", "-q", str(REPO / "examples" / "retail-omnichannel")]),
            ("alias bomb (billion laughs, 617 B)", ["validate", "-q", str(CORPUS / "alias-bomb.yaml")]),
            ("a million touchpoints (1 KB map)", ["validate", "-q", str(CORPUS / "million-touchpoints.yaml")]),
            (
                "long text reused 2,000 times (108 KB)",
                ["render", alias_repeated_text(root), "--out", str(root / "site")],
            ),
            ("30,000-deep flow nesting", ["validate", "-q", deep_flow_sequence(root)]),
            ("50 MB file, default limit", ["validate", "-q", fifty_megabytes(root)]),
            (
                "50 MB file, --max-file-size 64M",
                ["validate", "-q", "--max-file-size", "64M", str(root / "fifty-megabytes.yaml")],
            ),
        ]
        print(f"{'input':<40} {'exit':>4} {'peak RSS':>10}  command")
        for label, arguments in runs:
            measured = measure(arguments)
            shown = " ".join(arguments).replace(str(REPO) + "/", "").replace(scratch, "$TMP")
            print(f"{label:<40} {measured.returncode:>4} {measured.peak_rss_kib / 1024:>7.1f} MiB  journeyctl {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
