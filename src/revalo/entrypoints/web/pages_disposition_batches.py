"""Tonight's batch on the pages: the last preview or batch, its net recovery next to the
regret greedy, greedy and hierarchy-first baselines on the same units and limits, the use
of the limited resources (the most used as shares, with a bar each), the units held for
lack of capacity; the form that previews a new one and the button that commits the
preview. The same use cases as the API's."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, cast

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse

from revalo.domain.batch_overrides import BatchOverride, choice_text, parse_choice
from revalo.domain.disposition_batches import BatchState, PlannedDecision
from revalo.domain.errors import NotFound
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import AppDep, CurrentUser, ReadUowDep, need
from revalo.entrypoints.web import forms
from revalo.entrypoints.web.attempts import attempt
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.i18n import value_label
from revalo.entrypoints.web.render import WebRoute, language, page, redirect
from revalo.services import disposition_batches
from revalo.services.ports import BatchUnitOfWork

router = APIRouter(route_class=WebRoute, include_in_schema=False)
BACK = "/batch"
PLANS = ("optimiser", "regret_greedy", "greedy", "hierarchy_first")
#: A batch asked for by its number (``?id=N``).
BatchQuery = Annotated[int | None, Query(ge=1, le=2**62, description="the batch's number")]
#: A commit form's field naming another route for one unit: ``override.<LPN>``.
OVERRIDE = "override."


@router.get("/batch", dependencies=[need(Permission.VIEW_DECISIONS)], response_class=HTMLResponse)
def batch_page(
    request: Request, uow: ReadUowDep, user: CurrentUser, id: BatchQuery = None
) -> HTMLResponse:
    """The last batch previewed (or batch ``id``, e.g. the one a scheduled night's job
    made): the plans side by side, capacity use, the units held."""
    with uow:
        if id is None:
            batch = uow.disposition_batches.latest()
        else:
            batch = uow.disposition_batches.get(id)
            if batch is None:
                raise NotFound(f"no disposition batch {id}", field="id")
    lang = language(request)
    usage = _usage(batch.figures.get("usage", {})) if batch is not None else []
    changes = batch.figures.get("changes", []) if batch else []
    return page(
        request,
        "batch.html",
        {
            "batch": batch,
            "plans": PLANS,
            "held": [d for d in batch.plan if d.route is None] if batch else [],
            "decided": [d for d in batch.plan if d.route is not None] if batch else [],
            "usage": usage,
            "most_used": [u for u in usage if u.share is not None][:CHARTED],
            "changes": [c for c in changes if c["batch_id"] is not None],
            "new_units": sum(1 for c in changes if c["batch_id"] is None),
            "override_field": OVERRIDE,
            "choices": {d.lpn: _choices(d, lang) for d in batch.plan} if batch else {},
            "today": datetime.now(UTC).date().isoformat(),
            "may_decide": user.can(Permission.DECIDE_DISPOSITION),
            "open": batch is not None and batch.state is BatchState.PREVIEW,
        },
        nav="queue",
    )


#: The limits charted: the most used first.
CHARTED = 15


@dataclass(frozen=True, slots=True)
class Use:
    """A limited resource of the batch: what the plan uses of it, and the share in %."""

    name: str
    used: float
    limit: float

    @property
    def share(self) -> float | None:
        """% of the limit used; None when nothing was left of it for the batch (used up
        earlier in the week)."""
        return 100.0 * self.used / self.limit if self.limit > 0 else None


def _usage(figures: dict[str, list[float]]) -> list[Use]:
    """Each limit with its use, the most used (as a share of the limit) first, those with
    nothing left last: hours and units compare only as shares."""
    uses = [Use(name, float(used), float(limit)) for name, (used, limit) in figures.items()]
    return sorted(uses, key=lambda u: (u.share is None, -(u.share or 0.0), u.name))


def _choices(d: PlannedDecision, lang: str) -> list[tuple[str, str]]:
    """The routes offered for a unit other than its plan's, as a select shows them."""
    planned = choice_text(d.route, d.destination, d.channel) if d.route else None
    shown = []
    for choice, _net in d.offered:
        if choice == planned:
            continue
        rest, _, channel = choice.partition(":")
        route, _, site = rest.partition("@")
        label = value_label(route, lang=lang) + (f" → {site}" if site else "")
        shown.append((choice, label + (f" ({channel})" if channel else "")))
    return shown


def _attempt(request: Request, run: Callable[[], object], key: str) -> Response:
    return attempt(request, BACK, run, key)


@router.post("/batch/preview", dependencies=[need(Permission.DECIDE_DISPOSITION)])
def preview_form(
    request: Request, form: forms.PostedForm, app: AppDep, user: CurrentUser
) -> Response:
    data, errors = forms.fields(form), Errors()
    day = forms.day(data, "date", errors)
    site = forms.code(data, "site", errors) or None
    if day is None and "date" not in errors:
        errors.say("date", "form.required", what="date")
    if errors or day is None:
        return redirect(BACK, flash="; ".join(errors.values()))
    uow = cast(BatchUnitOfWork, app.uow())
    return _attempt(
        request,
        lambda: disposition_batches.preview_batch(
            uow,
            by=user,
            day=day.date(),
            site_code=site,
            feedback_min_sales=app.settings.resale_feedback_min_sales,
        ),
        "batch.previewed",
    )


@router.post("/batch/commit", dependencies=[need(Permission.DECIDE_DISPOSITION)])
def commit_form(
    request: Request, form: forms.PostedForm, app: AppDep, user: CurrentUser
) -> Response:
    data, errors = forms.fields(form), Errors()
    batch_id = forms.integer(data, "batch_id", errors, low=1, high=2**62)
    if errors or batch_id is None:
        return redirect(BACK, flash="; ".join(errors.values()))
    uow = cast(BatchUnitOfWork, app.uow())
    reason = data.get("reason", "")
    return _attempt(
        request,
        lambda: disposition_batches.commit_batch(
            uow, batch_id, by=user, overrides=_overrides(data, reason)
        ),
        "batch.committed",
    )


def _overrides(data: dict[str, str], reason: str) -> list[BatchOverride]:
    """The units given another route than the plan's (a select left "as planned" is none)."""
    return [
        parse_choice(key.removeprefix(OVERRIDE), value, reason)
        for key, value in sorted(data.items())
        if key.startswith(OVERRIDE) and value.strip()
    ]
