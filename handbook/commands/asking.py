"""asking: one question at a time, each answer checked as it is given, asked again until it is right.

Input: a question's field name and prompt, its known choices, a default, and a check that says
what is wrong with an answer (in validation's words) or None. Output: the accepted answer, kept
in `answers` under the field's name. An answer already there (given as `-f name=value`, or kept
from an interrupted run) is checked the same way and not asked again unless it is wrong. Without
input (`--no-input`) nothing is asked: a wrong answer is an error, a missing one is listed.

Ctrl-C or the end of input raises `Stopped`, so the caller can keep the answers given so far.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from handbook.core.errors import HandbookUserError

Check = Callable[[str], "str | None"]
MAX_INLINE_CHOICES = 6  # more are listed above the question, wrapped


class Stopped(Exception):
    """The officer stopped answering: Ctrl-C (`interrupted`) or no more input."""

    def __init__(self, interrupted: bool) -> None:
        super().__init__("interrupted" if interrupted else "no more input")
        self.interrupted = interrupted


def sentence(problem: str) -> str:
    """A problem as a sentence of its own: capital first, full stop unless it asks something."""
    return problem[:1].upper() + problem[1:] + ("" if problem.endswith(("?", ".")) else ".")


@dataclass
class Asker:
    interactive: bool
    answers: dict[str, str] = field(default_factory=dict)
    read: Callable[[str], str] = input
    say: Callable[[str], None] = print
    missing: list[str] = field(default_factory=list)

    def ask(self, name: str, prompt: str, *, choices: Sequence[str] = (), default: str | None = None,
            required: bool = True, check: Check | None = None) -> str:
        """The accepted answer for `name` ('' when an optional one is left empty)."""
        given = self.answers.get(name)
        if given == "" and not required:  # left empty before (a run carried on from its answers)
            return given
        if given is not None and given != "":
            problem = check(given) if check else None
            if problem is None:
                return given
            if not self.interactive:
                raise HandbookUserError(f"{name}: {problem}")
            self.say(sentence(problem))
        elif not self.interactive:
            if default is not None:
                return self._keep(name, default)
            if required:
                self.missing.append(name)
            return ""
        listed = len(choices) > MAX_INLINE_CHOICES
        if listed:
            self.say(textwrap.fill("Known: " + ", ".join(choices), width=100, subsequent_indent="  ", break_on_hyphens=False))
        inline = f" [{', '.join(choices)}]" if choices and not listed else ""
        enter = f" (Enter: {default})" if default else ("" if required else " (Enter: none)")
        while True:
            try:
                text = self.read(f"{prompt.rstrip('.')}{inline}{enter}: ").strip()
            except EOFError:
                self.say("")
                raise Stopped(interrupted=False) from None
            except KeyboardInterrupt:
                self.say("")
                raise Stopped(interrupted=True) from None
            text = text or (default or "")
            if not text:
                if not required:
                    return self._keep(name, "")
                self.say("This one is needed.")
                continue
            problem = check(text) if check else None
            if problem is None:
                return self._keep(name, text)
            self.say(sentence(problem) + (" Choose one of: " + ", ".join(choices) + "." if choices and len(choices) <= 2 * MAX_INLINE_CHOICES else ""))

    def _keep(self, name: str, text: str) -> str:
        self.answers[name] = text
        return text


def console_say(text: str) -> None:
    print(text, flush=True)


def console_read(prompt: str) -> str:
    """`input`, with the prompt flushed first (it may be piped)."""
    sys.stdout.flush()
    return input(prompt)
