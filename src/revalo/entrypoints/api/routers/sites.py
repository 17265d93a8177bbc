"""Sites of the network (hubs, repair centres, recyclers...) and their locations."""

from typing import Annotated

from fastapi import APIRouter, Query, status
from pydantic import Field

from revalo.domain.catalog import Site, SiteKind
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.api.schemas import (
    LocationPublic,
    SiteCreate,
    SiteDetailPublic,
    SitePublic,
    SitesPublic,
)
from revalo.entrypoints.api.schemas.base import Input
from revalo.entrypoints.api.types import Limit, Offset, SiteCodePath
from revalo.services import catalog, lookups, queries

router = APIRouter(prefix="/sites", tags=["sites"])


@router.post("", dependencies=[need(Permission.MANAGE_SITES)], status_code=status.HTTP_201_CREATED)
def create_site(body: SiteCreate, uow: UowDep, user: CurrentUser) -> SitePublic:
    """Add a site; a site that holds stock gets its standard locations."""
    return SitePublic.model_validate(catalog.add_site(uow, Site(**body.model_dump()), by=user))


class SiretSet(Input):
    siret: Annotated[str, Field(max_length=20, description="14 digits; empty removes it")]


@router.put("/{code}/siret", dependencies=[need(Permission.MANAGE_SITES)])
def set_siret(code: SiteCodePath, body: SiretSet, uow: UowDep, user: CurrentUser) -> SitePublic:
    """Name a French site by its SIRET on the waste-tracking slips (checked: 14 digits and
    their check digit)."""
    return SitePublic.model_validate(catalog.set_site_siret(uow, code, body.siret, by=user))


@router.get("", dependencies=[need(Permission.VIEW_CATALOGUE)])
def list_sites(
    uow: ReadUowDep,
    kind: Annotated[SiteKind | None, Query()] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> SitesPublic:
    """By country, then code; ``count`` is the number of sites over all pages."""
    sites = queries.list_sites(uow, kind)
    page = sites[offset : offset + limit]
    return SitesPublic(data=[SitePublic.model_validate(s) for s in page], count=len(sites))


@router.get("/{code}", dependencies=[need(Permission.VIEW_CATALOGUE)])
def get_site(code: SiteCodePath, uow: ReadUowDep) -> SiteDetailPublic:
    found = lookups.site_with_locations(uow, code)
    return SiteDetailPublic(
        **SitePublic.model_validate(found.site).model_dump(),
        locations=[LocationPublic.model_validate(loc) for loc in found.locations],
    )
