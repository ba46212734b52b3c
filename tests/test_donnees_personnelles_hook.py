"""The guard on the connector: a NIR bound for an online model is stopped; pseudonymised, it
leaves without any original identifier (asserted on what the loopback server received)."""

from __future__ import annotations

import json

import pytest
from llm_fakes import Step, completion, fake_generate, fresh_connector, scripted_server, use_online

from widgets.donnees_personnelles import hook
from widgets.llm import connector
from widgets.prompts.views.comparison import BeforeAfter

__all__ = ["fresh_connector"]

NIR = "2 84 05 2A 004 012 69"
PROMPT = f"Rédigez une réponse à Mme Jeanne Martin, NIR {NIR}, tél. 06 39 98 12 34."


def test_the_test_nir_is_valid() -> None:
    compact = NIR.replace(" ", "")
    assert 97 - int(compact[:5] + "19" + compact[7:13]) % 97 == int(compact[13:])


def test_a_nir_bound_for_an_online_model_is_stopped_and_nothing_is_sent(
    fresh_connector: connector.Settings,
) -> None:
    hook.install()
    with scripted_server(Step()) as server:
        use_online(fresh_connector, server.url)
        with pytest.raises(hook.PersonalDataStopped) as stopped:
            connector.generate(PROMPT)
        assert server.posts() == []
    message = stopped.value.message
    assert "numéro de sécurité sociale" in message and "Rien n'a été envoyé" in message
    assert "Pseudonymiser puis envoyer" in message
    assert {f.kind for f in stopped.value.findings} >= {"nir", "person", "phone"}


def test_pseudonymised_the_server_receives_no_original_and_the_answer_gets_them_back(
    fresh_connector: connector.Settings,
) -> None:
    hook.install()
    answer = completion("Madame [PERSONNE_1], votre dossier [NIR_1] est complet.")
    with scripted_server(Step(body=answer)) as server:
        use_online(fresh_connector, server.url)
        text, mapping = hook.send_pseudonymised([{"role": "user", "content": PROMPT}])
        (post,) = server.posts()
    sent = json.dumps(post.body, ensure_ascii=False)
    for original in (NIR, "Jeanne", "Martin", "06 39 98 12 34", NIR.replace(" ", "")):
        assert original not in sent
    assert "[NIR_1]" in sent and "[PERSONNE_1]" in sent
    assert text == f"Madame Jeanne Martin, votre dossier {NIR} est complet."
    assert set(mapping.values()) >= {NIR, "Jeanne Martin", "06 39 98 12 34"}


def test_the_classroom_model_is_not_stopped_but_the_findings_are_shown(
    fresh_connector: connector.Settings,
) -> None:
    hook.install()
    reply = connector.generate(PROMPT, max_tokens=3)
    assert reply.text
    assert {f.kind for f in hook.last_offline_findings()} >= {"nir", "phone"}


def test_the_comparison_offers_to_pseudonymise_when_stopped(
    fresh_connector: connector.Settings,
) -> None:
    answer = completion("Bonjour [PERSONNE_1].")
    with scripted_server(Step(body=answer)) as server:
        use_online(fresh_connector, server.url)
        view = BeforeAfter()
        view.after.prompt.value = PROMPT
        view.send()
        assert "Rien n'a été envoyé" in view.after.answer.value
        assert view.after.pseudonymise.layout.display is None
        assert view.before.pseudonymise.layout.display == "none"
        view.after.pseudonymise.click()
        posts = server.posts()
    assert "Jeanne Martin" in view.after.answer.value
    assert all("Jeanne" not in json.dumps(p.body, ensure_ascii=False) for p in posts)
    assert view.after.pseudonymise.layout.display == "none"


def test_an_injected_generate_without_the_hook_still_gets_an_answer() -> None:
    calls: list = []
    view = BeforeAfter(fake_generate(calls))
    view.send()
    assert len(calls) == 2 and "Réponse n°" in view.after.answer.value


def test_no_prompt_of_the_gallery_is_stopped_and_a_town_alone_is_not_personal() -> None:
    from widgets.prompts.fields import assemble
    from widgets.prompts.gallery import gallery

    for entry in gallery():
        for prompt in (entry.vague, assemble(entry.fields)):
            stopping = hook.findings_in([{"role": "user", "content": prompt}])
            assert stopping == [], (entry.id, stopping)
    assert hook.findings_in([{"role": "user", "content": "La mairie de Lyon ouvre à 9 h."}]) == []
