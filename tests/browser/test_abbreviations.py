"""A glossary abbreviation shows its meaning on hover and on keyboard focus (issue 13)."""


def _after(tab, selector_js: str) -> str:
    return tab.evaluate(f"() => getComputedStyle({selector_js}, '::after').content")


def test_an_abbreviation_shows_its_meaning_on_hover_and_when_reached_by_the_keyboard(page, site_url):
    page.goto(site_url + "partnerships/")
    first = page.locator("abbr[tabindex='0']", has_text="SEND").first
    assert first.get_attribute("title") == "Special educational needs and disabilities"
    assert _after(page, "document.querySelector('abbr[tabindex]')") in ("none", "normal", "")
    # By keyboard: Tab from the page's start until the abbreviation has focus.
    page.locator("body").focus()
    for _ in range(400):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.tagName === 'ABBR' && document.activeElement.textContent === 'SEND'"):
            break
    else:
        raise AssertionError("Tab never reached the SEND abbreviation")
    assert _after(page, "document.activeElement") == '"Special educational needs and disabilities"'
    box = page.evaluate("() => { const r = document.activeElement.getBoundingClientRect(); return [r.width, r.height]; }")
    assert box[0] > 0 and box[1] > 0
    # By pointer: a later use, not focusable, shows its meaning on hover too.
    later = page.locator("abbr:not([tabindex])").first
    later.scroll_into_view_if_needed()
    later.hover()
    meaning = later.get_attribute("title")
    assert page.evaluate("(el) => getComputedStyle(el, '::after').content", later.element_handle()) == f'"{meaning}"'
