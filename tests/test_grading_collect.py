"""`atelier collect`: received notebooks sorted into a class folder, SOURCE left untouched."""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from datetime import datetime
from pathlib import Path

import nbformat
import pytest

from conftest import NOTEBOOKS, ROOT
from curriculum.grading.collect import CollectError, collect
from curriculum.grading.names import learner_slug, name_words
from curriculum.grading.results import (
    COLLECTED,
    OTHER_ASSIGNMENT,
    UNREADABLE,
    read_received,
)

MODULE_01 = "01-prise-en-main"
MODULE_08 = "08-trier-les-demandes"
NOTEBOOK_01 = (NOTEBOOKS / MODULE_01 / f"{MODULE_01}.ipynb").read_bytes()
NOTEBOOK_08 = (NOTEBOOKS / MODULE_08 / f"{MODULE_08}.ipynb").read_bytes()
NOTEBOOK_00 = (NOTEBOOKS / "00-accueil" / "00-accueil.ipynb").read_bytes()


def answered(data: bytes, source: str, *, metadata: dict | None = None) -> bytes:
    """A learner notebook with one more code cell (a typed name, an answer…)."""
    notebook = json.loads(data)
    notebook["cells"].insert(
        1, {"cell_type": "code", "metadata": {}, "source": source, "outputs": [], "id": "ajout"}
    )
    notebook["cells"][1]["execution_count"] = None
    notebook["metadata"].update(metadata or {})
    return json.dumps(notebook, ensure_ascii=True).encode("utf-8")


def write(folder: Path, name: str | bytes, data: bytes, mtime: float | None = None) -> None:
    """Write a file under `folder`; a bytes name may be any bytes (not UTF-8)."""
    path = os.path.join(os.fsencode(folder), os.fsencode(name))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as stream:
        stream.write(data)
    if mtime is not None:
        os.utime(path, (mtime, mtime))


def snapshot(folder: Path) -> dict[bytes, str]:
    """Every file and folder under `folder` (names as bytes), with the SHA-256 of files."""
    found = {}
    for here, dirs, files in os.walk(os.fsencode(folder)):
        for name in dirs:
            found[os.path.join(here, name)] = "dossier"
        for name in files:
            path = os.path.join(here, name)
            if not os.path.isfile(path):  # a named pipe: opening it would wait forever
                found[path] = "spécial"
                continue
            with open(path, "rb") as stream:
                found[path] = hashlib.sha256(stream.read()).hexdigest()
    return found


def run(source: Path, class_folder: Path, **caps: int):
    """Collect, checking that SOURCE is the same, byte for byte, before and after."""
    before = snapshot(source) if source.is_dir() else source.read_bytes()
    report = collect(source, class_folder, ROOT, **caps)
    after = snapshot(source) if source.is_dir() else source.read_bytes()
    assert after == before
    text = "\n".join(report.french_lines())
    text.encode("utf-8")  # no lone surrogate reaches the trainer's terminal
    assert "Traceback" not in text and "Error" not in text
    return report, text


def taken(class_folder: Path) -> dict[tuple[str, str], bytes]:
    """(learner, module) → bytes of every copy in soumis/."""
    return {
        (path.parts[-3], path.parts[-2]): path.read_bytes()
        for path in (class_folder / "soumis").glob("*/*/*.ipynb")
    }


def by_file(class_folder: Path) -> dict[str, object]:
    return {record.fichier: record for record in read_received(class_folder)}


def test_nbgrader_layouts_with_and_without_submitted(tmp_path: Path) -> None:
    source = tmp_path / "recus"
    write(source, f"submitted/marie-dupont/{MODULE_01}/{MODULE_01}.ipynb", NOTEBOOK_01)
    write(source, f"submitted/paul/{MODULE_08}/{MODULE_08}.ipynb", NOTEBOOK_08)
    write(source, f"Jeanne Martin/{MODULE_01}/mon travail.ipynb", NOTEBOOK_01)
    classe = tmp_path / "classe"
    report, text = run(source, classe)
    assert taken(classe) == {
        ("marie-dupont", MODULE_01): NOTEBOOK_01,
        ("paul", MODULE_08): NOTEBOOK_08,
        ("jeanne-martin", MODULE_01): NOTEBOOK_01,
    }
    assert len(report.taken) == 3 and not report.refused
    assert "3 notebooks pris (3 apprenants)" in text
    assert "Jeanne Martin (identifiant jeanne-martin)" in text
    received = by_file(classe)
    name = f"submitted/paul/{MODULE_08}/{MODULE_08}.ipynb"
    assert received[name].sha256 == hashlib.sha256(NOTEBOOK_08).hexdigest()
    assert received[name].pris


