"""The confident invention: the model's answers to a factual question, next to the corpus."""

from __future__ import annotations

import html

import ipywidgets as ipw

from widgets.french import format_number, format_percent
from widgets.llm.classroom import get_model
from widgets.llm.invention import DEFAULT_PROMPT, DEFAULT_TERMS, Inquiry, ask
from widgets.llm.views.controls import LABEL_STYLE, prompt_box, text_of
from widgets.llm.views.text import quoted

MAX_SENTENCES = 5


def verdict(supported: bool | None, corpus_speaks: bool) -> str:
    if supported is None:
        return "— pas d'année dans cette suite"
    if supported:
        return "✔ cette année figure dans le corpus, sur ce sujet"
    if corpus_speaks:
        return "✘ inventée : le corpus ne donne pas cette année sur ce sujet"
    return "✘ inventée : le corpus ne dit rien de ce sujet"


def inquiry_html(prompt: str, inquiry: Inquiry) -> str:
    evidence = inquiry.evidence
    corpus_speaks = bool(evidence.sentences)
    rows = "".join(
        f"<tr><td>{html.escape(answer.label, quote=False)}</td>"
        f"<td><span style='color:#555'>…{html.escape(prompt[-40:], quote=False)}</span>"
        f"<strong>{html.escape(answer.text, quote=False)}</strong></td>"
        f"<td>{html.escape(verdict(answer.supported, corpus_speaks), quote=False)}</td></tr>"
        for answer in inquiry.answers
    )
    table = (
        '<table style="border-collapse:collapse" cellpadding="4">'
        "<thead><tr><th>Réponse</th><th>Ce que le modèle écrit</th>"
        "<th>Vérification dans le corpus</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )
    years = sorted({year for answer in inquiry.answers for year in answer.years})
    summary = (
        f"<p>Le modèle donne {format_percent(inquiry.number_share)} de chances que le token "
        "suivant commence un nombre (une date, une année). "
    )
    if years:
        summary += (
            f"Selon le tirage, il écrit {len(years)} année{'s' if len(years) > 1 else ''} "
            f"différente{'s' if len(years) > 1 else ''} : {', '.join(years)}, "
            "toujours sur le même ton assuré."
        )
    summary += "</p>"
    terms = " et ".join(quoted(term) for term in evidence.terms) or "(aucun mot)"
    if corpus_speaks:
        listed = "".join(
            f"<li>{html.escape(sentence, quote=False)}</li>"
            for sentence in evidence.sentences[:MAX_SENTENCES]
        )
        more = len(evidence.sentences) - MAX_SENTENCES
        extra = f"<p>… et {format_number(more)} autres phrases.</p>" if more > 0 else ""
        corpus = (
            f"<p><strong>Ce que dit le corpus</strong> : {len(evidence.sentences)} phrase(s) "
            f"contiennent {terms}.</p><ul>{listed}</ul>{extra}"
        )
    else:
        corpus = (
            f"<p><strong>Ce que dit le corpus</strong> : aucune phrase ne contient {terms}. "
            "Le modèle ne pouvait donc pas le savoir : il a écrit une suite probable, "
            "pas un fait.</p>"
        )
    return f'<div aria-live="polite">{table}{summary}{corpus}</div>'


def invention_demo(prompt: str = DEFAULT_PROMPT, terms: str = DEFAULT_TERMS) -> ipw.VBox:
    """Ask the model a question of fact, then check its answers against the corpus."""
    model = get_model()
    box = prompt_box(prompt, "Question de fait à compléter")
    search = ipw.Text(
        value=terms,
        description=(
            "Mots cherchés dans le corpus (séparés par des virgules ; un début de mot suffit)"
        ),
        tooltip="Les phrases du corpus qui contiennent tous ces mots sont affichées",
        style=LABEL_STYLE,
        layout=ipw.Layout(width="95%"),
    )
    button = ipw.Button(
        description="Demander au modèle",
        tooltip="Tirer de nouvelles réponses et les comparer au corpus",
        button_style="primary",
    )
    result = ipw.HTML()
    state = {"first_seed": 1}

    def run(_button: object = None) -> None:
        text = text_of(box)
        terms_text = search.value if isinstance(search.value, str) else ""
        if not text.strip():
            result.value = (
                "<p>Le début de phrase est vide : écrivez une question de fait à compléter, "
                "par exemple une date d'inauguration.</p>"
            )
            return
        inquiry = ask(model, text, terms_text, first_seed=state["first_seed"])
        result.value = inquiry_html(text, inquiry)
        state["first_seed"] += len(inquiry.answers)

    button.on_click(run)
    run()
    return ipw.VBox([box, search, button, result])
