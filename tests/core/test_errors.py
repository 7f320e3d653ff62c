from handbook.core.errors import HandbookUserError, Level, Problem


def test_user_error_is_bad_usage_unless_told_otherwise():
    assert HandbookUserError("x").status == 2
    assert HandbookUserError("x", status=1).status == 1


def test_problems_sort_by_file_line_column():
    a = Problem("b.yaml", 1, 1, "", "m")
    b = Problem("a.yaml", 9, 1, "", "m")
    c = Problem("a.yaml", 2, 5, "", "m", Level.WARNING)
    assert sorted([a, b, c], key=Problem.sort_key) == [c, b, a]


def test_a_problem_carries_its_suggestion_apart_from_its_message():
    assert Problem("a.yaml", 1, 1, "", "m").suggestion is None
    assert Problem("a.yaml", 1, 1, "unit", "m; did you mean 'per day'?", suggestion="per day").suggestion == "per day"
