"""Module 11: how fast the risk questionnaire and the legal drafts answer the learner.

Each update is what a learner's action triggers in a kernel. For the
questionnaire: a click on a radio button (the answer « dialogue » switched
between yes and no on Clairval's benefit-fraud score, then the answer
« contenu » between its four values) re-classifies the project and rewrites
the verdict. For the drafts: 100 characters typed one at a time in the
purpose field rewrite both drafts and the threshold sentence. The engine
alone (`classify` over Clairval's projects) is timed for information.
"""

from __future__ import annotations

import itertools
import time

from curriculum.benchmarks.core import BenchContext, Row
from curriculum.benchmarks.latency import latency_rows, times_ms

MODULE = "11-projet"
UPDATES = 100
TYPED = "classer les demandes selon les critères votés par le conseil municipal, puis les revoir. "


def questionnaire_rows() -> list[Row]:
    from widgets.projet.views.risk_questionnaire import RiskQuestionnaire

    view = RiskQuestionnaire()
    view.load("score-fraude")
    clicks = itertools.islice(
        itertools.cycle(
            [("dialogue", "oui"), ("dialogue", "non")]
            + [("contenu", value) for value in ("illustration", "hypertrucage", "non")]
        ),
        UPDATES,
    )
    samples = times_ms(
        lambda key=key, value=value: setattr(view.radios[key], "value", value)
        for key, value in clicks
    )
    return latency_rows(
        "projet:questionnaire",
        "Questionnaire de niveau de risque (module 11), à chaque clic",
        samples,
        "clics",
    )


def drafts_rows() -> list[Row]:
    from widgets.projet.views.notice_drafts import NoticeDrafts

    view = NoticeDrafts()
    purpose = view.texts["purpose"]
    texts = [TYPED[:count] for count in range(1, UPDATES + 1)]
    samples = times_ms(lambda text=text: setattr(purpose, "value", text) for text in texts)
    return latency_rows(
        "projet:brouillons",
        "Mention explicite et inventaire (module 11), à chaque frappe",
        samples,
        "frappes",
    )


def engine_row() -> Row:
    from widgets.projet.projects import PROJECTS
    from widgets.projet.risk import classify

    begin = time.perf_counter()
    for _ in range(10):
        for project in PROJECTS:
            classify(project.answers)
    per_call_ms = (time.perf_counter() - begin) * 1000 / (10 * len(PROJECTS))
    return Row(
        "projet:classify",
        "Classement d'un projet par le moteur (module 11), sans affichage",
        per_call_ms,
        "ms",
        None,
        f"pour information : moyenne sur 10 passages des {len(PROJECTS)} projets de Clairval",
    )


def measure_projet(context: BenchContext) -> list[Row]:
    """Latency per click of the questionnaire and per keystroke of the drafts; the engine alone."""
    if not context.selected(MODULE):
        return []
    return [*questionnaire_rows(), *drafts_rows(), engine_row()]


SHEET_CLICKS = 20


def sheet_rows() -> list[Row]:
    """A click on « Préparer ma fiche projet » with Clairval's example, then with a 100 KB field."""
    from widgets.projet.views.canvas import ProjectCanvas
    from widgets.projet.views.sheet_download import SheetDownload

    canvas = ProjectCanvas()
    canvas.fill_with_example()
    view = SheetDownload(canvas)
    rows = latency_rows(
        "projet:fiche",
        "Fiche projet à télécharger (module 11), à chaque clic sur « Préparer »",
        times_ms(view.prepare for _ in range(SHEET_CLICKS)),
        "clics",
    )
    canvas.boxes["data"].value = "Une ligne de données décrite en détail. " * 2_500
    (heavy,) = times_ms([view.prepare])
    rows.append(
        Row(
            "projet:fiche-100ko",
            "Fiche projet avec une rubrique de 100 ko (module 11), un clic",
            heavy,
            "ms",
            None,
            f"pour information : fichiers produits {len(view.result.value) // 1024} ko (liens)",
        )
    )
    return rows


def measure_projet_fiche(context: BenchContext) -> list[Row]:
    """Time to build the project sheet (HTML and Markdown inside their links) on a click."""
    if not context.selected(MODULE):
        return []
    return sheet_rows()
