"""The footprint of one answer of the connector, for its after-answer hook.

An answer from an online model known to EcoLogits gets that model's
estimate, for the tokens the service reported (or, when it reports none,
the tokens of the course's tokenizer), on the electricity of the country
where EcoLogits places the provider's data centres. An answer from the
classroom model, which runs on this computer, gets what the same request
would cost on the large reference model of `models.toml`.
"""

from __future__ import annotations

from dataclasses import replace

from widgets.impact.catalogue import catalogue
from widgets.impact.estimate import MAX_TOKENS, Footprint, find_provider, lookup
from widgets.impact.payload import footprint_from_payload
from widgets.llm.config import load_config
from widgets.llm.interface import Reply

REFERENCE_ZONE = "FRA"


def _is_classroom(reply: Reply) -> bool:
    presets = [preset for preset in load_config().presets if preset.is_classroom]
    return any(reply.backend == preset.label or reply.model == preset.model for preset in presets)


def _output_tokens(reply: Reply) -> int:
    reported = reply.usage.completion_tokens
    if isinstance(reported, int) and not isinstance(reported, bool) and reported > 0:
        return min(reported, MAX_TOKENS)
    from widgets.llm.tokenizer import tokenize

    return min(tokenize(reply.text).count, MAX_TOKENS)


def footprint_of(reply: object) -> Footprint | None:
    """The estimated footprint of an answer, or None when EcoLogits cannot tell.

    An answer of the room server carries the footprint the server estimated
    for the online model behind it: that one is shown, never recomputed from
    the model name the server reports. An answer the server labelled (an
    online model, a recording) without a footprint has none; an unlabelled
    one is the classroom model's, served from the trainer's computer.
    """
    if not isinstance(reply, Reply) or not isinstance(reply.model, str):
        return None
    room = reply.room
    if room is not None and (room.footprint is not None or room.note):
        return footprint_from_payload(room.footprint)
    tokens = _output_tokens(reply)
    if tokens < 1:
        return None
    if _is_classroom(reply):
        reference = catalogue().models[catalogue().reference]
        found = lookup(reference.provider, reference.name, tokens, REFERENCE_ZONE)
        return replace(found, model=reference.label, stand_in_for=reply.backend)
    provider = find_provider(reply.model)
    if provider is None:
        return None
    return lookup(provider, reply.model, tokens, None)
