"""The guard: validated identifiers, shaped rules, names, overlaps, and odd input.

Expected identifiers are computed here by hand (the published key formulas),
not with the library the guard uses.
"""

from __future__ import annotations

import itertools

import pytest
from fuzz_values import FUZZ, ODD_TEXT, outcome
from hypothesis import given

from widgets.donnees_personnelles.guard import (
    KINDS,
    MAX_TEXT_CHARS,
    Finding,
    GuardError,
    find_personal_data,
)


def nir_key(first13: str) -> str:
    department = {"2A": "19", "2B": "18"}.get(first13[5:7], first13[5:7])
    corsica = first13[:5] + department + first13[7:]
    return f"{97 - int(corsica) % 97:02d}"


def luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def kinds(text: str, names_pass: str = "no") -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in find_personal_data(text, names_pass=names_pass)]


@pytest.mark.parametrize(
    "body", ["2840575123456", "1991169001002", "284052A004012", "175122B012345"]
)
def test_a_nir_with_its_key_is_found_with_or_without_spaces(body: str) -> None:
    compact = body + nir_key(body)
    spaced = " ".join(
        [
            compact[0],
            compact[1:3],
            compact[3:5],
            compact[5:7],
            compact[7:10],
            compact[10:13],
            compact[13:],
        ]
    )
    for written in (compact, spaced):
        assert kinds(f"NIR : {written}.") == [("nir", written)]


def test_a_nir_with_a_wrong_key_is_not_one() -> None:
    body = "2840575123456"
    wrong = f"{(int(nir_key(body)) % 97) + 1:02d}"
    assert kinds(f"NIR : {body}{wrong}") == []


def test_siren_and_siret_need_their_luhn_key() -> None:
    siren = next(f"73282932{d}" for d in "0123456789" if luhn_ok(f"73282932{d}"))
    siret = next(f"{siren}0007{d}" for d in "0123456789" if luhn_ok(f"{siren}0007{d}"))
    bad = siret[:-1] + str((int(siret[-1]) + 1) % 10)
    spaced = f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}"
    assert kinds(f"SIRET {spaced}") == [("siret", spaced)]
    assert kinds(f"SIREN {siren}") == [("siren", siren)]
    assert kinds(f"SIRET {bad}") == []
    assert ("siren", siren[:3]) not in kinds(f"SIRET {bad}")


def test_an_iban_is_validated_and_stops_at_its_last_group() -> None:
    text = "IBAN FR76 3000 6000 0112 3456 7890 189 BIC AGRIFRPP"
    assert kinds(text) == [("iban", "FR76 3000 6000 0112 3456 7890 189")]
    assert kinds("IBAN FR77 3000 6000 0112 3456 7890 189") == []


@pytest.mark.parametrize(
    "number",
    [
        "06 39 98 12 34",
        "06.39.98.12.34",
        "0639981234",
        "+33 6 39 98 12 34",
        "01-99-00-40-40",
        "+33 (0)1 99 00 12 34",
        "0033 1 99 00 12 34",
    ],
)
def test_fictional_phone_numbers_are_found_in_their_usual_spellings(number: str) -> None:
    assert kinds(f"Appelez le {number}, merci.") == [("phone", number)]
    assert kinds(f"[1] {number}") == [("phone", number)]


def test_amounts_and_references_are_not_phones() -> None:
    assert kinds("Montant : 3 150 000 € ; dossier 2025-0143 ; 4 800 habitants.") == []


def test_a_birth_date_needs_its_cue_and_other_dates_do_not_count() -> None:
    text = "Née le 12 mars 1984, reçue le 3 avril 2025. Date de naissance : 01/02/1990."
    assert kinds(text) == [("birth_date", "12 mars 1984"), ("birth_date", "01/02/1990")]


def test_address_plate_email_and_civility() -> None:
    text = (
        "Mme Jeanne Martin habite 12 bis rue des Lilas, 69003 Lyon ; "
        "voiture AB-123-CD ; écrire à jeanne.martin@exemple.fr. DUPONT Marie est venue."
    )
    assert kinds(text) == [
        ("person", "Jeanne Martin"),
        ("address", "12 bis rue des Lilas, 69003 Lyon"),
        ("vehicle_plate", "AB-123-CD"),
        ("email", "jeanne.martin@exemple.fr"),
        ("person", "DUPONT Marie"),
    ]


def test_titles_after_a_civility_are_not_names() -> None:
    assert kinds("Monsieur le Maire, Madame la Directrice, M. Maire.") == []


def test_the_name_model_finds_bare_names_and_places_but_not_streets() -> None:
    text = "Paul Lefèvre est passé à Rennes. La réunion a lieu à l'école Jules Ferry."
    found = kinds(text, names_pass="wait")
    assert ("person", "Paul Lefèvre") in found
    assert ("place", "Rennes") in found
    assert all("Jules" not in value for _, value in found)


def test_one_finding_per_span_and_structured_kinds_win() -> None:
    found = find_personal_data(
        "M. Victor Hugo, 3 rue Victor Hugo, 75001 Paris, SIRET 732 829 320 00074.",
        names_pass="wait",
    )
    spans = [(f.start, f.end) for f in found]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert [f.kind for f in found] == ["person", "address", "siret"]


def test_findings_have_the_public_shape() -> None:
    text = "Courriel : a.b@exemple.fr"
    (finding,) = find_personal_data(text, names_pass="no")
    assert isinstance(finding, Finding) and finding.kind in KINDS
    assert text[finding.start : finding.end] == finding.text == "a.b@exemple.fr"


def test_placeholders_are_not_findings() -> None:
    assert find_personal_data("[PERSONNE_1] habite [ADRESSE_2] à [LIEU_1].") == []


def test_non_text_and_huge_text_are_refused_in_french() -> None:
    with pytest.raises(GuardError, match="entre guillemets"):
        find_personal_data(42)  # type: ignore[arg-type]
    with pytest.raises(GuardError, match="million"):
        find_personal_data("a" * (MAX_TEXT_CHARS + 1))


def test_one_megabyte_is_read_by_the_rules_in_a_few_seconds() -> None:
    text = ("Mme Jeanne Martin, 06 39 98 12 34. " + "Le conseil a voté. " * 25) * 1_900
    found, refusal = outcome(lambda: find_personal_data(text, names_pass="no"))
    assert refusal is None and len(found) == 3_800 and len(text) > 950_000


@FUZZ
@given(ODD_TEXT)
def test_odd_text_never_raises_and_offsets_are_right(text: str) -> None:
    found, refusal = outcome(lambda: find_personal_data(text, names_pass="if_ready"))
    assert refusal is None
    for finding in found:
        assert finding.kind in KINDS and 0 <= finding.start < finding.end <= len(text)
