"""asking: each answer checked as it is given and asked again until right; stopping is kept."""

from __future__ import annotations

import pytest

from handbook.commands.asking import Asker, Stopped, sentence
from handbook.core.errors import HandbookUserError


def _asker(replies: list, interactive: bool = True, answers: dict | None = None) -> tuple[Asker, list[str], list[str]]:
    prompts: list[str] = []
    said: list[str] = []
    queue = iter(replies)

    def read(prompt: str) -> str:
        prompts.append(prompt)
        reply = next(queue)
        if isinstance(reply, BaseException):
            raise reply
        return reply

    return Asker(interactive, dict(answers or {}), read, said.append), prompts, said


def _even(text: str) -> str | None:
    return None if int(text) % 2 == 0 else f"{text} is odd; give an even number"


def test_a_wrong_answer_is_explained_and_the_question_asked_again():
    asker, prompts, said = _asker(["3", "4"])
    assert asker.ask("n", "A number", check=_even) == "4"
    assert prompts == ["A number: ", "A number: "] and said == ["3 is odd; give an even number."]
    assert asker.answers == {"n": "4"}


def test_choices_a_default_and_an_optional_answer():
    asker, prompts, said = _asker(["", "", "", "b"])
    assert asker.ask("x", "Pick", choices=["a", "b"], default="a") == "a"
    assert asker.ask("y", "Note", required=False) == ""
    assert asker.ask("z", "Needed") == "b"
    assert prompts == ["Pick [a, b] (Enter: a): ", "Note (Enter: none): ", "Needed: ", "Needed: "]
    assert said == ["This one is needed."]


def test_a_long_list_of_choices_is_shown_above_the_question():
    choices = [f"choice-{i}" for i in range(10)]
    asker, prompts, said = _asker(["choice-3"])
    asker.ask("c", "Which", choices=choices)
    assert said[0].startswith("Known: choice-0, choice-1") and prompts == ["Which: "]


def test_an_answer_given_beforehand_is_checked_not_asked():
    asker, prompts, _ = _asker([], answers={"n": "6"})
    assert asker.ask("n", "A number", check=_even) == "6" and prompts == []
    asker, prompts, said = _asker(["8"], answers={"n": "5"})  # kept from before, and now wrong
    assert asker.ask("n", "A number", check=_even) == "8" and said == ["5 is odd; give an even number."]


def test_without_input_a_wrong_answer_is_an_error_and_missing_ones_are_listed():
    asker, _, _ = _asker([], interactive=False, answers={"n": "5"})
    with pytest.raises(HandbookUserError, match="n: 5 is odd"):
        asker.ask("n", "A number", check=_even)
    asker, _, _ = _asker([], interactive=False)
    assert asker.ask("a", "A") == "" and asker.ask("b", "B", default="x") == "x" and asker.ask("c", "C", required=False) == ""
    assert asker.missing == ["a"]


@pytest.mark.parametrize(("stop", "interrupted"), [(EOFError(), False), (KeyboardInterrupt(), True)])
def test_ctrl_c_or_the_end_of_input_stops_with_the_answers_kept(stop: BaseException, interrupted: bool):
    asker, _, _ = _asker(["4", stop])
    asker.ask("n", "A number", check=_even)
    with pytest.raises(Stopped) as caught:
        asker.ask("m", "Another", check=_even)
    assert caught.value.interrupted is interrupted and asker.answers == {"n": "4"}


def test_a_problem_reads_as_a_sentence():
    assert sentence("'x' is not a known unit; did you mean 'per day'?") == "'x' is not a known unit; did you mean 'per day'?"
    assert sentence("the value is too long") == "The value is too long."
