# ruff: noqa: E501 (the module map is a Markdown table, one row per line)
"""One Python module per course module: its exercises and widgets, ready for the notebook.

A notebook's first code cell imports its lesson as `atelier`; every other cell
calls `atelier.<name>()` (a widget factory) or `atelier.qN.check(...)` (an
exercise). The lesson is thin: the engines, views and data it wires together
live in the topic packages of the map below (paths under `widgets/`, tests
under `tests/`, measurements under `curriculum/benchmarks/`). The README's
contributor section holds the same map; a test keeps the two identical.

Module map
----------

| module | leçon | moteurs | vues | données | tests | mesures |
|---|---|---|---|---|---|---|
| 00-accueil | `lessons/accueil.py` | `backup/` | `backup/views/` | — | `test_backup.py` | `notebooks.py` |
| 01-prise-en-main | `lessons/prise_en_main.py` | `cantine/` | `cantine/views/` | — | `test_cantine.py` | `notebooks.py` |
| 02-ia-generative | `lessons/ia_generative.py` | `llm/` | `llm/views/` | `corpus/data/` | `test_llm_*.py`, `test_corpus.py` | `llm.py` |
| 03-prompts | `lessons/prompts.py` | `prompts/`, `llm/` | `prompts/views/`, `llm/views/` | `prompts/*.toml` | `test_prompts_*.py` | `prompts.py` |
| 04-donnees-personnelles | `lessons/donnees_personnelles.py` | `donnees_personnelles/` | `donnees_personnelles/views/` | `donnees_personnelles/data/` | `test_donnees_personnelles_*.py` | `donnees_personnelles.py` |
| 05-verifier | `lessons/verifier.py` | `verifier/`, `corpus/` | `verifier/views/` | `verifier/exercises.toml`, `corpus/data/` | `test_verifier_*.py` | `verifier.py` |
| 06-impact-environnemental | `lessons/impact.py` | `impact/` | `impact/views/` | `impact/*.toml` | `test_impact_*.py` | `impact.py` |
| 07-ouvert-ou-proprietaire | `lessons/ouverture.py` | `ouverture/` | `ouverture/views/` | `ouverture/*.toml` | `test_ouverture_*.py` | `ouverture.py` |
| 08-trier-les-demandes | `lessons/demandes.py` | `demandes/` | `demandes/views/` | `demandes/data/` | `test_demandes_*.py` | `demandes.py` |
| 09-predire | `lessons/batiments.py` | `batiments/` | `batiments/views/` | `batiments/data/` | `test_batiments_*.py` | `batiments.py` |
| 10-scores-et-equite | `lessons/controles.py` | `controles/` | `controles/views/` | `controles/data/` | `test_controles_*.py` | `controles.py` |
| 11-projet | `lessons/projet.py` | `projet/` | `projet/views/` | `projet/sources/` | `test_projet_*.py` | `projet.py` |
| 12-debat | `lessons/debat.py` | `debat/` | `debat/views/` | `debat/sources/cartes.toml` | `test_debat_*.py` | `debat.py` |
| (tous) | — | `selfcheck/` | `selfcheck/views/`, `viewkit/` | — | `test_selfcheck_*.py`, `test_exercises.py` | `imports.py` |
"""
