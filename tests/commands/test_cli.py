from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from handbook.commands.cli import main, parser
from tests.cases import MINIMAL, data_folder_with, read_case

CASE = read_case(Path(__file__).resolve().parents[1] / "cases" / "invalid" / "unknown-unit.yaml")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "handbook", *args], capture_output=True, text=True, cwd=cwd)


def test_help_lists_every_subcommand() -> None:
    out = run("--help").stdout
    for command in ("validate", "build", "pdf", "schema", "diff", "review", "new", "publish"):
        assert command in out


def test_validate_clean_data_exits_0(capsys) -> None:
    assert main(["validate", "--data", str(MINIMAL)]) == 0
    assert "The data is valid." in capsys.readouterr().err


def test_validate_reports_file_line_col_field_and_exits_1(tmp_path: Path) -> None:
    data = data_folder_with(CASE, tmp_path / "data")
    result = run("validate", "--data", "data", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.strip() == (
        "data/services.yaml:55:19: services[0].offers[0].charges[2].unit: "
        "'per acadmy per year' is not a known unit; did you mean 'per academy per year'?"
    )
    assert "Traceback" not in result.stderr and "1 error, 0 warnings." in result.stderr
    assert data.is_dir()


def test_validate_github_format_prints_annotations(tmp_path: Path) -> None:
    data_folder_with(CASE, tmp_path / "data")
    result = run("validate", "--data", "data", "--format", "github", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("::error file=data/services.yaml,line=55,col=19,title=services[0].offers[0].charges[2].unit::")


def test_bad_usage_exits_2_without_traceback(tmp_path: Path) -> None:
    result = run("validate", "--format", "xml")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    missing = run("validate", "--data", str(tmp_path / "nowhere"))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    assert "no data folder" in missing.stderr


def test_parser_knows_the_data_option_on_every_data_command() -> None:
    for command in ("validate", "build", "pdf", "review", "new service", "publish"):
        args = parser().parse_args([*command.split(), "--data", "x"])
        assert args.data == "x"


def test_a_file_that_cannot_be_written_is_named_without_a_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    done = run("schema", "--out", str(blocker / "schema"))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith("handbook: cannot use") and str(blocker) in done.stderr


def test_publish_takes_a_generator_or_mike_but_not_both(capsys) -> None:
    usage = parser().parse_args(["publish", "--generator", "zensical"])
    assert (usage.generator, usage.with_mike) == ("zensical", False)
    assert parser().parse_args(["publish", "--with-mike"]).with_mike
    assert main(["publish", "--data", str(MINIMAL), "--with-mike", "--generator", "zensical"]) == 2
    assert "--generator cannot be used with --with-mike" in capsys.readouterr().err
