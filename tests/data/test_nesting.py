"""nesting: Markdown nested past the limit is found with its line; real text passes."""


def test_nesting_over_the_limit_is_found_with_its_line() -> None:
    from handbook.core.limits import MAX_NESTING
    from handbook.data.nesting import too_deep

    assert too_deep("- " * 500 + "deep") == (1, "lists or quotes")
    assert too_deep("intro\n\n" + "> " * (MAX_NESTING + 1) + "x") == (3, "lists or quotes")
    assert too_deep("a\nb " + "[" * (MAX_NESTING + 1) + "x") == (2, "square brackets")
    # What real text does stays well within it.
    assert too_deep("- " * MAX_NESTING + "x") is None
    assert too_deep("See [the guide](https://example.org) and [[notes]] [a] [b] " * 200) is None
    assert too_deep("1. first\n   - nested\n     > quoted") is None
