"""`journeyctl lint`: rules over validated journey maps.

The renderer's health panel and the CLI both call::

    lint_run(run: Run, config: LintConfig, today: date) -> LintResult

with `run` from `journeyctl.run.validate_paths` and `config` from `load_config()` (or
`default_config()` for the `recommended` preset). `LintResult.diagnostics` are the
findings; `LintResult.coverage` the share of stages and steps with an owner, a metric
and a touchpoint. This package does not import the report, render or cli layers.
"""

from journeyctl.lint.config import ConfigError, LintConfig, Overrides, default_config, load_config
from journeyctl.lint.engine import Coverage, LintResult, Share, lint_run
from journeyctl.lint.registry import RULES

__all__ = [
    "RULES",
    "ConfigError",
    "Coverage",
    "LintConfig",
    "LintResult",
    "Overrides",
    "Share",
    "default_config",
    "lint_run",
    "load_config",
]
