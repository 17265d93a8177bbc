"""The capacity plan on the pages: each site's weeks (hours per skill, storage places) and
each channel's weekly demand per category (price steps), what the current week has left,
and for a manager who may plan, the forms that set a new version. The same use cases as
the API's."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from revalo.domain.capacity_plans import SKILLS, monday_of
from revalo.domain.people import Permission
from revalo.engines.disposition import load_params
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.web import forms
from revalo.entrypoints.web.attempts import attempt
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.render import WebRoute, page, redirect
from revalo.services import capacity_plans
from revalo.services.capacity_left import week_left

router = APIRouter(route_class=WebRoute, include_in_schema=False)
BACK = "/capacities"


@router.get(
    "/capacities", dependencies=[need(Permission.VIEW_DECISIONS)], response_class=HTMLResponse
)
def capacities_page(request: Request, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """The plan's latest versions of one week (``week``: any day of it; this week by
    default), and what this week has left."""
    errors = Errors()
    asked = forms.day(dict(request.query_params), "week", errors)
    now = datetime.now(UTC)
    this_week = monday_of(now.date())
    week = monday_of(asked.date()) if asked else this_week
    plan = capacity_plans.list_plan(uow, by=user, week=week)
    with uow:
        left = week_left(uow, now, load_params())
    sites = []
    for c in plan.capacities:
        now_left = left.hours.get(c.site_code, {}) if c.week == this_week else {}
        cells = [(c.hours.get(k), now_left.get(k) if k in c.hours else None) for k in SKILLS]
        sites.append({"capacity": c, "cells": cells})
    demands = []
    for d in plan.demands:
        curve = left.demand.get(d.channel, {}).get(d.category) if d.week == this_week else None
        demands.append({"demand": d, "left": curve.volume if curve is not None else None})
    return page(
        request,
        "capacities.html",
        {
            "sites": sites,
            "demands": demands,
            "this_week": this_week,
            "week": week,
            "before": week - timedelta(days=7),
            "after": week + timedelta(days=7),
            "errors": errors,
            "skills": [k.value for k in SKILLS],
            "may_plan": user.can(Permission.PLAN_CAPACITIES),
        },
        nav="capacities",
        status=422 if errors else 200,
    )


def _attempt(request: Request, run: Callable[[], object]) -> Response:
    return attempt(request, BACK, run, "capacities.set_flash")


@router.post("/capacities", dependencies=[need(Permission.PLAN_CAPACITIES)])
def set_capacity_form(
    request: Request, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    data, errors = forms.fields(form), Errors()
    site = forms.code(data, "site", errors) or ""
    week = forms.day(data, "week", errors)
    hours = {}
    for skill in SKILLS:
        raw = str(data.get(f"{skill.value}_hours", "") or "").strip().replace(",", ".")
        if raw:
            hours[skill.value] = raw
    places = forms.integer(data, "storage_places", errors, low=0, high=10_000_000)
    if week is None and "week" not in errors:
        errors.say("week", "form.required", what="week")
    if errors or week is None:
        return redirect(BACK, flash="; ".join(errors.values()))
    return _attempt(
        request,
        lambda: capacity_plans.set_capacity(
            uow, site_code=site, week=week.date(), hours=hours, storage_places=places, by=user
        ),
    )


@router.post("/capacities/demand", dependencies=[need(Permission.PLAN_CAPACITIES)])
def set_demand_form(
    request: Request, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    data, errors = forms.fields(form), Errors()
    channel = forms.code(data, "channel", errors) or ""
    category = forms.text(data, "category", errors, max_length=40, required=True)
    steps = forms.text(data, "steps", errors, max_length=200, required=True)
    week = forms.day(data, "week", errors)
    if week is None and "week" not in errors:
        errors.say("week", "form.required", what="week")
    if errors or week is None:
        return redirect(BACK, flash="; ".join(errors.values()))
    return _attempt(
        request,
        lambda: capacity_plans.set_demand(
            uow, channel=channel, category=category, week=week.date(), steps=steps, by=user
        ),
    )
