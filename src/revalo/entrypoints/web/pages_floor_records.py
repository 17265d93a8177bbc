"""The floor's records as pages: the cycle counts (plan a count, the counts awaiting
approval with their differences, approve or reject them, the accuracy per site), the
counter's scan on the handheld, and the safety records (each site's days since its last
lost-time accident and incidents per 1,000 hours, the incidents and briefings, the forms to
record them). The same use cases as the API's."""

from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from revalo.adapters.barcodes import read_scan
from revalo.domain.errors import DomainError, NotFound, PermissionDenied
from revalo.domain.floor.counts import CountState, Period
from revalo.domain.floor.safety import IncidentKind, Severity
from revalo.domain.people import Permission
from revalo.domain.values import utcnow
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.web import forms
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.i18n import translator
from revalo.entrypoints.web.pages_station import stock_sites
from revalo.entrypoints.web.render import WebRoute, language, page, redirect
from revalo.entrypoints.web.system_texts import in_language
from revalo.services.floor import counts, safety

router = APIRouter(route_class=WebRoute, include_in_schema=False)
#: The safety page's period: the last 90 days.
DAYS = 90


def _refused(request: Request, back: str, exc: DomainError) -> Response:
    return redirect(back, flash=in_language(exc.message, language(request)))


# -- cycle counts ------------------------------------------------------------------------------
@router.get(
    "/floor/counts", dependencies=[need(Permission.VIEW_FLOOR)], response_class=HTMLResponse
)
def counts_page(request: Request, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """The counts awaiting approval and the latest, and the accuracy per site by month."""
    ctx = {
        "awaiting": counts.counts(uow, by=user, state=CountState.AWAITING_APPROVAL),
        "latest": counts.counts(uow, by=user, limit=30),
        "accuracy": counts.count_accuracy(uow, by=user, period=Period.MONTH),
        "may_plan": user.can(Permission.ASSIGN_TASKS),
        "may_approve": user.can(Permission.APPROVE_COUNTS),
        "errors": Errors(),
    }
    return page(request, "floor_counts.html", ctx, nav="floor")


@router.post(
    "/floor/counts/plan", dependencies=[need(Permission.ASSIGN_TASKS)], response_model=None
)
def plan_form(request: Request, form: forms.PostedForm, uow: UowDep, user: CurrentUser) -> Response:
    data, errors = forms.fields(form), Errors()
    code = forms.text(data, "bin_code", errors, max_length=80, required=True)
    if errors:
        return redirect("/floor/counts", flash="; ".join(errors.values()))
    try:
        task = counts.plan_count(uow, code, by=user)
    except PermissionDenied:
        raise
    except DomainError as exc:
        return _refused(request, "/floor/counts", exc)
    t = translator(language(request))
    return redirect("/floor/counts", flash=t("counts.planned_flash", id=task.id, bin=task.bin_code))


@router.post(
    "/floor/counts/{count_id}/approve",
    dependencies=[need(Permission.APPROVE_COUNTS)],
    response_model=None,
)
def approve_form(
    request: Request, count_id: int, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    data, errors = forms.fields(form), Errors()
    note = forms.text(data, "note", errors, max_length=2000)
    rejected = [int(v) for v in form.getlist("reject") if isinstance(v, str) and v.isdigit()]
    if errors:
        return redirect("/floor/counts", flash="; ".join(errors.values()))
    try:
        done = counts.approve_count(uow, count_id, by=user, rejected=rejected, note=note)
    except (PermissionDenied, NotFound):
        raise
    except DomainError as exc:
        return _refused(request, "/floor/counts", exc)
    t = translator(language(request))
    return redirect("/floor/counts", flash=t("counts.decided_flash", id=done.id, bin=done.bin_code))


@router.post(
    "/handheld/count/{task_id}", dependencies=[need(Permission.DO_TASKS)], response_model=None
)
def count_form(
    request: Request, task_id: int, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    """The counter's scans, one a line (none: the bin is empty)."""
    data, errors = forms.fields(form), Errors()
    raw = forms.text(data, "scans", errors, max_length=200_000)
    if errors:
        return redirect("/handheld", flash="; ".join(errors.values()))
    try:
        done = counts.submit_count(
            uow, task_id, [read_scan(line) for line in raw.splitlines()], by=user
        )
    except (PermissionDenied, NotFound):
        raise
    except DomainError as exc:
        return _refused(request, "/handheld", exc)
    t = translator(language(request))
    key = "counts.matched_flash" if done.state is CountState.MATCHED else "counts.differs_flash"
    return redirect("/handheld", flash=t(key, bin=done.bin_code, n=len(done.adjustments)))


# -- safety records ----------------------------------------------------------------------------
@router.get(
    "/floor/safety", dependencies=[need(Permission.VIEW_FLOOR)], response_class=HTMLResponse
)
def safety_page(request: Request, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """Each stock-holding site's safety figures over the last 90 days, the incidents and
    briefings, and the forms to record them."""
    end = utcnow().date()
    start = end - timedelta(days=DAYS - 1)
    sites = stock_sites(uow, user)
    figures = [
        safety.safety_figures(uow, by=user, site_code=s.code, start=start, end=end) for s in sites
    ]
    ctx = {
        "figures": [f for f in figures if f.hours.hours or f.incidents or f.near_misses],
        "incidents": safety.incidents(uow, by=user, start=start, end=end)[:50],
        "briefings": safety.briefings(uow, by=user, start=start, end=end)[:30],
        "sites": sites,
        "kinds": list(IncidentKind),
        "severities": list(Severity),
        "days": DAYS,
        "today": end,
        "may_record": user.can(Permission.RECORD_SAFETY),
        "errors": Errors(),
    }
    return page(request, "floor_safety.html", ctx, nav="floor")


@router.post(
    "/floor/safety/incidents", dependencies=[need(Permission.RECORD_SAFETY)], response_model=None
)
def incident_form(
    request: Request, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    data, errors = forms.fields(form), Errors()
    site = forms.code(data, "site", errors) or ""
    on = forms.day(data, "occurred_on", errors)
    kind = forms.choice(data, "kind", errors, IncidentKind, required=True)
    severity = forms.choice(data, "severity", errors, Severity, required=True)
    description = forms.text(data, "description", errors, max_length=2000, required=True)
    action = forms.text(data, "action_taken", errors, max_length=2000, required=True)
    where = forms.text(data, "bin_code", errors, max_length=80)
    equipment = forms.text(data, "equipment", errors, max_length=60)
    people = forms.text(data, "people", errors, max_length=2000)
    lost = forms.integer(data, "lost_days", errors, low=0, high=366, default=0)
    if on is None and "occurred_on" not in errors:
        errors.say("occurred_on", "form.required", what="occurred_on")
    if errors or on is None or kind is None or severity is None or lost is None:
        return redirect("/floor/safety", flash="; ".join(errors.values()))
    try:
        safety.record_incident(
            uow,
            site_code=site,
            occurred_at=on + timedelta(hours=12) if on.date() < utcnow().date() else utcnow(),
            kind=kind,
            severity=severity,
            description=description,
            action_taken=action,
            bin_code=where,
            equipment=equipment,
            people=[p for p in people.replace(",", " ").split() if p],
            lost_days=lost,
            by=user,
        )
    except PermissionDenied:
        raise
    except DomainError as exc:
        return _refused(request, "/floor/safety", exc)
    t = translator(language(request))
    return redirect("/floor/safety", flash=t("safety.incident_flash", site=site))


@router.post(
    "/floor/safety/briefings", dependencies=[need(Permission.RECORD_SAFETY)], response_model=None
)
def briefing_form(
    request: Request, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    data, errors = forms.fields(form), Errors()
    site = forms.code(data, "site", errors) or ""
    topic = forms.text(data, "topic", errors, max_length=200, required=True)
    attendees = forms.text(data, "attendees", errors, max_length=4000, required=True)
    minutes = forms.integer(data, "minutes", errors, low=1, high=480, default=15)
    if errors or minutes is None:
        return redirect("/floor/safety", flash="; ".join(errors.values()))
    try:
        safety.record_briefing(
            uow,
            site_code=site,
            held_at=utcnow(),
            topic=topic,
            attendees=[a for a in attendees.replace(",", " ").split() if a],
            minutes=minutes,
            by=user,
        )
    except PermissionDenied:
        raise
    except DomainError as exc:
        return _refused(request, "/floor/safety", exc)
    t = translator(language(request))
    return redirect("/floor/safety", flash=t("safety.briefing_flash", site=site))
