"""Reading a page as a French reader does: its visible text (tooltips and labels of controls
included), less the data it shows (names, codes, what people typed), and the words of the
English catalogue left in it that are not French too."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path

import sqlalchemy as sa

from revalo import config
from revalo.bootstrap import App
from revalo.entrypoints.web.i18n import EN, FR, VALUES_EN, VALUES_FR
from revalo.entrypoints.web.system_texts import in_language

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
#: A word in capitals is a code (a fault code, a channel, a service, a country).
CODE = re.compile(r"[A-Z]{2,}")
#: Attributes a person reads: tooltips, the names of controls, hints in empty fields.
READ_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
#: Elements whose text is not for reading (or is a code, shown as one); an element marked
#: ``lang="en"`` holds the domain's own words, written in English only (its rules, the
#: engines' reasons), skipped too.
SKIPPED = {"script", "style", "code", "kbd"}
#: Words of the English labels that are names, codes or units in both languages.
PROPER = {
    "api",
    "authorization",
    "bearer",
    "co",
    "eur",
    "gtin",
    "iso",
    "km",
    "lpn",
    "pdf",
    "revalo",
    "rma",
    "sku",
    "sscc",
    "utc",
    "ctrl",
    "shift",
    "enter",
    "tab",
    "sn",
    "kg",
}


def words(texts: Iterable[str]) -> set[str]:
    return {w.lower() for text in texts for w in WORD.findall(text)}


def english_words() -> set[str]:
    """The words of the English catalogue that a French page has no reason to show: not in
    the French catalogue, not a name or a code."""
    english = words([*EN.values(), *VALUES_EN.values()])
    french = words([*FR.values(), *VALUES_FR.values()])
    return english - french - PROPER


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # translate="no": text that is not in any language (a scenario's TOML, a code).
        if tag in SKIPPED or ("lang", "en") in attrs or ("translate", "no") in attrs:
            self._skip.append(tag)
            return
        if self._skip:
            return
        for name, value in attrs:
            if name in READ_ATTRIBUTES and value:
                self.parts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if self._skip and self._skip[-1] == tag:
            self._skip.pop()

    def handle_data(self, data: str) -> None:
        if not self._skip and data.strip():
            self.parts.append(data)


def visible_text(page: str) -> list[str]:
    """The texts a person reads on the page, each on its own (a cell, a tooltip...)."""
    reader = _Reader()
    reader.feed(page)
    return reader.parts


#: Columns whose values are data: names, codes, what people typed.
DATA_COLUMNS = {
    "listings": ("buyer", "reserved_by", "withdrawn_reason"),
    "listing_prices": ("actor",),
    "audit_log": ("actor", "target"),
    "clients": ("code", "name"),
    "customers": ("code", "name", "country", "city", "email"),
    "sites": ("code", "name", "country", "city"),
    "users": ("login", "name", "client_code"),
    "api_tokens": ("name", "prefix"),
    "consignments": (
        "origin",
        "destination",
        "service_id",
        "carrier",
        "vehicle",
        "rma_number",
        "sscc",
    ),
    "locations": ("code",),
    "products": ("sku", "gtin", "name", "brand", "model"),
    "return_requests": ("number", "customer_code", "destination_site", "order_ref", "decided_by"),
    "return_lines": ("sku", "serial", "comment"),
    "units": ("lpn", "serial", "batch", "scanned_code"),
    "dispositions": ("actor",),
    "inspections": ("operator", "notes"),
    "work_orders": ("operator", "notes", "wipe_tool"),
    "unit_events": ("actor", "document"),
    "incidents": ("description", "action_taken"),
    "briefings": ("topic", "led_by"),
    "bin_counts": ("counter", "approver", "note"),
    "partner_terms": ("note", "set_by"),
    "partner_disputes": ("text", "settlement_note", "opened_by", "settled_by"),
    "donations": ("note", "acknowledged_by", "valued_by"),
    "count_adjustments": ("scanned",),
    "wiped_media": ("media_serial", "tool", "tool_version", "verification", "recorded_by"),
    "facility_certificates": ("number", "scope", "issuer", "recorded_by"),
    "service_notes": ("text", "written_by"),
    "policy_exceptions": ("reason", "authorised_by"),
    "outbox": ("subject", "recipient"),
    "surveys": ("comment",),
    "webhook_endpoints": ("url", "client_code"),
}


#: Columns that hold both what Revalo wrote (which the pages must show in French) and what
#: people typed (data): a value the pages do not recognise as Revalo's is a person's.
MIXED_COLUMNS = {
    "return_requests": ("decision_reason",),
    "units": ("quarantine_reason",),
    "dispositions": ("reason",),
    "unit_events": ("reason",),
    "consignments": ("reason",),
}


def _column(conn: sa.Connection, table: str, column: str) -> set[str]:
    rows = conn.execute(sa.text(f"select distinct {column} from {table}"))
    return {str(v).strip() for (v,) in rows if v is not None and str(v).strip()}


def carriers() -> set[str]:
    """The names of the carriers the configuration knows (shown in the quotes)."""
    cards = tomllib.loads((Path(config.__file__).parent / "carriers.toml").read_text())
    return {
        str(service["carrier"])
        for services in cards.values()
        if isinstance(services, list)
        for service in services
        if isinstance(service, dict) and "carrier" in service
    }


def channels() -> set[str]:
    """The sales channels' names, as the configuration has them (data, like a carrier's)."""
    table = tomllib.loads((Path(config.__file__).parent / "channels.toml").read_text())
    return {str(c["name"]) for c in table.get("channels", {}).values() if "name" in c}


def data_of(app: App) -> list[str]:
    """Every value of the data columns, and what people typed in the mixed ones, longest
    first."""
    found: set[str] = carriers() | channels()
    with app.engine.connect() as conn:
        for table, columns in DATA_COLUMNS.items():
            for column in columns:
                found |= _column(conn, table, column)
        for table, columns in MIXED_COLUMNS.items():
            for column in columns:
                found |= {v for v in _column(conn, table, column) if in_language(v, "fr") == v}
    return sorted(found, key=len, reverse=True)


class FrenchReader:
    """Finds the English words on a page, less the data of the application."""

    def __init__(self, data: Iterable[str]) -> None:
        self.english = english_words()
        shown = [re.escape(d) for d in data if len(d) >= 2]
        self._data = re.compile(r"(?<!\w)(?:" + "|".join(shown) + r")(?!\w)") if shown else None

    def english_on(self, page: str) -> list[tuple[str, str]]:
        """(word, the text it is in) for each English word left on the page."""
        found = []
        for text in visible_text(page):
            rest = self._data.sub(" ", text) if self._data else text
            for w in WORD.findall(CODE.sub(" ", rest)):
                if w.lower() in self.english:
                    found.append((w, text.strip()[:160]))
        return found
