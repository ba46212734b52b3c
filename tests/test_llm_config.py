"""Where the language models are described: the shipped presets and a trainer's override file."""

from __future__ import annotations

from pathlib import Path

import pytest

from widgets.llm.chat_api import SERVED_MODEL
from widgets.llm.config import ConfigError, Limits, load_config


def test_default_worst_case_is_within_thirty_seconds() -> None:
    limits = load_config().limits
    assert limits.deadline_s <= 30
    assert limits.worst_case_s() <= 30
    assert limits.max_attempts >= 2, "429 must be retried at least once"
    uncut = Limits(deadline_s=1000)
    assert uncut.worst_case_s() > 30, "the deadline is what keeps the default bound"


def test_presets_have_the_expected_endpoints() -> None:
    config = load_config()
    urls = {preset.id: preset.base_url for preset in config.presets}
    assert urls["albert"] == "https://albert.api.etalab.gouv.fr/v1"
    assert urls["mistral"] == "https://api.mistral.ai/v1"
    assert urls["openai"] == "https://api.openai.com/v1"
    assert urls["ollama"] == "http://127.0.0.1:11434/v1"
    assert urls["llamacpp"] == "http://127.0.0.1:8080/v1"
    assert urls["atelier"] == "http://127.0.0.1:8765/v1"
    assert config.preset("atelier").model == SERVED_MODEL
    assert config.default == "classe" and config.preset("autre").is_custom
    for preset in config.presets:
        if not preset.is_classroom and preset.key_required:
            assert preset.key_env.endswith("_API_KEY")


def test_a_trainer_changes_a_model_name_in_a_small_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    override = tmp_path / "modeles.toml"
    override.write_text('[presets.albert]\nmodel = "albert-small"\n', encoding="utf-8")
    monkeypatch.setenv("ATELIER_IA_MODELES", str(override))
    config = load_config()
    assert config.preset("albert").model == "albert-small"
    assert config.preset("albert").base_url == "https://albert.api.etalab.gouv.fr/v1"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[presets.albert\nmodel = 1", "mal écrit"),
        ("[presets.albert]\nmodel = 3\n", "pas le bon type"),
        ('[presets.albert]\nmodele = "x"\n', "champ inconnu"),
        ('[presets.neuf]\nmodel = "x"\n', "il manque"),
        ('[presets.neuf]\nlabel="N"\nkind="autre"\nmodel="x"\nprovider="p"\n', "kind vaut"),
        ('[presets.albert]\nbase_url = "ftp://x"\n', "http://"),
        ("[limits]\ndeadline_s = -1\n", "positif"),
        ('default = "inconnu"\n', "n'existe pas"),
    ],
)
def test_a_broken_trainer_file_gets_a_french_message(
    tmp_path: Path, text: str, expected: str
) -> None:
    override = tmp_path / "modeles.toml"
    override.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(override)
    assert expected in caught.value.message


def test_a_missing_trainer_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="ATELIER_IA_MODELES"):
        load_config(tmp_path / "absent.toml")