@pytest.mark.parametrize(
    ("file_name", "learner", "module"),
    [
        (f"marie_{MODULE_01}.ipynb", "marie", MODULE_01),
        (f"{MODULE_08}_paul.ipynb", "paul", MODULE_08),
        ("JEANNE MARTIN - PRENDRE EN MAIN UN NOTEBOOK.ipynb", "jeanne-martin", MODULE_01),
        ("Léa.Petit.prise-en-main.ipynb", "lea-petit", MODULE_01),
        ("premier MODÈLE trier les demandes des habitants (Hugo Roy).ipynb", "hugo-roy", MODULE_08),
        (f"{MODULE_01}/Chloé.ipynb", "chloe", MODULE_01),
        (f"Copie de Noé Blanc_{MODULE_08} (1).ipynb", "noe-blanc", MODULE_08),
        (f"submitted/20231234/{MODULE_08}/{MODULE_08}.ipynb", "20231234", MODULE_08),
        (f"Eva Roux_4521_assignsubmission_file_/{MODULE_01}.ipynb", "eva-roux", MODULE_01),
    ],
)
def test_flat_names_in_any_order_case_and_separators(
    tmp_path: Path, file_name: str, learner: str, module: str
) -> None:
    source = tmp_path / "recus"
    data = NOTEBOOK_01 if module == MODULE_01 else NOTEBOOK_08
    write(source, file_name, data)
    _report, text = run(source, tmp_path / "classe")
    assert taken(tmp_path / "classe") == {(learner, module): data}
    assert f"identifiant {learner}" in text


def test_zip_is_read_in_memory_and_never_extracted(tmp_path: Path) -> None:
    archive = tmp_path / "recus.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr(f"rendus/submitted/marie/{MODULE_01}/{MODULE_01}.ipynb", NOTEBOOK_01)
        zipped.writestr(f"rendus/paul_{MODULE_08}.ipynb", NOTEBOOK_08)
        zipped.writestr(f"../../evade_{MODULE_01}.ipynb", NOTEBOOK_01)
        zipped.writestr(f"/tmp/absolu_{MODULE_01}.ipynb", NOTEBOOK_01)
        zipped.writestr(f"__MACOSX/rendus/._paul_{MODULE_08}.ipynb", b"\x00\x05\x16\x07")
        zipped.writestr(f"rendus/.ipynb_checkpoints/paul_{MODULE_08}-checkpoint.ipynb", b"{}")
        zipped.writestr("rendus/.DS_Store", b"\x00")
    outside_before = snapshot(tmp_path)
    classe = tmp_path / "classe"
    report, text = run(archive, classe)
    assert taken(classe) == {
        ("marie", MODULE_01): NOTEBOOK_01,
        ("paul", MODULE_08): NOTEBOOK_08,
        ("evade", MODULE_01): NOTEBOOK_01,
        ("absolu", MODULE_01): NOTEBOOK_01,
    }
    created = set(snapshot(tmp_path)) - set(outside_before)
    assert all(path.startswith(os.fsencode(classe)) for path in created)
    for base in (tmp_path, tmp_path.parent, tmp_path.parent.parent, Path.cwd().parent.parent):
        assert not (base / f"evade_{MODULE_01}.ipynb").exists()
    assert not Path(f"/tmp/absolu_{MODULE_01}.ipynb").exists()
    assert len(report.ignored) == 3 and not report.refused
    assert "3 fichiers ignorés" in text and "__MACOSX" in text
    received = by_file(classe)
    assert len(received) == 7
    assert received["rendus/.DS_Store"].sha256 == hashlib.sha256(b"\x00").hexdigest()


def test_learner_name_typed_in_the_notebook(tmp_path: Path) -> None:
    source = tmp_path / "recus"
    write(source, "a/01-prise-en-main.ipynb", answered(NOTEBOOK_01, 'nom = "Zoé Martin"  # moi'))
    metadata = {"atelier": {"apprenant": "Ibrahim Diallo"}}
    write(source, "b/devoir.ipynb", answered(NOTEBOOK_08, "x = 1", metadata=metadata))
    write(source, "sans-nom.ipynb", NOTEBOOK_08)
    write(source, "Untitled1.ipynb", answered(NOTEBOOK_01, "votre_nom = 'Prénom Nom'"))
    classe = tmp_path / "classe"
    report, text = run(source, classe)
    assert set(taken(classe)) == {
        ("a", MODULE_01),
        ("ibrahim-diallo", MODULE_08),
        ("sans-nom", MODULE_08),
    }
    # `a/01-prise-en-main.ipynb` names its folder; the typed name wins only without one.
    write(source, f"{MODULE_01}.ipynb", answered(NOTEBOOK_01, 'nom = "Zoé Martin"  # moi'))
    report, text = run(source, classe)
    assert ("zoe-martin", MODULE_01) in taken(classe)
    assert "Zoé Martin (identifiant zoe-martin)" in text
    assert "nom trouvé dans le notebook" in text
    assert "nom lu dans le nom du fichier" in text  # sans-nom.ipynb
    refused = {record.fichier: record for record in report.refused}
    assert "nom de l'apprenant introuvable" in refused["Untitled1.ipynb"].raison
    assert "« Untitled1.ipynb »" in text


