"""Module 03's notebook and code: the rules documented, plain data, the bench."""

from __future__ import annotations

import dataclasses

import nbformat

from conftest import ROOT, solution_path
from widgets.prompts.checklist import check_fields
from widgets.prompts.gallery import task
from widgets.prompts.rules import RULES


def test_the_notebook_documents_every_rule() -> None:
    notebook = nbformat.read(solution_path("03-prompts"), as_version=4)
    text = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    for rule in RULES:
        assert rule.title in text, rule.title
    assert "c'est-à-dire la consigne que l'on donne au modèle" in text
    for fact in ("ai-act-art-50-4", "cnil-ia-generative-2024"):
        assert f"<!-- fait:{fact} -->" in text


def test_rules_and_results_are_plain_data() -> None:
    checklist = check_fields(task("faq").fields)
    assert dataclasses.is_dataclass(checklist) and dataclasses.is_dataclass(checklist.results[0])


def test_the_bench_measures_the_coach_per_keystroke() -> None:
    from curriculum.benchmarks.core import BenchContext
    from curriculum.benchmarks.prompts import measure_prompts

    assert measure_prompts(BenchContext(root=ROOT, repeats=1, only="00-accueil")) == []
    rows = {row.key: row for row in measure_prompts(BenchContext(root=ROOT, repeats=1))}
    assert set(rows) == {
        "prompts:coach:median",
        "prompts:coach:p95",
        "prompts:free-text:median",
        "prompts:free-text:p95",
        "prompts:paste-1mb",
    }
    assert len(rows["prompts:coach:median"].samples) == 100
    assert all(row.unit == "ms" and row.value > 0 for row in rows.values())
