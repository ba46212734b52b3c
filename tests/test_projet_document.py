"""Module 11's project sheet: what the downloaded Markdown and HTML contain, escaped."""

from __future__ import annotations

import base64
import re
from datetime import date
from html.parser import HTMLParser

from fuzz_values import FUZZ, ODD_TEXT
from hypothesis import given

from widgets.projet.canvas import example_canvas, form, read_canvas
from widgets.projet.document import (
    EMPTY_MARK,
    Section,
    data_url,
    file_name,
    markdown_escaped,
    sheet_html,
    sheet_markdown,
)

DAY = date(2026, 12, 1)
INJECTION = (
    '<script>alert("piège")</script><img src=x onerror="alert(1)"><a href="javascript:x">lien</a>'
)


class Elements(HTMLParser):
    """The tags, attributes and text of a page, as a browser would parse them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += attrs

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(page: str) -> Elements:
    elements = Elements()
    elements.feed(page)
    elements.close()
    return elements


def test_the_html_sheet_contains_what_was_typed_as_text() -> None:
    canvas = example_canvas()
    elements = parsed(sheet_html(canvas, today=DAY))
    text = "".join(elements.text)
    assert canvas.title in text
    for field in form().fields:
        assert field.label in text
        assert field.example in text
    assert "1er décembre 2026" in text


def test_an_injection_in_a_field_or_the_title_never_becomes_a_tag() -> None:
    canvas = read_canvas({"need": INJECTION, "risks": INJECTION}, title=INJECTION)
    page = sheet_html(canvas, extra=[Section(INJECTION, (INJECTION,), (INJECTION,))], today=DAY)
    elements = parsed(page)
    assert "script" not in elements.tags and "img" not in elements.tags
    assert "a" not in elements.tags
    assert not any(name.startswith("on") for name, _ in elements.attributes)
    # shown as text: <title> and <h1>, two fields, the section title, paragraph and bullet
    assert "".join(elements.text).count(INJECTION) == 7
    assert "script-src" not in page and "default-src 'none'" in page


def test_the_page_is_french_standalone_and_prints_on_a4() -> None:
    page = sheet_html(example_canvas(), today=DAY)
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="fr">' in page and '<meta charset="utf-8">' in page
    assert "@page { size: A4" in page and "@media print" in page
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:|//)", page)
    assert "@import" not in page and "url(" not in page
    assert set(parsed(page).tags) <= {
        "html", "head", "meta", "title", "style", "body", "p", "h1", "h2", "section", "footer",
        "ul", "li",
    }  # fmt: skip


def test_empty_fields_say_what_is_left_to_do() -> None:
    canvas = read_canvas({})
    page = sheet_html(canvas, today=DAY)
    assert page.count(EMPTY_MARK) == len(form().fields)
    assert "Projet sans nom" in page
    markdown = sheet_markdown(canvas, today=DAY)
    assert markdown.count(EMPTY_MARK) == len(form().fields)


def test_a_100_kb_field_is_exported_whole() -> None:
    big = ("Ligne de 50 caractères, répétée pour peser lourd.\n" * 2_000)[:100_000]
    canvas = read_canvas({"data": big})
    page = sheet_html(canvas, today=DAY)
    text = "".join(parsed(page).text)
    assert big.strip("\n") in text
    markdown = sheet_markdown(canvas, today=DAY)
    assert markdown.count("Ligne de 50 caractères, répétée pour peser lourd.") == 2_000


def test_the_markdown_has_one_heading_per_field_and_the_text_typed() -> None:
    canvas = example_canvas()
    markdown = sheet_markdown(canvas, today=DAY)
    headings = re.findall(r"^## (.+)$", markdown, flags=re.MULTILINE)
    assert headings == [field.label for field in form().fields]
    assert markdown.startswith(f"# Fiche projet : {canvas.title}")
    assert form().field("tool").example in markdown


def test_markdown_markup_typed_by_the_learner_is_shown_as_typed() -> None:
    escaped = markdown_escaped("# titre\n- point\n[lien](http://x) <b>gras</b> *a* 1. un")
    assert escaped.startswith("\\# titre\n\\- point\n")
    assert "\\[lien\\](http://x)" in escaped and "\\<b\\>" in escaped and "\\*a\\*" in escaped
    assert "<b>" not in escaped.replace("\\<", "").replace("\\>", "")


def test_extra_sections_follow_the_canvas_in_both_formats() -> None:
    section = Section("Niveau de risque", ("Risque minimal.",), ("Rien d'obligatoire.",))
    markdown = sheet_markdown(example_canvas(), extra=[section], today=DAY)
    assert "## Niveau de risque" in markdown and "- Rien d'obligatoire." in markdown
    page = sheet_html(example_canvas(), extra=[section], today=DAY)
    assert page.index("Niveau de risque") > page.index(form().fields[-1].label)
    assert "<li>Rien d&#x27;obligatoire.</li>" in page


def test_file_names_are_short_ascii_and_never_empty() -> None:
    assert file_name(read_canvas({}, title="Éclairage public à Clairval !"), "html") == (
        "fiche-projet-eclairage-public-a-clairval.html"
    )
    assert file_name(read_canvas({}), "md") == "fiche-projet.md"
    assert file_name(read_canvas({}, title="<script>" * 20), "md").isascii()


def test_the_data_url_carries_the_exact_utf8_bytes() -> None:
    text = "Fiche « Clairval » 😀"
    url = data_url(text, "text/markdown")
    head, payload = url.split(",", 1)
    assert head == "data:text/markdown;charset=utf-8;base64"
    assert base64.b64decode(payload).decode("utf-8") == text


@FUZZ
@given(text=ODD_TEXT)
def test_any_text_exports_to_both_formats(text: str) -> None:
    canvas = read_canvas({"need": text, "tool": text}, title=text)
    page = sheet_html(canvas, today=DAY)
    page.encode("utf-8")
    assert "script" not in parsed(page).tags
    sheet_markdown(canvas, today=DAY).encode("utf-8")
    assert file_name(canvas, "md").isascii()
