"""Routings of regions to hubs: a network plan's ``hub_of`` in, the routings out."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import Field

from revalo.domain.routing import MAX_NOTE, MAX_RULES
from revalo.entrypoints.api.schemas.base import Input, Public


class RoutingCreate(Input):
    valid_from: date = Field(description="the first day its returns follow it (today or later)")
    hub_of: dict[str, str] = Field(
        max_length=MAX_RULES,
        description="the hub of each region, as a network plan's scenario gives it",
        examples=[{"Lyon (FR)": "HUB-FR", "Bruxelles (BE)": "HUB-FR"}],
    )
    note: str = Field("", max_length=MAX_NOTE, description="which scenario, and why")


class RoutingPublic(Public):
    id: int
    valid_from: date
    note: str
    adopted_by: str
    adopted_at: datetime
    regions: int = Field(description="how many regions it names")
    hub_of: dict[str, str] = Field(
        default_factory=dict, description="the hub of each region (in force: all of them)"
    )


class RoutingInForcePublic(Public):
    day: date
    routing: RoutingPublic | None = Field(
        description="the routing in force that day (null: every return goes to its nearest hub)"
    )


class RoutingsPublic(Public):
    data: list[RoutingPublic]
    count: int
