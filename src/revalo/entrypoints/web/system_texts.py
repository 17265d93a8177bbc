"""What Revalo itself wrote into a record, in the page's language.

The domain and the services write their own texts in English into what they record: an
event's reason ("graded B/A (functional/cosmetic)"), a quarantine's reason, the return
policy's answer, the engine's reason for a decision, a scan's outcome. Each such text has
its English wording in the catalogue (``i18n_texts``, the ``said.*`` keys); that wording is
read as a pattern, so that the text is recognised and written again in French, its values
(routes, states, amounts, days) named and formatted for the page. Anything else (what a
person typed) is shown as it was written.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache

from revalo.entrypoints.web import formats
from revalo.entrypoints.web.i18n import EN, translator, value_label
from revalo.entrypoints.wording import Wordings

#: What each placeholder of the English wording matches, and how it is written again.
_VALUE = r"[a-z_]+"
_MONEY = r"-?\d+(?:\.\d+)? EUR"
_DAY = r"\d{4}-\d\d-\d\d"
_WHOLE = r"\d+"
_DECIMAL = r"-?\d+\.\d+"
#: A change of an amount, signed, in whole euros with thousands separators ("+1,234 EUR").
_DELTA = r"[+-][\d,]+ EUR"
#: Placeholders holding a text of Revalo's own, recognised in turn.
_NESTED = (
    "why",
    "what",
    "where",
    "service",
    "owner",
    "other",
    "place",
    "site",
    "span",
    "problem",
    "spot",
)
#: A configuration file, as its problems name it: a name with an extension and no space,
#: or any path of a TOML file (a Windows one with its drive).
_CONFIG = r"(?:[A-Za-z]:)?(?:[^\s:]+\.\w+|[^:\n]*?\.toml)"
#: Placeholders holding a word of the model (a role, a state), and lists of them.
_WORDS = ("target", "again", "role", "doing")
_LISTS = ("roles", "states", "kinds", "counts")
#: A consolidated load: its groups of units joined by " + ".
_LOAD = " + "
#: What a permission allows, as the permission table says it (its English is the domain's
#: description).
_PERMISSION = "perm."
_MATCH: dict[str, str] = {
    "kind": _VALUE,
    "route": _VALUE,
    "state": _VALUE,
    "reason": r"[a-z_ ]+",
    "price": _MONEY,
    "amount": _MONEY,
    "value": _MONEY,
    "limit": _MONEY,
    "net": _MONEY,
    "f": "[A-D]",
    "c": "[A-D]",
    "end": _DAY,
    "by": _DAY,
    "days": _WHOLE,
    "after": _WHOLE,
    "line": _WHOLE,
    "n": _WHOLE,
    "cheaper": _WHOLE,
    "co2": _DECIMAL,
    "score": _DECIMAL,
    "cost": _MONEY,
    "channel": r"\S+",
    "id": r"\S+",
    "vehicle": r"\S+",
    "hub": r"\S+",
    "rma": r"\S+",
    "lpn": r"\S+",
    "hours": r"\d+(?:\.\d+)?",
    "country": "[A-Z]{2}",
    "category": _VALUE,
    "weee": _WHOLE,
    "target": _VALUE,
    "again": _VALUE,
    "role": _VALUE,
    "doing": r"[a-z ]+",
    "roles": r"[a-z_]+(?:, [a-z_]+)*",
    "states": r"[a-z_]+(?:, [a-z_]+)*",
    "kinds": r"[a-z_ -]+(?:, [a-z_ -]+)*",
    "load": r"[^;]+",
    "person": r"[^;]+",
    "a": r"\d+(?:\.\d+)?",
    "b": r"\d+(?:\.\d+)?",
    "from_code": r"\S+",
    "to_code": r"\S+",
    "delta": _DELTA,
    "config": _CONFIG,
    # A line of a file and a key in it ("parcel[0].zone[1].prices"), kept as they are
    # written (no thousands separator).
    "lineno": "[0-9]+",
    "dotted": r"[^\s:]+",
    # A setting's name: a word, so that what comes before it is all its place ("policy.toml:
    # [default]: withdrawal_days must be...").
    "setting": r"\w+",
    # The values that open a configuration file's problem, held to their form so that the
    # file, line and key before them are not taken for a part of them: a value as Python
    # writes it ('FR-BE', 12), a time of day, a weight.
    "item": r"'[^']*'|\"[^\"]*\"|[^\s:]+",
    "clock": r"\d+:\d\d",
    "weight": r"\d[\d.e+]*",
    # A place in an EPCIS document ("epcisBody/eventList/0/eventTime"), or the whole of it:
    # no colon, so that a configuration file's "FILE:LINE: key" is never taken for one.
    "spot": r"\([^)]+\)|[^\s:]+",
}
#: Placeholders holding several texts of Revalo's own joined by "; ", each recognised.
_PARTS = ("events",)
#: Texts that join several answers (the return policy's, one per line).
_JOIN = "; "
_JOINED = {"en": "; ", "fr": " ; "}
#: The wordings of the engine's options, apart: "{route}" alone would match any word.
_OPTIONS = "said.option"


@lru_cache(maxsize=2)
def _wordings(options: bool) -> Wordings:
    """The catalogue's wordings: of the engine's options, or of everything else."""
    said = {
        k: v for k, v in EN.items() if k.startswith("said.") and k.startswith(_OPTIONS) is options
    }
    return Wordings(said, _MATCH)


def _money(text: str, lang: str) -> str:
    return formats.money(Decimal(text.removesuffix(" EUR")), lang=lang)


def _shown(name: str, raw: str, lang: str) -> str:
    """A recognised text's value, written again for the page."""
    if _MATCH.get(name) in (_VALUE, r"[a-z_ ]+") or name in _WORDS:
        return value_label(raw.replace(" ", "_"), lang=lang)
    if name in _LISTS:
        return ", ".join(
            value_label(v, lang=lang) if v.isidentifier() else in_language(v, lang)
            for v in raw.split(", ")
        )
    if name == "load":
        return _LOAD.join(in_language(part, lang) for part in raw.split(_LOAD))
    if name == "refused":
        return _JOINED.get(lang, _JOIN).join(_refused(r, lang) for r in raw.split(_JOIN))
    if name in _PARTS:
        return _JOINED.get(lang, _JOIN).join(in_language(r, lang) for r in raw.split(_JOIN))
    if name == "does":
        return _permission(raw, lang)
    if _MATCH.get(name) == _MONEY:
        return _money(raw, lang)
    if _MATCH.get(name) == _DELTA:
        sign = "+" if raw.startswith("+") else ""
        return sign + _money(raw.replace(",", "").lstrip("+"), lang)
    if _MATCH.get(name) == _DAY:
        return formats.day(date.fromisoformat(raw), lang=lang)
    if _MATCH.get(name) == _WHOLE:
        return formats.number(int(raw), lang=lang)
    if _MATCH.get(name) == _DECIMAL:
        return formats.number(Decimal(raw), len(raw.partition(".")[2]), lang=lang)
    if name == "option":
        return option_label(raw, lang)
    if name in _NESTED:
        return in_language(raw, lang)
    return raw


