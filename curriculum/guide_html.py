"""`atelier guide`: every trainer guide and the debate cards in one printable HTML page.

Every text is escaped: guide texts go through a Markdown renderer with raw HTML
turned off, everything else through `html.escape`. The document loads nothing
from outside (no font, no script, no image): it prints the same offline.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterable, Sequence
from html import escape
from importlib import resources
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt

from curriculum.check_guides import lesson_questions
from curriculum.fact_boxes import after_colon
from curriculum.facts import Fact, FactsError, load_facts, registry_path
from curriculum.guide_model import Guides, ModuleGuide, PathGuide, Trap
from curriculum.guides import load_guides
from curriculum.links import binder_url, module_link
from curriculum.syllabus import Module, Syllabus
from curriculum.syllabus import Path as SyllabusPath
from widgets.french import french_date

NO_CODE_NOTE = (
    "Ce parcours se suit dans la vue sans code : les cellules de code sont cachées et les "
    "exercices se répondent dans des formulaires. Sur votre ordinateur : make presenter."
)

DOCUMENT_TEXTS = "guide_document.toml"
_MARKDOWN = MarkdownIt("commonmark", {"html": False}).disable("image")


def markdown(text: str) -> str:
    """Short Markdown to HTML; raw HTML in the text is shown as text, never run."""
    return _MARKDOWN.render(text)


def _texts() -> dict[str, str]:
    raw = resources.files("curriculum").joinpath(DOCUMENT_TEXTS).read_bytes()
    return tomllib.loads(raw.decode("utf-8"))


def render_document(
    course_root: Path, syllabus: Syllabus, cards: Sequence[Any] | None, cards_note: str
) -> str:
    """The whole document. `cards` is None when the debate cards could not be loaded."""
    guides = load_guides(course_root)
    try:
        facts = load_facts(registry_path(course_root))
    except FactsError:
        facts = {}
    texts = _texts()
    parts = _Parts(course_root, syllabus, guides, facts, texts)
    body = [
        parts.cover(),
        parts.contents(cards),
        parts.section("utiliser", "Utiliser ces guides", markdown(texts["how_to_use"])),
        parts.section(
            "salle", "Les pièges de la salle", _traps(guides.room.traps if guides.room else ())
        ),
        *(parts.path(path) for path in syllabus.paths),
        *(parts.module(module) for module in syllabus.modules),
        parts.cards(cards, cards_note),
    ]
    return (
        '<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(texts['title'])} — {escape(syllabus.title)}</title>\n"
        f"<style>{texts['css']}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def _list(items: Iterable[str]) -> str:
    rows = "".join(f"<li>{markdown(item)}</li>" for item in items)
    return f"<ul>{rows}</ul>" if rows else ""


def _traps(traps: Sequence[Trap], facts: dict[str, Fact] | None = None) -> str:
    if not traps:
        return "<p>Aucun piège n'est encore décrit.</p>"
    rows = "".join(
        f"<tr><td>{markdown(trap.trap)}</td><td>{markdown(trap.remedy)}"
        f"{fact_references(trap.facts, facts or {})}</td></tr>"
        for trap in traps
    )
    return f"<table><tr><th>Ce qui arrive</th><th>Que faire</th></tr>{rows}</table>"


def fact_references(
    fact_ids: Sequence[str], facts: dict[str, Fact], *, statements: bool = False
) -> str:
    """Short dated references: source (linked), date, caveat; the statement first if asked."""
    if not fact_ids:
        return ""
    items = []
    for fact_id in fact_ids:
        fact = facts.get(fact_id)
        if fact is None:
            items.append(f"<li>Fiche introuvable dans le registre : {escape(fact_id)}</li>")
            continue
        source = escape(fact.source)
        if fact.url:
            source = f'<a href="{escape(fact.url)}">{source}</a>'
        caveat = f" Réserve : {escape(after_colon(fact.caveat))}" if fact.caveat else ""
        statement = f"{escape(fact.statement)} " if statements else ""
        items.append(
            f"<li>{statement}Source : {source}, {escape(fact.source_date_text())}.{caveat}</li>"
        )
    return f'<ul class="refs">{"".join(items)}</ul>'


def _clock(start: str, minutes: int) -> str:
    hours, mins = (int(part) for part in start.split(":"))
    total = hours * 60 + mins + minutes
    return f"{total // 60 % 24:02d}:{total % 60:02d}"


def _span(start: str, offset: int, minutes: int) -> str:
    """« 09:15–09:45 » with a start time, else « 15–45 min »."""
    if start:
        return f"{_clock(start, offset)}–{_clock(start, offset + minutes)}"
    return f"{offset}–{offset + minutes} min"


def _module_label(module: Module) -> str:
    number = module.id.split("-", 1)[0]
    return f"Module {number} — {module.title}"


class _Parts:
    """The sections of the document, sharing the syllabus, guides and facts."""

    def __init__(
        self,
        course_root: Path,
        syllabus: Syllabus,
        guides: Guides,
        facts: dict[str, Fact],
        texts: dict[str, str],
    ) -> None:
        self.course_root = course_root
        self.syllabus = syllabus
        self.guides = guides
        self.facts = facts
        self.texts = texts

    @staticmethod
    def section(anchor: str, title: str, content: str, css: str = "guide") -> str:
        return (
            f'<section class="{css}" id="{escape(anchor)}">\n<h2>{escape(title)}</h2>\n'
            f"{content}\n</section>"
        )

    def cover(self) -> str:
        today = french_date(dt.date.today())
        return (
            '<section class="cover">\n'
            f"<h1>{escape(self.texts['title'])}</h1>\n"
            f'<p class="subtitle">{escape(self.texts["subtitle"])}</p>\n'
            f"<p>{escape(self.syllabus.title)} — les exemples se passent à "
            f"{escape(self.syllabus.commune)}, commune fictive.</p>\n"
            f"<p>Document produit le {escape(today)} par <code>atelier guide</code>.</p>\n"
            "</section>"
        )

    def contents(self, cards: Sequence[Any] | None) -> str:
        entries = [("utiliser", "Utiliser ces guides"), ("salle", "Les pièges de la salle")]
        entries += [(f"parcours-{path.id}", path.title) for path in self.syllabus.paths]
        entries += [
            (f"module-{module.id}", _module_label(module)) for module in self.syllabus.modules
        ]
        entries.append(("cartes", f"Cartes de débat ({len(cards) if cards else 0})"))
        rows = "".join(f'<li><a href="#{escape(a)}">{escape(t)}</a></li>' for a, t in entries)
        return f'<nav id="sommaire">\n<h2>Sommaire</h2>\n<ol>{rows}</ol>\n</nav>'

    # ------------------------------------------------------------ paths

    def path(self, path: SyllabusPath) -> str:
        anchor = f"parcours-{path.id}"
        guide = self.guides.paths.get(path.id)
        head = (
            f'<div class="facts-line"><span>{path.minutes} min de contenu</span>'
            f"<span>Public : {escape(path.audience)}</span></div>"
            f"<p>{escape(path.description)}</p>"
        )
        if guide is None:
            note = '<p class="note">Le guide de ce parcours n\'est pas encore écrit.</p>'
            return self.section(anchor, path.title, head + note)
        body = [head, markdown(guide.summary)]
        if guide.view == "sans-code":
            body.append(f'<p class="note">{escape(NO_CODE_NOTE)}</p>')
        body += ["<h3>À préparer</h3>", _list(guide.before)]
        body += ["<h3>Déroulé</h3>", self._steps(guide)]
        body += ["<h3>Documents à imprimer</h3>", _list(guide.handouts)]
        room = self.guides.room.traps if self.guides.room else ()
        body += ["<h3>Les pièges de la salle</h3>", _traps(room, self.facts)]
        return self.section(anchor, path.title, "\n".join(body))

    def _steps(self, guide: PathGuide) -> str:
        head = (
            "<tr><th>Horaire</th><th>Module</th><th>Durée</th><th>Ce qu'on montre</th>"
            "<th>Lien</th></tr>"
        )
        rows, offset, content = [], 0, 0
        for step in guide.steps:
            module = self.syllabus.module(step.module) if step.module else None
            if module is not None:
                name = f'<a href="#module-{escape(module.id)}">{escape(_module_label(module))}</a>'
                link = module_link(module.id, guide.view)
                cell = f'<a href="{escape(link.url)}">{escape(link.label)}</a>'
                cell += f'<div class="url">{escape(link.url)}</div>'
            else:
                name, cell = escape(step.module or step.activity or ""), "—"
            rows.append(
                f'<tr><td class="time">{_span(guide.start, offset, step.minutes)}</td>'
                f'<td>{name}</td><td class="minutes">{step.minutes} min</td>'
                f"<td>{markdown(step.show)}{fact_references(step.facts, self.facts)}</td>"
                f"<td>{cell}</td></tr>"
            )
            offset += step.minutes
            content += step.minutes
            if step.pause:
                rows.append(
                    f'<tr class="pause"><td class="time">'
                    f"{_span(guide.start, offset, step.pause_minutes)}</td>"
                    f'<td colspan="4">{escape(step.pause)} ({step.pause_minutes} min)</td></tr>'
                )
                offset += step.pause_minutes
        pauses = offset - content
        total = f"{content} min de contenu" + (f", {offset} min avec les pauses" if pauses else "")
        rows.append(f'<tr class="total"><td colspan="5">Total : {total}</td></tr>')
        return f"<table>{head}{''.join(rows)}</table>"

    # ------------------------------------------------------------ modules

    def module(self, module: Module) -> str:
        anchor = f"module-{module.id}"
        head = [
            f'<div class="facts-line"><span>{module.minutes} min</span>'
            f"<span>Pour : {escape(', '.join(module.audiences))}</span></div>",
            "<h3>Objectifs</h3>",
            "<ul>" + "".join(f"<li>{escape(goal)}</li>" for goal in module.objectives) + "</ul>",
        ]
        if module.available:
            url = binder_url(module.id)
            head.append(
                f'<p>Ouvrir dans Binder : <a href="{escape(url)}">{escape(module.notebook)}</a>'
                f'<span class="url"> {escape(url)}</span></p>'
            )
        else:
            head.append(f'<p class="note">{escape(self.texts["planned_module"])}</p>')
        guide = self.guides.modules.get(module.id)
        if guide is None:
            head.append(f'<p class="note">{escape(self.texts["missing_guide"])}</p>')
            return self.section(anchor, _module_label(module), "\n".join(head))
        return self.section(
            anchor, _module_label(module), "\n".join(head + self._guide(guide, module))
        )

    def _guide(self, guide: ModuleGuide, module: Module) -> list[str]:
        body = [markdown(guide.summary), fact_references(guide.facts, self.facts)]
        body += ["<h3>À préparer</h3>", _list(guide.prepare)]
        body += ["<h3>Déroulé minute par minute</h3>", self._running_order(guide)]
        body += ["<h3>Messages clés</h3>", _list(guide.key_messages)]
        questions = "".join(
            f"<dt>{markdown(item.question)}</dt><dd>{markdown(item.answer)}"
            f"{fact_references(item.facts, self.facts)}</dd>"
            for item in guide.questions
        )
        body += ["<h3>Questions fréquentes</h3>", f'<dl class="qa">{questions}</dl>']
        body += ["<h3>Pièges</h3>", _traps(guide.traps, self.facts)]
        body += ["<h3>Sans Internet</h3>", markdown(guide.offline)]
        if guide.debriefs:
            found = lesson_questions(self.course_root, module)
            asked = found[1] if found else {}
            rows = "".join(
                f"<tr><td><code>{escape(item.exercise)}</code></td><td>"
                + (markdown(asked[item.exercise].question) if item.exercise in asked else "")
                + f"</td><td>{markdown(item.how)}</td></tr>"
                for item in guide.debriefs
            )
            body += [
                "<h3>Débriefer les questions de réflexion</h3>",
                "<table><tr><th>Exercice</th><th>La question</th><th>Comment débriefer</th></tr>"
                f"{rows}</table>",
            ]
        return body

    def _running_order(self, guide: ModuleGuide) -> str:
        rows, offset = [], 0
        for stage in guide.running_order:
            rows.append(
                f'<tr><td class="time">{_span("", offset, stage.minutes)}</td>'
                f'<td class="minutes">{stage.minutes} min</td><td>{escape(stage.title)}</td>'
                f"<td>{markdown(stage.what)}{fact_references(stage.facts, self.facts)}</td></tr>"
            )
            offset += stage.minutes
        head = "<tr><th>Temps</th><th>Durée</th><th>Étape</th><th>Ce qui se passe</th></tr>"
        total = f'<tr class="total"><td colspan="4">Total : {offset} min</td></tr>'
        return f"<table>{head}{''.join(rows)}{total}</table>"

    # ------------------------------------------------------------ debate cards

    def cards(self, cards: Sequence[Any] | None, note: str) -> str:
        if not cards:
            text = note or "Aucune carte de débat n'est encore écrite."
            return self.section("cartes", "Cartes de débat", f'<p class="note">{escape(text)}</p>')
        intro = self.section(
            "cartes",
            "Cartes de débat",
            f"<p>{len(cards)} cartes, une par page, à imprimer et à distribuer aux tables.</p>",
        )
        return (
            intro
            + "\n"
            + "\n".join(self._card(number, card) for number, card in enumerate(cards, 1))
        )

    def _card(self, number: int, card: Any) -> str:
        positions = "".join(
            f'<div class="position"><strong>{escape(position.label)}</strong>'
            f"{markdown(position.text)}</div>"
            for position in card.positions
        )
        return (
            f'<section class="card" id="carte-{escape(str(card.id))}">\n'
            f"<h2>Carte {number} — {escape(card.title)}</h2>\n"
            f'<div class="question">{markdown(card.question)}</div>\n{positions}\n'
            f"<h3>Les faits</h3>{fact_references(card.fact_ids, self.facts, statements=True)}\n"
            f'<div class="room"><strong>Question à la salle :</strong>'
            f"{markdown(card.room_question)}</div>\n</section>"
        )


def load_debate_cards() -> tuple[Sequence[Any] | None, str]:
    """The debate cards of module 12, or None and a French note saying why not."""
    texts = _texts()
    try:
        from widgets.debat.cards import load_cards
    except ImportError:
        return None, texts["missing_cards"]
    try:
        return tuple(load_cards()), ""
    # A broken card file must not stop the printing of every guide: say it in the document.
    except Exception as error:
        return None, f"{texts['broken_cards']} {error}"


def write_guide(course_root: Path, syllabus: Syllabus, output: Path) -> Path:
    cards, note = load_debate_cards()
    output.write_text(render_document(course_root, syllabus, cards, note), encoding="utf-8")
    return output
