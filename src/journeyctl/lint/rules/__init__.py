"""The rule families; `journeyctl.lint.registry` collects them."""
