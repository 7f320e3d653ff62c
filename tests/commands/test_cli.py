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


# One fault of each kind in each data file of the sample, as officers make them: a tab, a
# misspelt field, a wrong value, a duplicated id whose first entry has a fault of its own, a
# reference to nothing, a duplicated field... Each: (file, text it follows, text, replacement,
# which line of the replacement the problem is on, the field, words the report must hold).
FAULTS = [
    ("services", "  - id: alternative-provision", "    category: send-and-inclusion", "\tcategory: send-and-inclusion", 0, "", "is indented with a tab; use spaces"),
    ("services", "  - id: alternative-provision", "    summary: Full-time", "    sumary: Full-time", 0, r"services\[0\]\.sumary", "'sumary' is not a known field here; did you mean 'summary'?"),
    ("services", "  - id: alternative-provision", "settings: [maintained, academy, free-school", "settings: [maintained, academies, free-school", 0, r"services\[0\]\.audience\.settings\[1\]", "'academies' is not a known kind of school; did you mean 'academy'?"),
    ("services", "services:", "  - id: eal-traveller-support", "  - id: alternative-provision", 0, r"services\[\d+\]\.id", "the id 'alternative-provision' is already used on line"),
    ("services", "  - id: attendance-support", "    contacts: [attendance-manager]", "    contacts: [attendance-manger]", 0, r"services\[\d+\]\.contacts\[0\]", "'attendance-manger' is not a known contact role; did you mean 'attendance-manager'?"),
    ("services", "  - id: attendance-support", "    owner:", "    owner: school-access\n    owner:", 1, r"services\[\d+\]\.owner", "duplicate field 'owner' (already given on line"),
    ("services", "          - amount: 2250", "              pupils_from: 211", "              pupils_from: 200", -1, r"services\[\d+\]\.offers\[\d+\]\.charges\[1\]\.band", "overlaps charges[0] (0–210 pupils)"),
    ("services", "          - amount: 3400", "          - amount: 3400", "          - amount: £3,400", 0, r"services\[\d+\]\.offers\[\d+\]\.charges\[2\]\.amount", "'£3,400' has '£' or commas in it; write 3400"),
    ("services", "  - id: attendance-support", "    last_reviewed: 2026-06-10", "    last_reviewed: 2026-13-01", 0, r"services\[\d+\]\.last_reviewed", "'2026-13-01' is not a date; write it as YYYY-MM-DD"),
    ("contacts", "  - id: director-childrens-services", "    team: childrens-services", "\tteam: childrens-services", 0, "", "is indented with a tab; use spaces"),
    ("contacts", "  - id: director-childrens-services", "    email: dcs@westmarch.example", "    email: dcs.westmarch.example", 0, r"roles\[0\]\.email", "is not a valid e-mail address; write it like 'name@example.gov.uk'"),
    ("contacts", "  - id: schools-contact-centre", "    phone: 01632 960 000", "    phone: 01632 96O 000", 0, r"contact_points\[0\]\.phone", "'01632 96O 000' is not a UK telephone number"),
    ("contacts", "contact_points:", "  - id: traded-services-team", "  - id: schools-contact-centre", 0, r"contact_points\[1\]\.id", "the id 'schools-contact-centre' is already used on line"),
    ("contacts", "    title: Assistant Director, Education and Inclusion", "    team: education-and-inclusion", "    team: education-and-inclusions", 0, r"roles\[1\]\.team", "is not a known unit; did you mean 'education-and-inclusion'?"),
    ("contacts", "    title: Assistant Director, Education and Inclusion", "    phone: 01632 960 110", "    phone: 960 110", 0, r"roles\[1\]\.phone", "'960 110' is not a UK telephone number"),
    ("structure", "  - id: childrens-services", "    kind: directorate", "\tkind: directorate", 0, "", "is indented with a tab; use spaces"),
    ("structure", "  - id: education-and-inclusion", "    kind: service", "    kind: servise", 0, r"units\[1\]\.kind", "'servise' is not a known kind of unit; did you mean 'service'?"),
    ("structure", "  - id: education-and-inclusion", "    lead: assistant-director-education", "    lead: assistant-director-educaton", 0, r"units\[1\]\.lead", "is not a known contact role; did you mean 'assistant-director-education'?"),
    ("structure", "  - id: cabinet-education", "    holder: Councillor Priya Anand", "    holder: [Councillor Priya Anand]", 0, r"portfolios\[1\]\.holder", "holder should be text, not a list; remove the [ ]"),
    ("structure", "portfolios:", "  - id: cabinet-children-families", "  - id: cabinet-education", 0, r"portfolios\[2\]\.id", "the id 'cabinet-education' is already used on line"),
    ("structure", "management_team:", "  - head-of-send", "  - head-of-sen", 0, r"management_team\[2\]", "'head-of-sen' is not a known contact role; did you mean 'head-of-send'?"),
    ("partnerships", "  - id: health-wellbeing-board", "    kind: statutory", "\tkind: statutory", 0, "", "is indented with a tab; use spaces"),
    ("partnerships", "  - id: safeguarding-children-partnership", "    kind: statutory", "    kind: statutary", 0, r"groups\[1\]\.kind", "'statutary' is not a known kind of group; did you mean 'statutory'?"),
    ("partnerships", "  - id: safeguarding-children-partnership", "      role: director-childrens-services", "      role: director-children-services", 0, r"groups\[1\]\.chair\.role", "did you mean 'director-childrens-services'?"),
    ("partnerships", "groups:", "  - id: fair-access-panel", "  - id: safeguarding-children-partnership", 0, r"groups\[\d+\]\.id", "the id 'safeguarding-children-partnership' is already used on line"),
    ("protocols", "  - id: critical-incidents", "        who: schools-emergency-planning-officer", "\t\twho: schools-emergency-planning-officer", 0, "", "is indented with a tab; use spaces"),
    ("protocols", "  - id: critical-incidents", "    summary: ", "    sumary: ", 0, r"protocols\[0\]\.sumary", "'sumary' is not a known field here; did you mean 'summary'?"),
    ("protocols", "protocols:", "  - id: nominating-representatives", "  - id: critical-incidents", 0, r"protocols\[2\]\.id", "the id 'critical-incidents' is already used on line"),
    ("protocols", "    title: Closing a school because of severe weather", "        who: transport-manager", "        who: transport-managers", 0, r"protocols\[1\]\.steps\[\d+\]\.who", "did you mean 'transport-manager'?"),
    ("publications", "  - id: schools-portal", "    url: https://schools.westmarch.example", "\turl: https://schools.westmarch.example", 0, "", "is indented with a tab; use spaces"),
    ("publications", "  - id: traded-services-portal", "    url: https://services.westmarch.example", "    url: javascript:alert(1)", 0, r"channels\[2\]\.url", "does not start with https://"),
    ("publications", "channels:", "  - id: council-website", "  - id: traded-services-portal", 0, r"channels\[5\]\.id", "the id 'traded-services-portal' is already used on line"),
    ("publications", "  - id: ks2-results-analysis", "    months: [September, December]", "    months: [Septembre, December]", 0, r"data_releases\[0\]\.months\[0\]", "'Septembre' is not a known month; did you mean 'September'?"),
    ("publications", "  - id: ks2-results-analysis", "    owner: performance-data-manager", "    owner: performance-data-manger", 0, r"data_releases\[0\]\.owner", "did you mean 'performance-data-manager'?"),
    ("contacts", "  - id: senior-adviser-primary", "    title: ", "    titel: ", 0, r"roles\[\d+\]\.titel", "'titel' is not a known field here; did you mean 'title'?"),
    ("contacts", "  - id: senior-adviser-secondary", "    team: school-improvement", "    team: school-improvement\n    team: school-improvement", 1, r"roles\[\d+\]\.team", "duplicate field 'team'"),
    ("structure", "  - id: school-access", "    summary: ", "    sumary: ", 0, r"units\[\d+\]\.sumary", "did you mean 'summary'?"),
    ("structure", "  - id: schools-business-services", "    kind: service", "    kind: service\n    kind: service", 1, r"units\[\d+\]\.kind", "duplicate field 'kind'"),
    ("partnerships", "  - id: sacre", "    remit: ", "    remits: ", 0, r"groups\[\d+\]\.remits", "did you mean 'remit'?"),
    ("partnerships", "  - id: sacre", "    kind: statutory", "    kind: statutory\n    kind: statutory", 1, r"groups\[\d+\]\.kind", "duplicate field 'kind'"),
    ("protocols", "protocols:", "    title: Nominating", "    title: Nominating\n    title: Nominating", 1, r"protocols\[2\]\.title", "duplicate field 'title'"),
    ("publications", "  - id: ks2-results-analysis", "    format: ", "    formats: ", 0, r"data_releases\[0\]\.formats", "did you mean 'format'?"),
    ("publications", "  - id: ks2-results-analysis", "    title: Key Stage 2 results analysis", "    title: Key Stage 2 results analysis\n    title: Key Stage 2", 1, r"data_releases\[0\]\.title", "duplicate field 'title'"),
    ("authority", "handbook:", "  title: Working", "  title: Working\n  title: Working", 1, r"handbook\.title", "duplicate field 'title'"),
    ("authority", "authority:", "  short_name: the County Council", "\tshort_name: the County Council", 0, "", "is indented with a tab; use spaces"),
    ("authority", "authority:", "  website: https://www.westmarch.example", "  website: http://www.westmarch.example", 0, r"authority\.website", "starts with http://, which is not secure"),
    ("authority", "edition:", "  published: 2026-09-01", "  published: 1 September 2026", 0, r"edition\.published", "'1 September 2026' is not a date; write it as YYYY-MM-DD"),
    ("authority", "handbook:", "  subtitle: ", "  subtitel: ", 0, r"handbook\.subtitel", "did you mean 'subtitle'?"),
]


