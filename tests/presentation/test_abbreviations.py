import markdown

from handbook.presentation.abbreviations import NAME, mark

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
