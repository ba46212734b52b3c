"""HTML for the request-sorting module: tables, summaries and the highlighted message.

Pure functions from engine results to HTML strings (no Jupyter import), so
that views stay thin and tests can read what a learner will see. Every
piece of text from a resident is escaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from html import escape

from widgets.demandes.model import Evaluation, Request, SplitSummary, TrainedModel, normalize
from widgets.demandes.predict import Prediction
from widgets.french import NARROW_NBSP, format_number, format_percent

SHOWN_CHARS = 1_000
"""A message longer than this is shown cut (the model may have read more)."""

MARK_STYLE = (
    "background:#F5D58A;color:#1a1a1a;font-weight:bold;text-decoration:underline;"
    "padding:0 2px;border-radius:2px"
)
_TABLE = 'style="border-collapse:collapse;margin:0.4em 0"'
_CELL_CSS = "border:1px solid #999;padding:3px 8px;vertical-align:top;text-align:"
_WORD = re.compile(r"[^\W\d_]{2,}")


def _table(caption: str, header: Sequence[str], rows: Iterable[str]) -> str:
    head = "".join(
        f'<th scope="col" style="{_CELL_CSS}left">{escape(name)}</th>' for name in header
    )
    return (
        f'<table {_TABLE}><caption style="text-align:left;font-weight:bold">'
        f"{escape(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _row(cells: Sequence[str], numbers: Sequence[bool], bold: bool = False) -> str:
    weight = ";font-weight:bold" if bold else ""
    parts = [
        f'<td style="{_CELL_CSS}{"right" if is_number else "left"}{weight}">{cell}</td>'
        for cell, is_number in zip(cells, numbers, strict=True)
    ]
    return f"<tr>{''.join(parts)}</tr>"


def shorten(text: str, limit: int = SHOWN_CHARS) -> str:
    return text if len(text) <= limit else text[:limit] + " … (suite non affichée)"


def examples_table(requests: Sequence[Request]) -> str:
    rows = [
        _row(
            (
                str(r.id),
                escape(r.message),
                escape(r.service),
                "oui" if r.ambiguous else "",
                escape(r.second_service),
            ),
            (True, False, False, False, False),
        )
        for r in requests
    ]
    return _table(
        "Quelques demandes du jeu de données",
        ("N°", "Message", "Service", "Ambigu", "Autre service cité"),
        rows,
    )


def split_table(split: SplitSummary) -> str:
    rows = [
        _row(
            (
                escape(s.service),
                format_number(s.total),
                format_number(s.train),
                format_number(s.test),
                format_percent(s.test / s.total if s.total else 0.0, 0),
            ),
            (False, True, True, True, True),
        )
        for s in split.per_service
    ]
    rows.append(
        _row(
            (
                "Total",
                format_number(split.total),
                format_number(split.train),
                format_number(split.test),
                format_percent(split.test / split.total if split.total else 0.0, 0),
            ),
            (False, True, True, True, True),
            bold=True,
        )
    )
    return _table(
        "Messages par service, de chaque côté du partage",
        ("Service", "Total", "Entraînement", "Test", "Part en test"),
        rows,
    )


def training_summary(model: TrainedModel) -> str:
    evaluation = model.evaluation
    seconds = format_number(model.train_seconds, 2)
    return (
        '<div role="status" style="line-height:1.7">'
        f"Modèle entraîné sur <strong>{format_number(model.split.train)}</strong> messages "
        f"en <strong>{seconds}{NARROW_NBSP}s</strong>.<br>"
        f"Sur les <strong>{format_number(evaluation.total)}</strong> messages de test, "
        f"il en trie bien <strong>{format_number(evaluation.correct)}</strong> : "
        f"exactitude <strong>{format_percent(evaluation.accuracy)}</strong>.<br>"
        f"F1 moyen par service (macro-F1) : <strong>{format_percent(evaluation.macro_f1)}</strong>."
        "</div>"
    )


def scores_table(evaluation: Evaluation, highlight: str | None = None) -> str:
    rows = []
    for score in evaluation.scores:
        chosen = score.service == highlight
        name = ("▶ " if chosen else "") + escape(score.service)
        rows.append(
            _row(
                (
                    name,
                    format_number(score.support),
                    format_percent(score.precision, 0),
                    format_percent(score.recall, 0),
                ),
                (False, True, True, True),
                bold=chosen,
            )
        )
    return _table(
        "Précision et rappel par service (jeu de test)",
        ("Service", "Messages en test", "Précision", "Rappel"),
        rows,
    )


def service_sentence(evaluation: Evaluation, service: str) -> str:
    """What the row and the column of one service say, in two sentences."""
    index = evaluation.services.index(service)
    row = evaluation.matrix[index]
    column = evaluation.matrix[:, index]
    right = int(row[index])
    name = escape(service)
    text = (
        f"Des <strong>{format_number(int(row.sum()))}</strong> messages de test qui relèvent "
        f"vraiment de « {name} », le modèle en a bien trié <strong>{format_number(right)}"
        f"</strong> (rappel {format_percent(right / row.sum() if row.sum() else 0.0, 0)}). "
        f"Des <strong>{format_number(int(column.sum()))}</strong> messages qu'il a envoyés à "
        f"« {name} », <strong>{format_number(right)}</strong> étaient vraiment pour ce service "
        f"(précision {format_percent(right / column.sum() if column.sum() else 0.0, 0)})."
    )
    others = [(int(row[j]) + int(column[j]), j) for j in range(len(row)) if j != index]
    count, other = max(others)
    if count:
        text += (
            f" Il le confond surtout avec « {escape(evaluation.services[other])} » "
            f"({format_number(count)} messages, dans un sens ou dans l'autre)."
        )
    return f'<p role="status">{text}</p>'


def errors_table(evaluation: Evaluation, limit: int = 10) -> str:
    pairs = zip(evaluation.test_requests, evaluation.predictions, strict=True)
    wrong = [(r, p) for r, p in pairs if r.service != p][:limit]
    rows = [
        _row(
            (
                escape(shorten(r.message, 300)),
                escape(r.service),
                escape(p),
                "oui" if r.ambiguous else "",
                escape(r.second_service) if not r.ambiguous else "",
            ),
            (False, False, False, False, False),
        )
        for r, p in wrong
    ]
    return _table(
        f"Des messages de test mal triés ({len(rows)} premiers)",
        ("Message", "Service réel", "Service prédit", "Ambigu", "Deuxième sujet"),
        rows,
    )


def predictions_table(examples: Sequence[tuple[str, str | None, Prediction]]) -> str:
    """(message, service a person would choose or None if none fits, what the model says)."""
    rows = []
    for message, expected, prediction in examples:
        predicted = prediction.service or "—"
        if expected is None:
            wanted = "aucun service de la mairie"
            verdict = "⚠ hors sujet, mais le modèle choisit quand même"
        else:
            wanted = expected
            verdict = "✔ bien trié" if prediction.service == expected else "✘ mal trié"
        best = max((share for _, share in prediction.probabilities), default=0.0)
        unknown = ", ".join(prediction.unknown_words) or "aucun"
        rows.append(
            _row(
                (
                    escape(message),
                    escape(wanted),
                    escape(predicted),
                    format_percent(best, 0),
                    verdict,
                    escape(unknown),
                ),
                (False, False, False, True, False, False),
            )
        )
    return _table(
        "Ce que le modèle répond",
        (
            "Message",
            "Service attendu",
            "Service prédit",
            "Probabilité",
            "Verdict",
            "Mots inconnus du modèle",
        ),
        rows,
    )


def highlighted_message(prediction: Prediction) -> str:
    """The message with the words that weighed most marked, numbered, and a legend."""
    ranks = {normalize(w.word): rank for rank, w in enumerate(prediction.words, start=1)}
    shown = shorten(prediction.text)

    def mark(match: re.Match[str]) -> str:
        rank = ranks.get(normalize(match.group(0)))
        if rank is None:
            return escape(match.group(0))
        return f'<mark style="{MARK_STYLE}">{escape(match.group(0))}</mark><sup>{rank}</sup>'

    parts, last = [], 0
    for match in _WORD.finditer(shown):
        parts.append(escape(shown[last : match.start()]))
        parts.append(mark(match))
        last = match.end()
    parts.append(escape(shown[last:]))
    body = "".join(parts)
    if not prediction.words:
        return f'<blockquote style="margin:0.4em 0">{body}</blockquote>'
    service = escape(prediction.service or "")
    legend = (
        f'<p><mark style="{MARK_STYLE}">mot</mark><sup>1</sup> : mot surligné et souligné, '
        f"qui a poussé le modèle vers « {service} » ; le numéro donne son rang, "
        "1 pour le plus fort.</p>"
    )
    return f'<blockquote style="margin:0.4em 0">{body}</blockquote>{legend}'


def words_table(prediction: Prediction) -> str:
    if not prediction.words:
        return ""
    rows = [
        _row(
            (str(rank), escape(w.word), format_number(w.weight, 2)),
            (True, False, True),
        )
        for rank, w in enumerate(prediction.words, start=1)
    ]
    return _table(
        f"Les mots qui ont le plus pesé pour « {prediction.service} »",
        ("Rang", "Mot", "Poids (TF-IDF × coefficient)"),
        rows,
    )


def unknown_words_line(prediction: Prediction) -> str:
    if not prediction.unknown_words:
        return ""
    words = ", ".join(f"« {escape(word)} »" for word in prediction.unknown_words)
    return f"<p>Mots que le modèle n'a jamais vus à l'entraînement, donc ignorés : {words}.</p>"


def matrix_reading(evaluation: Evaluation, service: str | None) -> str:
    """Under the confusion matrix: how to read the chosen service's frames, or what to do."""
    if service is None:
        return "<p>Choisissez un service dans le menu pour encadrer sa ligne et sa colonne.</p>"
    return (
        service_sentence(evaluation, service)
        + "<p><em>Cadre plein : la ligne du service (ses vrais messages). Cadre en "
        "tirets : sa colonne (les messages que le modèle lui a envoyés).</em></p>"
    )


def verdict_html(prediction: Prediction) -> str:
    """The service the model picks for a message, or why it cannot pick one."""
    if prediction.service is None:
        return f'<div role="status"><p>⚠ {escape(prediction.notice)}</p></div>'
    best = max(share for _, share in prediction.probabilities)
    doubt = (
        "<p>Le modèle hésite : aucun service n'atteint la moitié des chances.</p>"
        if best < 0.5
        else ""
    )
    notice = f"<p>{escape(prediction.notice)}</p>" if prediction.notice else ""
    return (
        '<div role="status">'
        f"<p>Service prédit : <strong>{escape(prediction.service)}</strong> "
        f"(probabilité {format_percent(best)}).</p>{doubt}{notice}</div>"
    )
