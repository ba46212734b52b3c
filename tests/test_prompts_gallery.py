"""The gallery of town-hall tasks: nine tasks, each structured prompt better than its vague one."""

from __future__ import annotations

import pytest

from widgets.errors import AtelierError
from widgets.prompts.checklist import assess_prompt, check_fields
from widgets.prompts.fields import assemble
from widgets.prompts.gallery import GalleryError, _task, gallery, task


def test_the_gallery_has_the_nine_tasks_of_the_brief_and_of_the_mediators() -> None:
    ids = [entry.id for entry in gallery()]
    assert ids == [
        "lettre-plainte",
        "compte-rendu",
        "discours",
        "faq",
        "synthese",
        "note-donnees",
        "lettre-falc",
        "support-atelier",
        "fiche-projet",
    ]
    assert all(len(entry.needs) >= 3 and entry.vague for entry in gallery())
    table = task("note-donnees").fields.context
    assert table.count("\n|") >= 5 and "Clairval-sur-Ondine" not in task("discours").vague


@pytest.mark.parametrize("entry", gallery(), ids=lambda entry: entry.id)
def test_structured_prompts_score_higher_than_vague_ones(entry) -> None:
    vague = assess_prompt(entry.vague)
    structured = check_fields(entry.fields)
    as_one_block = assess_prompt(assemble(entry.fields))
    assert structured.score == as_one_block.score == 9
    assert vague.score <= 3
    assert "personal_data" not in structured.missing


def test_an_unknown_task_names_the_known_ones_in_french() -> None:
    with pytest.raises(GalleryError, match=r"pas de tâche « inconnue ».*lettre-plainte"):
        task("inconnue")


def test_a_trainer_s_mistake_in_the_file_is_said_in_french() -> None:
    entry = {"id": "x", "title": "X", "vague": "Fais-le.", "needs": [], "fields": {"rol": "a"}}
    with pytest.raises(AtelierError, match="« x » a des champs inconnus : rol"):
        _task(entry)
