"""Module 04's personal-data guard: what a prompt should not carry, and how to send it anyway.

- `guard`: `find_personal_data(text)`, the public entry point (kinds, offsets, text);
- `identifiers`: NIR, SIREN, SIRET, IBAN with their keys (python-stdnum), telephones;
- `rules`: e-mail, postal address, birth date, plate, names after a civility or a sign-off;
- `names`: bare names and places with spaCy's French model, loaded once in the background;
- `cues`: the word lists of `cues.toml`;
- `pseudonym`: « [PERSONNE_1] » placeholders and the way back;
- `hook`: the guard on the connector's before-send hook;
- `generate`, `evaluation`: the labelled evaluation set (`data/`) and its scores;
- `html`, `views/`: the guard's widget.
"""
