"""HTML fragments of module 05: search results and the answer with its sources.

Matching words are in bold on a light background: bold carries the meaning,
the colour only helps. Each verdict is a word with a sign, never a colour alone.
"""

from __future__ import annotations

import html

from widgets.palette import DARK_BLUISH_GREEN, DARK_VERMILION, GREY
from widgets.text import printable
from widgets.verifier.search import Hit
from widgets.verifier.support import PassageSupport, SentenceCheck, Verdict
from widgets.verifier.words import (
    NUMBER,
    WORD,
    canonical_number,
    content_words,
    figures,
    fold,
    stem,
)

_SIGNS = {
    Verdict.SUPPORTED: ("✔", DARK_BLUISH_GREEN),
    Verdict.WEAK: ("?", GREY),
    Verdict.UNSUPPORTED: ("✘", DARK_VERMILION),
}
_BOX = "border:1px solid #ccc;border-radius:4px;padding:6px 8px;margin:4px 0;background:#fafafa"


def _escape(text: str) -> str:
    return html.escape(printable(text))


def _mark(text: str) -> str:
    return f'<mark style="background:#fff3b0"><b>{_escape(text)}</b></mark>'


def highlighted(text: str, asked: str) -> str:
    """`text` escaped; in bold on a light background, the words of `asked` (compared without
    accents and endings) and its numbers, each number as a whole (« 1 284,60 », not « 60 »)."""
    stems = {stem(word) for word in content_words(asked)}
    numbers = figures(asked).numbers
    spans = [
        match.span()
        for match in NUMBER.finditer(text)
        if canonical_number(match.group(1), match.group(2)) in numbers
    ]
    spans += [
        match.span()
        for match in WORD.finditer(text)
        if not match.group(0).isdigit() and stem(fold(match.group(0))) in stems
    ]
    pieces, last = [], 0
    for start, end in sorted(spans):
        if start < last:
            continue
        pieces += [_escape(text[last:start]), _mark(text[start:end])]
        last = end
    pieces.append(_escape(text[last:]))
    return "".join(pieces)


def notice_html(message: str) -> str:
    return f'<p style="color:{GREY}"><i>{_escape(message)}</i></p>'


def _source(title: str, position: int) -> str:
    return f'<div style="color:{GREY};font-size:90%">{_escape(title)}, passage {position}</div>'


def hits_html(question: str, hits: list[Hit]) -> str:
    """Search results: each passage with its document and position, the question's words in bold."""
    if not hits:
        return notice_html("Aucun passage ne contient les mots de la question.")
    items = []
    for rank, hit in enumerate(hits, start=1):
        score = f"{hit.score:.2f}".replace(".", ",")
        items.append(
            f'<div style="{_BOX}"><b>{rank}.</b> {highlighted(hit.passage.text, question)}'
            f"{_source(hit.passage.title, hit.passage.position)}"
            f'<div style="color:{GREY};font-size:90%">proximité : {score}</div></div>'
        )
    legend = notice_html(
        "En gras surligné : les mots et les nombres de la question trouvés dans le passage."
    )
    return legend + "".join(items)


def _support_html(sentence: str, support: PassageSupport) -> str:
    share = f"{round(100 * support.word_share)}\u202f%"
    figures = ""
    if support.found or support.missing:
        found = ", ".join(f"✔ {_escape(label)}" for label in support.found)
        missing = ", ".join(f"✘ {_escape(label)} absent" for label in support.missing)
        figures = f" ; chiffres et dates : {', '.join(p for p in (found, missing) if p)}"
    status = "étaye la phrase" if support.supports else "n'étaye pas la phrase"
    return (
        f'<div style="{_BOX};margin-left:1.5em">{highlighted(support.hit.passage.text, sentence)}'
        f"{_source(support.hit.passage.title, support.hit.passage.position)}"
        f'<div style="font-size:90%">{status} : {share} des mots de la phrase{figures}.</div>'
        "</div>"
    )


def checks_html(checks: list[SentenceCheck], shown: int = 2) -> str:
    """Each sentence with its verdict, its reason and its supporting passages (`shown` of them);
    for a sentence no passage supports, the closest passage, to compare by eye."""
    if not checks:
        return notice_html("Écrivez ou collez une réponse : chaque phrase sera vérifiée.")
    blocks = []
    for number, check in enumerate(checks, start=1):
        sign, colour = _SIGNS[check.verdict]
        supporting = [s for s in check.passages if s.supports]
        passages = supporting[:shown] if supporting else check.passages[:1]
        blocks.append(
            f'<div style="margin:8px 0"><b>Phrase {number}</b> : « {_escape(check.sentence)} »'
            f'<div style="color:{colour}"><b>{sign} {check.verdict.value.capitalize()}</b> — '
            f"{_escape(check.reason)}</div>"
            + "".join(_support_html(check.sentence, s) for s in passages)
            + "</div>"
        )
    counts = {v: sum(c.verdict is v for c in checks) for v in Verdict}
    summary = " ; ".join(f"{_SIGNS[v][0]} {v.value} : {n}" for v, n in counts.items())
    return f"<p><b>{len(checks)} phrases</b> ({summary})</p>" + "".join(blocks)


def labelled_html(title: str, entries: list[tuple[str, str]], intro: str = "") -> str:
    """Labelled texts (« A », text) for an exercise, one per line, under a title."""
    rows = "".join(
        f'<div style="{_BOX}"><b>{_escape(label)}.</b> {_escape(text)}</div>'
        for label, text in entries
    )
    intro = f"<br><i>{_escape(intro)}</i>" if intro else ""
    return f"<p><b>{_escape(title)}</b>{intro}</p>{rows}"
