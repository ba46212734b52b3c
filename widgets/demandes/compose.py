"""Write one message: choose a way of writing, fill the phrases, add the noise.

Four ways of writing, as residents do: a quick report (« signalement »), a
polite e-mail (« courriel »), an angry message (« colère ») and a text
message (« sms »). A message may carry a second topic for another service,
placed before the closing, as in « Au passage, ... ». The phrases around the
heart of a request (greetings, moods, closings) are in `sources/frames.toml`.
"""

from __future__ import annotations

import random

from widgets.demandes import noise
from widgets.demandes.frames import FRAMES, fill
from widgets.demandes.phrases import PHRASES, ServicePhrases
from widgets.demandes.services import FIELD_SERVICES

STYLES = ("signalement", "courriel", "colere", "sms")
FIELD_STYLE_WEIGHTS = (36, 30, 16, 18)
DESK_STYLE_WEIGHTS = (20, 50, 8, 22)
OBJECT_SHARE = 0.3


def choose_style(service: str, rng: random.Random) -> str:
    weights = FIELD_STYLE_WEIGHTS if service in FIELD_SERVICES else DESK_STYLE_WEIGHTS
    return rng.choices(STYLES, weights=weights)[0]


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _join(parts: list[str]) -> str:
    """Join sentences; after an introduction that does not end a sentence, go on in lower case."""
    text = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if text and text[-1] not in ".!?" and not part[1:2].isupper():
            part = part[:1].lower() + part[1:]
        text = f"{text} {part}" if text else part
    return text


_CONTRACTIONS = (
    (" de le ", " du "),
    (" de les ", " des "),
    (" à le ", " au "),
    (" à les ", " aux "),
)


def _contract(text: str) -> str:
    """« au sujet de le portage » -> « au sujet du portage »."""
    for long, short in _CONTRACTIONS:
        text = text.replace(long, short)
    return text


def _core(service: str, rng: random.Random, short_share: float) -> str:
    """The heart of the request: a phrase of the service, or a shared template with its object."""
    stock = PHRASES[service]
    if rng.random() < OBJECT_SHARE:
        field = service in FIELD_SERVICES
        template = rng.choice(
            FRAMES["field_object_templates"] if field else FRAMES["desk_object_templates"]
        )
        text = _contract(template.replace("{obj}", rng.choice(stock.objects)))
        return _sentence_case(fill(text, rng))
    pool = stock.short if rng.random() < short_share else stock.sentences
    return fill(rng.choice(pool), rng)


def _ask(stock: ServicePhrases, rng: random.Random) -> str:
    return rng.choice(stock.asks if rng.random() < 0.7 else FRAMES["generic_asks"])