def test_one_validate_run_reports_every_fault_in_every_file_located_and_in_plain_words(tmp_path: Path, sample_data: Path) -> None:
    import re
    import shutil

    data = tmp_path / "data"
    shutil.copytree(sample_data, data)
    expected = []
    for stem, after, old, new, offset, field, words in FAULTS:
        path = data / f"{stem}.yaml"
        text = path.read_text(encoding="utf-8")
        at = text.index(old, text.index(after))
        path.write_text(text[:at] + new + text[at + len(old):], encoding="utf-8")
        expected.append((stem, at, new, offset, field, words))
    lines = {}
    for stem, at, new, offset, field, words in expected:  # lines counted in the final text
        text = (data / f"{stem}.yaml").read_text(encoding="utf-8")
        at = text.index(new, max(0, at - 200))
        line = text.count("\n", 0, at) + 1 + (offset if offset >= 0 else new.count("\n"))
        lines[(stem, line, field, words)] = line

    result = run("validate", "--data", "data", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr + result.stdout
    report = result.stdout.splitlines()
    for stem, line, field, words in lines:
        where = rf"^data/{stem}\.yaml:{line}:\d+: " + (rf"{field}: " if field else "")
        assert any(re.match(where, row) and words in row for row in report), (stem, line, field, words, [r for r in report if stem in r])
    errors = [row for row in report if ": warning: " not in row]
    assert len(errors) == len(FAULTS), "\n".join(errors)
    internal = ("Input should be", "while parsing", "while scanning", "block collection", "not a known 1", "{", "Value error", "found character")
    assert not any(word in result.stdout for word in internal), result.stdout
    assert f"{len(FAULTS)} errors" in result.stderr