def _refused(text: str, lang: str) -> str:
    """One service's refusal: its code, then why ("PARCEL parcel 1 weighs 31 kg...")."""
    service, _, why = text.partition(" ")
    return f"{service} {in_language(why, lang)}"


@lru_cache(maxsize=1)
def _permissions() -> dict[str, str]:
    """The permissions' keys by their English description."""
    return {v: k for k, v in EN.items() if k.startswith(_PERMISSION)}


def _permission(description: str, lang: str) -> str:
    key = _permissions().get(description)
    return translator(lang)(key) if key else description


def _rewrite(text: str, lang: str, wordings: Wordings) -> str | None:
    found = wordings.find(text)
    if found is None:
        return None
    values = {k: _shown(k, v, lang) for k, v in found.values.items()}
    return translator(lang)(found.key, **values)


def in_language(text: str, lang: str) -> str:
    """``text`` in ``lang`` when Revalo wrote it (in English it stays as it was); a
    person's words as they are."""
    if lang == "en" or not text:
        return text
    whole = _rewrite(text.strip(), lang, _wordings(False))
    if whole is not None:
        return whole
    parts = text.split(_JOIN)
    if len(parts) > 1:
        again = [_rewrite(p.strip(), lang, _wordings(False)) for p in parts]
        if all(a is not None for a in again):
            return _JOINED.get(lang, _JOIN).join(a for a in again if a is not None)
    return text


def option_label(label: str, lang: str) -> str:
    """One of the engine's options ("repair at REP-FR on B2B-LOT": a route, the site that
    takes the unit, the channel that sells it) in ``lang``."""
    if lang == "en":
        return label
    return _rewrite(label.strip(), lang, _wordings(True)) or label


__all__ = ["in_language", "option_label"]
