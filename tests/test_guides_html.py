"""`atelier guide`: one printable HTML document with every guide and the debate cards."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from test_guides import GUIDES, copy_course, edit

from conftest import ROOT
from curriculum.cli import main
from curriculum.guide_html import load_debate_cards, render_document
from curriculum.syllabus import load_syllabus

INJECTION = "<script>alert('guide')</script>"


@dataclass(frozen=True)
class FakePosition:
    label: str
    text: str


@dataclass(frozen=True)
class FakeCard:
    id: str
    title: str
    question: str
    positions: tuple[FakePosition, ...]
    fact_ids: tuple[str, ...]
    room_question: str


FAKE_CARDS = (
    FakeCard(
        "discours",
        "Un discours écrit avec une IA",
        "Un élu peut-il signer un texte rédigé par une machine ?",
        (FakePosition("Oui", "S'il le relit."), FakePosition("Non", f"Jamais {INJECTION}")),
        ("debat-chartres-discours-2023",),
        "Et chez nous ?",
    ),
    FakeCard("emplois", "Les emplois", "L'IA va-t-elle remplacer des agents ?", (), (), "Qui ?"),
)


@pytest.fixture
def course(tmp_path: Path) -> Path:
    return copy_course(tmp_path)


def render(course: Path, cards=FAKE_CARDS, note: str = "") -> str:
    syllabus = load_syllabus(course / "curriculum" / "syllabus.toml")
    return render_document(course, syllabus, cards, note)


def sections(html: str, css: str) -> list[str]:
    return re.findall(rf'<section class="{css}" id="([^"]+)"', html)


def test_atelier_guide_writes_the_whole_document(
    course: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(course, "modules/02-ia-generative.toml", "Des mots aux tokens", f"Tokens {INJECTION}")
    monkeypatch.chdir(course)
    assert main(["guide"]) == 0
    output = course / "guide-formateur.html"
    out = capsys.readouterr().out
    assert f"Guide des formateurs écrit dans {output}" in out
    html = output.read_text(encoding="utf-8")
    assert html.startswith('<!DOCTYPE html>\n<html lang="fr">')
    assert INJECTION not in html and "&lt;script&gt;alert(&#x27;guide&#x27;)&lt;/script&gt;" in html
    assert not re.search(r"<(script|link|img|iframe)\b|\bsrc=", html), "rien d'extérieur"
    assert "@page { size: A4" in html and "break-before: page" in html

    written = sorted(path.stem for path in (course / GUIDES / "modules").glob("*.toml"))
    syllabus = load_syllabus(course / "curriculum" / "syllabus.toml")
    guides = sections(html, "guide")
    for module in syllabus.modules:
        assert f"module-{module.id}" in guides
        assert f'href="#module-{module.id}"' in html  # the table of contents
    for module_id in written:
        block = html.split(f'id="module-{module_id}"', 1)[1].split("<section", 1)[0]
        assert "Déroulé minute par minute" in block and "pas encore écrit" not in block
    for path in ("elus", "agents", "cafe-ia", "autonomie"):
        assert f'href="#parcours-{path}"' in html and f"parcours-{path}" in guides
    assert '<nav id="sommaire">' in html


def test_the_document_has_the_real_cards_or_says_why_not(course: Path) -> None:
    cards, note = load_debate_cards()
    html = render(course, cards, note)
    if cards is None:
        assert note and "cartes de débat" in note.lower()
        assert sections(html, "card") == []
    else:
        assert note == ""
        assert len(sections(html, "card")) == len(cards) > 0


def test_fake_cards_print_one_per_page_escaped(course: Path) -> None:
    html = render(course)
    assert sections(html, "card") == ["carte-discours", "carte-emplois"]
    assert INJECTION not in html and "Jamais &lt;script&gt;" in html
    card = html.split('id="carte-discours"', 1)[1].split("</section>", 1)[0]
    assert "Question à la salle" in card and "Et chez nous ?" in card
    assert "27 septembre 2023" in card  # the fact as a dated reference
    assert "Cartes de débat (2)" in html


def test_missing_cards_module_gives_an_honest_note(
    course: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "widgets.debat.cards", None)  # import now fails
    cards, note = load_debate_cards()
    assert cards is None and "ne sont pas encore livrées" in note
    html = render(course, cards, note)
    assert "ne sont pas encore livrées" in html and sections(html, "card") == []


def test_broken_cards_do_not_stop_the_document(monkeypatch: pytest.MonkeyPatch) -> None:
    import widgets.debat.cards as real_cards

    def broken() -> None:
        raise ValueError("carte n° 3 illisible")

    monkeypatch.setattr(real_cards, "load_cards", broken)
    cards, note = load_debate_cards()
    assert cards is None and note.endswith("carte n° 3 illisible")


def test_running_order_shows_cumulative_times(course: Path) -> None:
    html = render(course)
    block = html.split('id="module-02-ia-generative"', 1)[1].split("<section", 1)[0]
    spans = re.findall(r'<td class="time">([^<]+)</td>', block)
    assert spans == ["0–7 min", "7–14 min", "14–20 min", "20–24 min", "24–30 min"]
    assert "Total : 30 min" in block
    assert "Comment une IA générative écrit" in block  # the syllabus title
    assert "Voir comment un texte est découpé" in block  # an objective from the syllabus


def test_path_guides_give_clock_times_links_and_room_traps(course: Path) -> None:
    html = render(course)
    agents = html.split('id="parcours-agents"', 1)[1].split("<section", 1)[0]
    assert "09:00–09:15" in agents and "Déjeuner" in agents
    assert "Total : 365 min de contenu, 455 min avec les pauses" in agents
    assert "urlpath=lab/tree/notebooks/08-trier-les-demandes/08-trier-les-demandes.ipynb" in agents
    assert "Le Wi-Fi de la salle des fêtes" in agents
    elus = html.split('id="parcours-elus"', 1)[1].split("<section", 1)[0]
    assert (
        "vue sans code" in elus
        and "urlpath=voila/render/notebooks/02-ia-generative" in elus
        and "0–15 min" in elus
        and "Total : 120 min" in elus
    )
    assert "Fiche projet vierge" in elus or "fiche projet vierge" in elus


def test_a_missing_guide_is_said_not_hidden(course: Path) -> None:
    (course / GUIDES / "modules" / "01-prise-en-main.toml").unlink()
    block = render(course).split('id="module-01-prise-en-main"', 1)[1].split("<section", 1)[0]
    assert "pas encore écrit" in block


def test_sortie_option_and_unwritable_file(
    course: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(course)
    assert main(["guide", "--sortie", "imprimer/guide.html"]) == 1
    assert "impossible d'écrire" in capsys.readouterr().err
    (course / "imprimer").mkdir()
    assert main(["guide", "--sortie", "imprimer/guide.html"]) == 0
    assert (course / "imprimer" / "guide.html").stat().st_size > 10_000


def test_debriefs_show_the_lessons_question() -> None:
    html = render(ROOT)
    block = html.split('id="module-02-ia-generative"', 1)[1].split("<section", 1)[0]
    debriefs = block.split("Débriefer les questions de réflexion", 1)[1]
    assert "<code>verifier</code>" in debriefs
    assert "Un agent vous transmet un courrier rédigé avec une IA générative" in debriefs
