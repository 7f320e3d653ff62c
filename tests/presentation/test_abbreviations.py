import re

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from handbook.data.model.glossary import ACRONYM
from handbook.presentation.abbreviations import _PARTS, _SKIP, _WITH_PLURAL, NAME, _abbr, _unexplained, mark

GLOSSARY = {"SEND": 'Special <educational> "needs"', "SACRE": "Standing Advisory Council on Religious Education"}


def test_only_text_is_marked_never_a_tag_an_attribute_or_code_and_the_meaning_is_escaped():
    html = mark('<p class="SEND">The SEND team; <code>SEND</code> <a href="/SEND">SEND</a></p><script>SEND</script>', GLOSSARY)
    assert html == ('<p class="SEND">The <abbr title="Special &lt;educational&gt; &#34;needs&#34;" tabindex="0">SEND</abbr> team; '
                    '<code>SEND</code> <a href="/SEND"><abbr title="Special &lt;educational&gt; &#34;needs&#34;">SEND</abbr></a></p><script>SEND</script>')


def test_an_acronym_just_spelled_out_is_left_as_written():
    assert mark("Standing Advisory Council on Religious Education (SACRE) and SACRE", GLOSSARY).count("<abbr") == 1


def test_the_markdown_extension_marks_the_glossary_and_focuses_the_first_use_of_each():
    html = markdown.markdown("The SEND team and SEND.", extensions=[NAME], extension_configs={NAME: {"glossary": GLOSSARY}})
    assert html.count("<abbr") == 2 and html.count('tabindex="0"') == 1


def test_the_extension_leaves_an_acronym_the_text_has_just_spelled_out():
    html = markdown.markdown("The Standing Advisory Council on Religious Education (SACRE) meets; SACRE advises.", extensions=[NAME], extension_configs={NAME: {"glossary": GLOSSARY}})
    assert "Education (SACRE) meets" in html and html.count("<abbr") == 1


def test_a_plural_is_marked_whole_under_its_acronyms_meaning():
    assert mark("such as SENCOs", {"SENCO": "Special educational needs co-ordinator"}) == 'such as <abbr title="Special educational needs co-ordinator" tabindex="0">SENCOs</abbr>'


# --- `mark` at speed: the same result as reading the page part by part -------------------------

def _part_by_part(html: str, glossary: dict[str, str]) -> str:
    """What `mark` does, the plain way (its first version): every tag and every text in turn."""
    seen: set[str] = set()
    out, skipping = [], []
    for part in _PARTS.split(html):
        if part.startswith("<"):
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", part)
            tag = name.group(1).lower() if name else ""
            if tag in _SKIP and not part.endswith("/>"):
                if part.startswith("</"):
                    if skipping and skipping[-1] == tag:
                        skipping.pop()
                else:
                    skipping.append(tag)
            out.append(part)
        elif skipping or not part:
            out.append(part)
        else:
            pattern = re.compile(ACRONYM.pattern + "s?")
            out.append(pattern.sub(lambda m: _abbr(m.group(1), m.group(0), glossary, seen)
                                   if m.group(1) in glossary and _unexplained(part[: m.start()], m.group(1), glossary) else m.group(0), part))
    return "".join(out)


PIECES = ["SEND", "SENDs", "SACRE", "SEN", "x", " ", "(", "Standing Advisory Council on Religious Education (", "<p>", "</p>",
          '<a title="SEND">', "<code>", "</code>", "<CODE >", "</ code>", "<code/>", "<codex>", "<!-- SEND <code> -->", "<svg>",
          "</svg>", "<abbr>", "</Abbr>", "-", ".", "/", "@", "&", "\n", "é", "2", "<", ">", "s", "_"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_mark_finds_what_reading_part_by_part_finds(pieces):
    html = "".join(pieces)
    assert mark(html, GLOSSARY | {"SEN": "Special educational needs"}) == _part_by_part(html, GLOSSARY | {"SEN": "Special educational needs"})


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from("ABCSs0&9 ./-@x>é\nE_"), max_size=20))
def test_the_fast_acronym_pattern_matches_where_the_glossarys_does(text):
    assert [(m.span(), m.group(1)) for m in _WITH_PLURAL.finditer(text)] == [(m.span(), m.group(1)) for m in re.finditer(ACRONYM.pattern + "s?", text)]
