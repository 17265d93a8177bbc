"""A person's override of a batch's plan for one unit: another route (with its destination
site and resale channel where it needs them) than the engine's, and why. Written
``LPN=ROUTE[@SITE][:CHANNEL]`` on the command line; a route choice alone
(``ROUTE[@SITE][:CHANNEL]``) is what the pages offer for a unit."""

from __future__ import annotations

from dataclasses import dataclass

from revalo.domain.disposition import DispositionRoute
from revalo.domain.errors import InvalidValue


@dataclass(frozen=True, slots=True)
class BatchOverride:
    lpn: str
    route: DispositionRoute
    destination: str | None
    channel: str | None
    reason: str

    @property
    def choice(self) -> str:
        return choice_text(self.route.value, self.destination, self.channel)


def choice_text(route: str, destination: str | None, channel: str | None) -> str:
    """``ROUTE[@SITE][:CHANNEL]``."""
    return route + (f"@{destination}" if destination else "") + (f":{channel}" if channel else "")


def parse_choice(lpn: str, text: str, reason: str) -> BatchOverride:
    """The override of unit ``lpn`` by the choice ``ROUTE[@SITE][:CHANNEL]``."""
    if not reason.strip():
        raise InvalidValue(f"the override of {lpn} needs a reason", field="reason")
    rest, _, channel = text.strip().partition(":")
    route, _, site = rest.partition("@")
    try:
        chosen = DispositionRoute(route.strip().lower())
    except ValueError:
        routes = ", ".join(r.value for r in DispositionRoute)
        raise InvalidValue(
            f"the override of {lpn}: unknown route {route.strip() or '(none)'}; one of {routes}",
            field="overrides",
        ) from None
    return BatchOverride(
        lpn, chosen, site.strip().upper() or None, channel.strip() or None, reason.strip()
    )


def parse_override(text: str, reason: str) -> BatchOverride:
    """``LPN=ROUTE[@SITE][:CHANNEL]``, with the person's reason."""
    lpn, sep, rest = text.partition("=")
    if not sep or not lpn.strip() or not rest.strip():
        raise InvalidValue(
            f"override {text}: write LPN=ROUTE[@SITE][:CHANNEL], e.g. LPN-1=repair@REP-1",
            field="overrides",
        )
    return parse_choice(lpn.strip(), rest, reason)
