from conftest import EXAMPLES, RunCli


def test_examples_validate(run_cli: RunCli) -> None:
    result = run_cli("validate", EXAMPLES)
    assert "no problems" in result.stdout
