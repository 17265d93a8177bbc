"""Routing rules: the returns hub each region's returns are authorised to, from a day on, as
a network plan chose them (``services.network_plan``: a scenario's hub of each region).

A region is a customers' city and its country, named as the network model names its demand
points ("Lyon (FR)"). A routing is adopted whole, from a day: the latest routing in force on
a day answers for the regions it names; a region it does not name goes to its nearest hub,
as before any routing. A routing never changes a return authorised already."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from revalo.domain.errors import InvalidValue

MAX_REGION = 120
MAX_NOTE = 300
#: The most regions one routing names (the network model's demand points are cities).
MAX_RULES = 20_000


def region_of(city: str, country: str) -> str:
    """The region of a customer's city: how the network model names its demand points."""
    return f"{city.strip()} ({country.strip().upper()})"


@dataclass(frozen=True, slots=True)
class Routing:
    """A routing adopted from ``valid_from``: the hub of each region it names."""

    valid_from: date
    note: str
    adopted_by: str
    adopted_at: datetime
    rules: Mapping[str, str] = field(default_factory=dict)
    id: int | None = None


def check_rules(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each region with its hub's code: a region named, at most ``MAX_REGION`` characters,
    sent to one hub only; at least one region, at most ``MAX_RULES``."""
    rules: dict[str, str] = {}
    for n, (raw_region, raw_hub) in enumerate(pairs, start=1):
        region, hub = raw_region.strip(), raw_hub.strip().upper()
        if not region or not hub:
            raise InvalidValue(f"rule {n}: give a region and its hub", field="rules")
        if len(region) > MAX_REGION:
            raise InvalidValue(
                f"rule {n}: a region's name has at most {MAX_REGION} characters", field="rules"
            )
        if rules.get(region, hub) != hub:
            raise InvalidValue(
                f"region {region} is routed to both {rules[region]} and {hub}: one hub a region",
                field="rules",
            )
        rules[region] = hub
        if len(rules) > MAX_RULES:
            raise InvalidValue(f"a routing names at most {MAX_RULES} regions", field="rules")
    if not rules:
        raise InvalidValue("a routing names at least one region and its hub", field="rules")
    return rules


def check_start(valid_from: date, today: date) -> date:
    """A routing applies to the returns authorised from today or a later day: the returns
    authorised already keep their hub."""
    if valid_from < today:
        raise InvalidValue(
            f"a routing applies from today ({today.isoformat()}) or a later day, not "
            f"{valid_from.isoformat()}",
            field="valid_from",
        )
    return valid_from


def check_note(note: str) -> str:
    text = note.strip()
    if len(text) > MAX_NOTE:
        raise InvalidValue(f"a note has at most {MAX_NOTE} characters", field="note")
    return text