def old_course_notebook() -> bytes:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("print('bonjour')")]
    return nbformat.writes(notebook).encode("utf-8")


def test_every_refusal_says_why_in_french(
    tmp_path: Path, capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    source = tmp_path / "recus"
    not_quite = json.loads(NOTEBOOK_01)
    not_quite["outil"] = "inconnu"  # a key the notebook format does not allow
    write(source, f"ugo_{MODULE_01}.ipynb", json.dumps(not_quite).encode("utf-8"))
    write(source, "autres.zip", b"PK\x05\x06" + bytes(18))
    write(source, "consignes.pdf", b"%PDF-1.4 ...")
    write(source, f"paul_{MODULE_01}.pdf", b"%PDF-1.4 ...")
    write(source, f"lina_{MODULE_01}.ipynb", NOTEBOOK_01[:-200])
    write(source, f"vide_{MODULE_01}.ipynb", b"")
    write(source, f"rose_{MODULE_01}.ipynb", b'{"cells": "pas une liste"}')
    write(source, f"axel_{MODULE_01}.ipynb", old_course_notebook())
    write(source, f"yanis_{MODULE_01}.ipynb", NOTEBOOK_08)
    write(source, "jade_00-accueil.ipynb", NOTEBOOK_00)
    classe = tmp_path / "classe"
    report, text = run(source, classe)
    assert not report.taken and not taken(classe)
    expected = {
        "consignes.pdf": ("pas un notebook Jupyter", ""),
        f"paul_{MODULE_01}.pdf": ("pas un notebook Jupyter", UNREADABLE),
        f"lina_{MODULE_01}.ipynb": ("abîmé", UNREADABLE),
        f"vide_{MODULE_01}.ipynb": ("fichier vide", UNREADABLE),
        f"rose_{MODULE_01}.ipynb": ("pas un notebook Jupyter valide", UNREADABLE),
        f"ugo_{MODULE_01}.ipynb": ("pas un notebook Jupyter valide", UNREADABLE),
        "autres.zip": ("décompressez-la", ""),
        f"axel_{MODULE_01}.ipynb": ("ne vient pas de ce cours", OTHER_ASSIGNMENT),
        f"yanis_{MODULE_01}.ipynb": (f"celui du module {MODULE_08}", OTHER_ASSIGNMENT),
        "jade_00-accueil.ipynb": ("pas d'exercice noté", ""),
    }
    received = by_file(classe)
    assert set(received) == set(expected)
    for name, (reason, status) in expected.items():
        assert reason in received[name].raison, name
        assert received[name].statut == status, name
        assert f"« {name} »" in text
    assert received[f"yanis_{MODULE_01}.ipynb"].module == MODULE_01
    assert received[f"yanis_{MODULE_01}.ipynb"].identifiant == "yanis"
    assert "10 fichiers refusés" in text
    assert f"ce devoir sera marqué « {OTHER_ASSIGNMENT} »" in text
    assert capfd.readouterr() == ("", "")  # no English message from nbformat
    assert not [record for record in caplog.records if record.levelname != "DEBUG"]


def test_an_older_notebook_format_is_converted(tmp_path: Path) -> None:
    version_3 = nbformat.writes(nbformat.convert(nbformat.reads(NOTEBOOK_01, 4), 3), version=3)
    assert '"worksheets"' in version_3
    source = tmp_path / "recus"
    write(source, f"ancien_{MODULE_01}.ipynb", version_3.encode("utf-8"))
    run(source, tmp_path / "classe")
    assert taken(tmp_path / "classe") == {("ancien", MODULE_01): version_3.encode("utf-8")}


def test_duplicates_keep_the_latest_and_say_so(tmp_path: Path) -> None:
    source = tmp_path / "recus"
    newer = answered(NOTEBOOK_01, "reponse_q1 = 'B'")
    monday = datetime(2026, 11, 2, 8, 5).timestamp()
    tuesday = datetime(2026, 11, 3, 17, 30).timestamp()
    write(source, f"zz_ancien/marie/{MODULE_01}/{MODULE_01}.ipynb", NOTEBOOK_01, mtime=monday)
    write(source, f"Marie_{MODULE_01}.ipynb", newer, mtime=tuesday)
    write(source, f"paul_{MODULE_08}.ipynb", NOTEBOOK_08, mtime=monday)
    write(source, f"PAUL_{MODULE_08}.ipynb", NOTEBOOK_08, mtime=monday)
    classe = tmp_path / "classe"
    report, text = run(source, classe)
    assert taken(classe) == {("marie", MODULE_01): newer, ("paul", MODULE_08): NOTEBOOK_08}
    assert len(report.set_aside) == 2
    received = by_file(classe)
    assert received[f"Marie_{MODULE_01}.ipynb"].pris
    assert not received[f"zz_ancien/marie/{MODULE_01}/{MODULE_01}.ipynb"].pris
    assert received[f"paul_{MODULE_08}.ipynb"].pris  # same date: the last by name is kept
    assert "contenu identique" in received[f"PAUL_{MODULE_08}.ipynb"].raison
    assert f"gardé « Marie_{MODULE_01}.ipynb »" in text
    assert "(modifié le 3 novembre 2026 à 17 h 30) ; mis de côté" in text
    assert "(modifié le 2 novembre 2026 à 08 h 05)" in text
    assert "« Marie » et « marie » donnent le même identifiant marie" in text


def test_zip_duplicates_follow_member_dates(tmp_path: Path) -> None:
    archive = tmp_path / "recus.zip"
    later = answered(NOTEBOOK_08, "messages_mal_tries = 3")
    with zipfile.ZipFile(archive, "w") as zipped:
        earlier = zipfile.ZipInfo(f"b/lou_{MODULE_08}.ipynb", (2026, 11, 2, 9, 0, 0))
        zipped.writestr(earlier, NOTEBOOK_08)
        zipped.writestr(zipfile.ZipInfo(f"a/lou_{MODULE_08}.ipynb", (2026, 11, 3, 9, 0, 0)), later)
    _report, text = run(archive, tmp_path / "classe")
    assert taken(tmp_path / "classe") == {("lou", MODULE_08): later}
    assert "modifié le 3 novembre 2026 à 09 h 00" in text
    assert "modifié le 2 novembre 2026 à 09 h 00" in text


def test_strange_names_never_crash(tmp_path: Path) -> None:
    source = tmp_path / "recus"
    write(source, b"Ren\xe9_" + MODULE_01.encode() + b".ipynb", NOTEBOOK_01)
    write(source, f"🌻 Zoé 🌻_{MODULE_08}.ipynb", NOTEBOOK_08)
    write(source, "a/notebook.ipynb", answered(NOTEBOOK_01, 'apprenant = "Léon\ud800"'))
    write(source, b"b/\xff\xfe.pdf", b"%PDF")
    write(source, b"Fran\xe7oise/" + MODULE_08.encode() + b".ipynb", NOTEBOOK_08)
    os.mkfifo(source / "tube.ipynb")  # reading it would wait forever
    classe = tmp_path / "classe"
    _report, text = run(source, classe)
    assert set(taken(classe)) == {
        ("rene", MODULE_01),
        ("zoe", MODULE_08),
        ("leon", MODULE_01),
        ("francoise", MODULE_08),
    }
    assert "René (identifiant rene)" in text and "Zoé (identifiant zoe)" in text
    assert "« b/ÿþ.pdf »" in text
    assert "« tube.ipynb » : pas un fichier ordinaire" in text
    assert len(json.loads((classe / COLLECTED).read_text("utf-8"))["recus"]) == 6


def test_files_over_the_caps_are_refused_unread(tmp_path: Path) -> None:
    archive = tmp_path / "recus.zip"
    cap = len(NOTEBOOK_08) + 10
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr(f"a_lou_{MODULE_01}.ipynb", NOTEBOOK_01)
        zipped.writestr(f"b_gros_{MODULE_01}.ipynb", NOTEBOOK_01 + b" " * cap)
        zipped.writestr(f"c_max_{MODULE_08}.ipynb", NOTEBOOK_08)
        zipped.writestr(f"d_tard_{MODULE_01}.ipynb", NOTEBOOK_01)
    total = len(NOTEBOOK_01) + len(NOTEBOOK_08) + 10
    _report, text = run(archive, tmp_path / "classe", max_file_bytes=cap, max_total_bytes=total)
    assert set(taken(tmp_path / "classe")) == {("a-lou", MODULE_01), ("c-max", MODULE_08)}
    received = by_file(tmp_path / "classe")
    assert "fichier trop gros" in received[f"b_gros_{MODULE_01}.ipynb"].raison
    assert received[f"b_gros_{MODULE_01}.ipynb"].statut == UNREADABLE
    assert received[f"b_gros_{MODULE_01}.ipynb"].sha256 == ""
    assert "au total" in received[f"d_tard_{MODULE_01}.ipynb"].raison
    assert "limite" in text


def test_a_new_collect_replaces_older_copies_and_merges(tmp_path: Path) -> None:
    first, second, classe = tmp_path / "lundi", tmp_path / "mardi", tmp_path / "classe"
    write(first, f"marie_{MODULE_01}.ipynb", NOTEBOOK_01)
    write(first, f"paul_{MODULE_08}.pdf", b"%PDF")
    run(first, classe)
    assert by_file(classe)[f"paul_{MODULE_08}.pdf"].statut == UNREADABLE
    changed = answered(NOTEBOOK_01, "reponse_q1 = 'C'")
    write(second, f"marie_{MODULE_01}.ipynb", changed)
    write(second, f"paul_{MODULE_08}.ipynb", NOTEBOOK_08)
    _report, text = run(second, classe)
    assert taken(classe) == {("marie", MODULE_01): changed, ("paul", MODULE_08): NOTEBOOK_08}
    assert "remplace la copie d'une collecte précédente" in text
    records = read_received(classe)
    assert len(records) == 4
    old = [r for r in records if r.sha256 == hashlib.sha256(NOTEBOOK_01).hexdigest()]
    assert len(old) == 1 and not old[0].pris and "remplacé" in old[0].raison
    assert not [r for r in records if r.statut]
    _report, text = run(second, classe)
    assert "identique à la copie déjà collectée" in text
    assert len(read_received(classe)) == 4


def test_a_source_that_cannot_be_used_raises_one_french_error(tmp_path: Path) -> None:
    source = tmp_path / "recus"
    write(source, f"marie_{MODULE_01}.ipynb", NOTEBOOK_01)
    (tmp_path / "pas-un-zip.zip").write_bytes(b"PK\x03\x04 abime")
    (tmp_path / "notes.txt").write_text("un fichier, pas un dossier")
    cases = [
        (tmp_path / "absent", tmp_path / "classe", "introuvable"),
        (tmp_path / "pas-un-zip.zip", tmp_path / "classe", "ni un dossier ni une archive"),
        (source, source / "classe", "la collecte n'écrit jamais dans les fichiers reçus"),
        (source, tmp_path / "notes.txt", "un fichier porte déjà ce nom"),
    ]
    before = snapshot(tmp_path)
    for bad, classe, message in cases:
        with pytest.raises(CollectError) as raised:
            collect(bad, classe, ROOT)
        assert message in raised.value.message
    assert snapshot(tmp_path) == before


def test_names_and_identifiers() -> None:
    assert learner_slug("Zoë Łukasz-Œuvrard") == "zoe-lukasz-oeuvrard"
    assert learner_slug("Marie DUPONT") == learner_slug("marie dupont") == "marie-dupont"
    chinese, other = learner_slug("李雷"), learner_slug("韩梅梅")
    assert chinese.startswith("apprenant-") and chinese != other
    assert chinese == learner_slug("李雷")
    assert name_words("Copie de Marie 🌻 Dupont v3") == "Marie Dupont"
    assert name_words("eleve-2") == "eleve 2"
    assert name_words("Prénom Nom") == ""


def test_numbered_learners_stay_apart(tmp_path: Path) -> None:
    source = tmp_path / "recus"
    for number in (1, 2, 10):
        write(source, f"eleve-{number}_{MODULE_01}.ipynb", NOTEBOOK_01)
    report, _text = run(source, tmp_path / "classe")
    assert set(taken(tmp_path / "classe")) == {
        ("eleve-1", MODULE_01),
        ("eleve-2", MODULE_01),
        ("eleve-10", MODULE_01),
    }
    assert not report.set_aside


def test_the_courses_own_instructor_version_is_not_taken_for_a_learner(tmp_path: Path) -> None:
    """On a hub, a cloned course puts solutions/ in every home: it is not a learner."""
    source = tmp_path / "recus"
    (source / "solutions").mkdir(parents=True)
    solution = ROOT / "solutions" / "01-prise-en-main" / "01-prise-en-main.ipynb"
    (source / "solutions" / "01-prise-en-main.ipynb").write_bytes(solution.read_bytes())
    report = collect(source, tmp_path / "classe", ROOT)
    assert report.counts["pris"] == 0
    assert any("version formateur" in line for line in report.french_lines())
