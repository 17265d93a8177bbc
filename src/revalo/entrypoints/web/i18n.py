"""The interface's labels in English and French, and the one lookup of them.

The catalogue is kept in modules by area of the pages (``i18n_common``, ``i18n_units``...):
each has its ``EN`` and ``FR`` labels by key, and may name the model's values
(``VALUES_EN``, ``VALUES_FR``: states, routes, reasons, kinds, keyed by the value the domain
stores). Here they are put together; ``translator`` and ``value_label`` look them up.

The language is the ``lang`` cookie's (set by the switch in the header), else the first of
the browser's Accept-Language that Revalo speaks, else English. What the domain says (an
error, a rule of law) is shown as the domain wrote it.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from types import ModuleType

from revalo.entrypoints.languages import preferred
from revalo.entrypoints.web import (
    i18n_access,
    i18n_assignment,
    i18n_audit,
    i18n_batch,
    i18n_bench,
    i18n_billing,
    i18n_capacities,
    i18n_carriers,
    i18n_certificates,
    i18n_common,
    i18n_compliance,
    i18n_consolidation,
    i18n_costs,
    i18n_deliveries,
    i18n_disputes,
    i18n_donations,
    i18n_epcis_schema,
    i18n_floor,
    i18n_floor_records,
    i18n_jobs,
    i18n_labels,
    i18n_lots,
    i18n_messages,
    i18n_network,
    i18n_overview,
    i18n_partners,
    i18n_payments,
    i18n_people,
    i18n_portal,
    i18n_refunds,
    i18n_refusals,
    i18n_refusals_billing,
    i18n_refusals_capacities,
    i18n_refusals_config,
    i18n_refusals_costs,
    i18n_refusals_floor,
    i18n_refusals_jobs,
    i18n_refusals_labels,
    i18n_refusals_lots,
    i18n_refusals_portal,
    i18n_refusals_records,
    i18n_refusals_refunds,
    i18n_refusals_resale,
    i18n_refusals_service,
    i18n_refusals_services,
    i18n_resale,
    i18n_resales,
    i18n_returns,
    i18n_routing,
    i18n_service,
    i18n_texts,
    i18n_traceability,
    i18n_transport,
    i18n_units,
    i18n_values,
)

DEFAULT = "en"
COOKIE = "lang"
LANGUAGES: dict[str, str] = {"en": "English", "fr": "Français"}

#: The modules of the catalogue, one per area of the pages.
CATALOGUE: tuple[ModuleType, ...] = (
    i18n_common,
    i18n_overview,
    i18n_returns,
    i18n_units,
    i18n_transport,
    i18n_people,
    i18n_bench,
    i18n_floor,
    i18n_floor_records,
    i18n_jobs,
    i18n_traceability,
    i18n_epcis_schema,
    i18n_compliance,
    i18n_access,
    i18n_messages,
    i18n_texts,
    i18n_refusals,
    i18n_refusals_floor,
    i18n_refusals_records,
    i18n_refusals_jobs,
    i18n_refusals_services,
    i18n_consolidation,
    i18n_audit,
    i18n_labels,
    i18n_values,
    i18n_certificates,
    i18n_network,
    i18n_assignment,
    i18n_refunds,
    i18n_portal,
    i18n_refusals_refunds,
    i18n_refusals_labels,
    i18n_lots,
    i18n_refusals_lots,
    i18n_refusals_portal,
    i18n_costs,
    i18n_refusals_costs,
    i18n_resale,
    i18n_refusals_resale,
    i18n_billing,
    i18n_refusals_billing,
    i18n_service,
    i18n_refusals_service,
    i18n_capacities,
    i18n_refusals_capacities,
    i18n_refusals_config,
    i18n_batch,
    i18n_partners,
    i18n_disputes,
    i18n_donations,
    i18n_deliveries,
    i18n_resales,
    i18n_routing,
    i18n_carriers,
    i18n_payments,
)


def _gather(name: str) -> dict[str, str]:
    """One table of the catalogue's modules, put together; a key that two modules both
    define is a mistake, refused here rather than one silently hiding the other."""
    table: dict[str, str] = {}
    for module in CATALOGUE:
        part: dict[str, str] = getattr(module, name, {})
        twice = table.keys() & part.keys()
        if twice:
            raise ValueError(f"{module.__name__} defines {name} {sorted(twice)} again")
        table.update(part)
    return table


EN: dict[str, str] = _gather("EN")
FR: dict[str, str] = _gather("FR")
MESSAGES: dict[str, dict[str, str]] = {"en": EN, "fr": FR}
#: The names of the model's values, by language.
VALUES_EN: dict[str, str] = _gather("VALUES_EN")
VALUES_FR: dict[str, str] = _gather("VALUES_FR")
VALUES: dict[str, dict[str, str]] = {"en": VALUES_EN, "fr": VALUES_FR}

Translate = Callable[..., str]

#: The language of the page being rendered (set by ``render.page`` around the rendering).
current_language: ContextVar[str] = ContextVar("current_language", default=DEFAULT)


def value_label(value: object, *, lang: str | None = None) -> str:
    """A word of the model in ``lang`` (by default, the language of the page being
    rendered)."""
    text = str(getattr(value, "value", value))
    names = VALUES.get(lang or current_language.get(), VALUES_EN)
    return names.get(text) or VALUES_EN.get(text) or text.replace("_", " ")


def say(key: str, **values: object) -> str:
    """The label ``key`` in the language of the page being answered (a message after a
    change, a field's problem)."""
    return translator(current_language.get())(key, **values)


def named(prefix: str, name: str, *, lang: str | None = None, default: str | None = None) -> str:
    """The label ``prefix + name`` (a checklist item, a permission) in ``lang`` (by
    default, the page's), else ``default``, else the name itself with spaces."""
    key = prefix + name
    table = MESSAGES.get(lang or current_language.get(), EN)
    return table.get(key) or EN.get(key) or default or name.replace("_", " ")


def pick_language(cookie: str | None, accept_language: str | None) -> str:
    """The cookie's language if Revalo speaks it, else the browser's most preferred one
    that it speaks (by the ``q`` weights of Accept-Language), else English."""
    if cookie in MESSAGES:
        return cookie
    return preferred(accept_language, MESSAGES) or DEFAULT


def translator(lang: str) -> Translate:
    """``t(key, **values)``: the label in ``lang`` with its ``{placeholders}`` filled; an
    unknown key shows itself, so that a missing label is visible, never an error."""
    table = MESSAGES.get(lang, EN)

    def t(key: str, **values: object) -> str:
        text = table.get(key) or EN.get(key) or key
        return text.format(**values) if values else text

    return t
