"""Tonight's disposition batch: preview it (the optimiser's plan beside the baselines),
then commit the preview by its id."""

from __future__ import annotations

from typing import cast

from fastapi import APIRouter, Response, status

from revalo.domain.batch_overrides import choice_text, parse_choice
from revalo.domain.errors import InvalidValue, NotFound
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import AppDep, CurrentUser, ReadUowDep, need
from revalo.entrypoints.api.schemas.capacity_plans import BatchPublic, BatchRequest, batch_public
from revalo.entrypoints.api.types import RowId
from revalo.services import disposition_batches as service
from revalo.services.ports import BatchUnitOfWork

router = APIRouter(tags=["disposition"])


@router.post("/dispositions/batches", dependencies=[need(Permission.DECIDE_DISPOSITION)])
def batch(body: BatchRequest, app: AppDep, user: CurrentUser, response: Response) -> BatchPublic:
    """With ``date`` (and ``site``): a preview, stored (201) and nothing decided. With
    ``preview_id``: its commit, every decision at once, once (409 when committed already or
    when its units changed since); ``overrides`` put another route on some units, each
    checked as a manual decision (one refused refuses the commit, nothing written)."""
    uow = cast(BatchUnitOfWork, app.uow())
    if body.preview_id is not None:
        if body.date is not None or body.site is not None:
            raise InvalidValue("a commit names only its preview_id", field="preview_id")
        overrides = [
            parse_choice(o.lpn, choice_text(o.route, o.destination, o.channel), o.reason)
            for o in body.overrides
        ]
        done = service.commit_batch(uow, body.preview_id, by=user, overrides=overrides)
        return batch_public(done.batch, len(done.decided))
    if body.overrides:
        raise InvalidValue("overrides go with a commit's preview_id", field="overrides")
    if body.date is None:
        raise InvalidValue("give the batch's date to preview it, or a preview_id", field="date")
    made = service.preview_batch(
        uow,
        by=user,
        day=body.date,
        site_code=body.site,
        feedback_min_sales=app.settings.resale_feedback_min_sales,
    )
    response.status_code = status.HTTP_201_CREATED
    return batch_public(made)


@router.get("/dispositions/batches/{batch_id}", dependencies=[need(Permission.VIEW_DECISIONS)])
def batch_detail(batch_id: RowId, uow: ReadUowDep, user: CurrentUser) -> BatchPublic:
    """A preview or a committed batch: its plan and the figures of the optimiser and the
    baselines."""
    with uow:
        found = uow.disposition_batches.get(batch_id)
    if found is None:
        raise NotFound(f"no disposition batch {batch_id}", field="batch_id")
    return batch_public(found)
