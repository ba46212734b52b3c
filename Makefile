# Les commandes du cours. Seuls prérequis : Python 3.11 et make.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCKS := binder/requirements.txt tests/requirements.txt
JOBS ?= auto
# nbgrader runs helper programs (alembic) found on PATH: the venv's come first.
export PATH := $(abspath $(BIN)):$(PATH)

.PHONY: lab presenter formateur test bench lint format lock release check data clean

## Crée l'environnement (.venv) s'il manque ou si les dépendances ont changé.
$(STAMP): pyproject.toml $(LOCKS) binder/overrides.json binder/ipython_kernel_config.py \
		binder/learner-view binder/install-no-code-view $(wildcard binder/vue-sans-code/*) \
		$(wildcard binder/vue-sans-code/templates/atelier/*)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r binder/requirements.txt -r tests/requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	mkdir -p $(VENV)/share/jupyter/lab/settings
	cp binder/overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	mkdir -p $(VENV)/etc/ipython
	cp binder/ipython_kernel_config.py $(VENV)/etc/ipython/ipython_kernel_config.py
	binder/learner-view
	binder/install-no-code-view
	touch $(STAMP)

## Ouvre le cours dans JupyterLab, en français, sur la page d'accueil (vue apprenante).
lab: $(STAMP)
	$(BIN)/jupyter lab --ServerApp.root_dir=notebooks notebooks/00-accueil/00-accueil.ipynb

## Ouvre la vue sans code (Voilà) sur la page d'accueil : le cours sans cellules de code,
## les exercices dans des formulaires (parcours élus et Café IA).
presenter: $(STAMP)
	$(BIN)/jupyter server --ServerApp.root_dir=notebooks \
		--ServerApp.default_url=/voila/render/00-accueil/00-accueil.ipynb

## Ouvre JupyterLab pour les formatrices et les formateurs, à la racine du dépôt, avec les
## outils de nbgrader (création des exercices, validation, notation) que `make lab` cache.
formateur: $(STAMP)
	JUPYTER_CONFIG_PATH="$(abspath binder/formateur)" $(BIN)/jupyter lab

## Lance toute la suite de tests (notebooks en parallèle), navigateur compris : installe le
## Chromium et le bac à sable bubblewrap de Debian s'ils manquent et que c'est possible
## (sinon les tests qui en ont besoin sont sautés et le disent).
test: $(STAMP)
	tests/install-system-tools
	$(BIN)/python -m pytest -n $(JOBS)

## Mesures de vitesse et de mémoire (hors tests), écrites dans bench/results/.
bench: $(STAMP)
	$(BIN)/atelier bench

lint: $(STAMP)
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format . && $(BIN)/ruff check --fix .

## Régénère les versions apprenantes (notebooks/) à partir de solutions/.
release: $(STAMP)
	$(BIN)/atelier release

check: $(STAMP)
	$(BIN)/atelier check

## Régénère tous les jeux de données livrés ; échoue si une empreinte change sans que
## la fiche (DATASHEET.md) dise pourquoi.
data: $(STAMP)
	$(BIN)/atelier data

## Recalcule les fichiers de verrouillage à partir de pyproject.toml (demande le réseau).
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links \
		--output-file binder/requirements.txt pyproject.toml
	$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links \
		--extra test --extra formateur --constraint binder/requirements.txt \
		--output-file tests/requirements.txt pyproject.toml
	$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links \
		--extra formateur --extra hub --constraint binder/requirements.txt \
		--constraint tests/requirements.txt --output-file deploy/hub/requirements.txt pyproject.toml

clean:
	rm -rf $(VENV) bench/results .pytest_cache
