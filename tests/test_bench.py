"""`atelier bench` end to end on the smallest notebook, plus its agreement with Binder."""

import json
import pathlib
import re

from curriculum.bench import MEASUREMENTS, main
from curriculum.benchmarks.core import BINDER_THREAD_ENV
from curriculum.benchmarks.page_latency import measure_page_latency

ROOT = pathlib.Path(__file__).resolve().parents[1]


def test_bench_writes_plausible_reports_in_french(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    # The in-page latency opens a browser (10 s for a module without a slider): the
    # browser tests check it (tests/browser/test_voila_view.py).
    without_browser = [item for item in MEASUREMENTS if item is not measure_page_latency]
    monkeypatch.setattr("curriculum.bench.MEASUREMENTS", without_browser)

    assert main(["--repeats", "1", "--only", "00-accueil", "--output", str(tmp_path)]) == 0

    document = json.loads((tmp_path / "bench.json").read_text(encoding="utf-8"))
    assert document["python"].startswith("3.")
    assert document["cpu_count"] >= 1
    rows = {row["key"]: row for row in document["rows"]}
    durations = [row for key, row in rows.items() if key.endswith(":duree")]
    memories = [row for key, row in rows.items() if key.endswith(":memoire")]
    assert durations, "aucun notebook 00-accueil mesuré"
    assert all(row["unit"] == "s" and row["value"] > 0 for row in durations), durations
    # Megabytes, not kilobytes or bytes: a Python kernel weighs tens to hundreds of MB.
    assert all(row["unit"] == "Mo" and 10 < row["value"] < 5000 for row in memories), memories
    assert len(memories) == len(durations)
    assert all("00-accueil" in key for key in rows if key.endswith((":duree", ":memoire")))
    widgets_import = rows["import:widgets"]
    assert widgets_import["value"] > 0
    assert widgets_import["within_budget"] in (True, False)

    report = (tmp_path / "bench.md").read_text(encoding="utf-8")
    assert "| Mesure | Valeur | Budget | Respecté ? | Remarque |" in report
    assert "Répétitions : 1 par mesure" in report
    assert "démarrage du noyau compris" in report
    console = capsys.readouterr().out
    assert "| Mesure | Valeur |" in console
    assert "Hors budget" in console or "Toutes les mesures respectent leur budget" in console


def test_kernels_get_the_thread_settings_of_binder_start():
    start = (ROOT / "binder" / "start").read_text(encoding="utf-8")
    exports = dict(re.findall(r"^export (\w+)=(\S+)$", start, flags=re.MULTILINE))
    assert exports == BINDER_THREAD_ENV


def test_latency_rows_give_median_and_nearest_rank_p95():
    from curriculum.benchmarks.latency import BUDGET_MS, latency_rows, percentile

    samples = [float(value) for value in range(1, 101)]
    assert percentile(samples, 0.95) == 95.0
    median, p95 = latency_rows("x", "Essai", samples, "frappes")
    assert (median.value, p95.value) == (50.5, 95.0)
    assert median.budget == p95.budget == BUDGET_MS
    assert "sur 100 frappes" in p95.note