def _detail(service: str, stock: ServicePhrases, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.35:
        return rng.choice(stock.details)
    if roll < 0.6:
        return FRAMES["generic_details"][rng.randrange(len(FRAMES["generic_details"]))]
    if roll < 0.8 and service in FIELD_SERVICES:
        return fill(rng.choice(FRAMES["duration_sentences"]), rng)
    return ""


def _second_topic(second: str, rng: random.Random) -> str:
    topic = _core(second, rng, short_share=0.5)
    if topic[-1] not in ".!?":
        topic += "."
    connector = rng.choice(FRAMES["connectors"])
    return f"{connector} {topic[:1].lower() + topic[1:]}"


def compose(
    service: str,
    style: str,
    rng: random.Random,
    second: str | None = None,
    core: str | None = None,
) -> str:
    """One message to `service` in `style`; `core` replaces the service's own phrase."""
    stock = PHRASES[service]
    extra = _second_topic(second, rng) if second else ""
    if style == "signalement":
        return _report(service, stock, rng, extra, core)
    if style == "courriel":
        return _email(service, stock, rng, extra, core)
    if style == "colere":
        return _angry(service, stock, rng, extra, core)
    return _text_message(service, stock, rng, extra, core)


def _report(
    service: str, stock: ServicePhrases, rng: random.Random, extra: str, core: str | None
) -> str:
    text = core or _core(service, rng, short_share=0.75)
    if service in FIELD_SERVICES and "depuis" not in text and rng.random() < 0.45:
        text = f"{text.rstrip('.')} {fill('{duree}', rng)}"
    parts = [text if text[-1] in ".!?" else text + ("." if rng.random() < 0.5 else "")]
    if rng.random() < 0.3:
        parts.append(_ask(stock, rng) if not core else rng.choice(FRAMES["generic_asks"]))
    parts.append(extra)
    if rng.random() < 0.3:
        parts.append(rng.choice(FRAMES["report_closings"]))
    return _finish(_join(parts), rng)


def _email(
    service: str, stock: ServicePhrases, rng: random.Random, extra: str, core: str | None
) -> str:
    parts = [rng.choice(FRAMES["greetings"])]
    if rng.random() < 0.35:
        parts.append(fill(rng.choice(FRAMES["introductions"]), rng))
    parts.append(_sentence_case(core or _core(service, rng, short_share=0.15)))
    if not core:
        parts.append(_detail(service, stock, rng))
    if rng.random() < 0.7:
        parts.append(_ask(stock, rng) if not core else rng.choice(FRAMES["generic_asks"]))
    parts.append(extra)
    parts.append(rng.choice(FRAMES["closings"]))
    if rng.random() < 0.5:
        parts.append(rng.choice(FRAMES["signatures"]))
    return _finish(_join(parts), rng)


def _angry(
    service: str, stock: ServicePhrases, rng: random.Random, extra: str, core: str | None
) -> str:
    parts = [rng.choice(FRAMES["greetings"])] if rng.random() < 0.3 else []
    main = _sentence_case(core or _core(service, rng, short_share=0.2))
    parts.append(noise.shout(main) if rng.random() < 0.35 else main)
    if service in FIELD_SERVICES and rng.random() < 0.6:
        parts.append(fill(rng.choice(FRAMES["duration_sentences"]), rng))
    parts.extend(rng.sample(FRAMES["anger"], k=rng.choice((1, 1, 2))))
    if rng.random() < 0.5:
        parts.append(_ask(stock, rng) if not core else rng.choice(FRAMES["generic_asks"]))
    parts.append(extra)
    text = _join(parts)
    if rng.random() < 0.5:
        text = text.rstrip(".") + rng.choice(FRAMES["angry_endings"])
    return _finish(text, rng)


def _text_message(
    service: str, stock: ServicePhrases, rng: random.Random, extra: str, core: str | None
) -> str:
    parts = [rng.choice(FRAMES["sms_openings"])]
    parts.append(core or _core(service, rng, short_share=0.55))
    if service in FIELD_SERVICES and "depuis" not in parts[-1] and rng.random() < 0.4:
        parts.append(fill("{duree}", rng))
    parts.append(extra)
    parts.append(rng.choice(FRAMES["sms_closings"]))
    text = " ".join(part.strip() for part in parts if part.strip()).lower()
    text = noise.abbreviate(text, rng)
    text = noise.strip_accents(text) if rng.random() < 0.7 else noise.drop_some_accents(text, rng)
    if rng.random() < 0.6:
        text = noise.drop_punctuation(text)
    return noise.typos(text, rng, rate=0.07)


def _finish(text: str, rng: random.Random) -> str:
    """The mistakes anyone makes, in any way of writing."""
    if rng.random() < 0.15:
        text = noise.homophone_slip(text, rng)
    if rng.random() < 0.1:
        text = noise.participle_slip(text, rng)
    roll = rng.random()
    if roll < 0.1:
        text = noise.strip_accents(text)
    elif roll < 0.22:
        text = noise.drop_some_accents(text, rng)
    if rng.random() < 0.08:
        text = text.lower()
    if rng.random() < 0.1:
        text = noise.abbreviate(text, rng, rate=0.5)
    return noise.typos(text, rng, rate=0.025)
