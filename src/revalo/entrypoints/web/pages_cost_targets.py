"""The cost targets on the pages: the form that sets and removes them (on the costs page),
and the targets of the period with the missed ones flagged (on the costs page and the
dashboard). The same use cases as the API's."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from fastapi import APIRouter, Request, Response

from revalo.domain.cost_targets import TargetMetric, TargetScope
from revalo.domain.people import Permission, User
from revalo.entrypoints.api.deps import CurrentUser, UowDep, need
from revalo.entrypoints.web import forms
from revalo.entrypoints.web.attempts import attempt
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.render import WebRoute, redirect
from revalo.services import cost_targets
from revalo.services.ports import UnitOfWork

router = APIRouter(route_class=WebRoute, include_in_schema=False)
BACK = "/costs#targets"


def targets_context(
    uow: UnitOfWork,
    user: User,
    *,
    first: date | None = None,
    last: date | None = None,
    days: int | None = None,
    client: str | None = None,
) -> dict[str, object]:
    """The targets and the period's figures, for a user who may see the costs."""
    if not user.can(Permission.VIEW_COSTS):
        return {"targets": None}
    checks = cost_targets.check_targets(
        uow, by=user, first=first, last=last, days=days, client_code=client
    )
    return {
        "targets": checks,
        "metrics": [m.value for m in TargetMetric],
        "scopes": [s.value for s in TargetScope],
        "may_set_targets": user.can(Permission.SET_COST_TARGETS),
    }


def _attempt(request: Request, run: Callable[[], object], key: str) -> Response:
    return attempt(request, BACK, run, key)


def _fields(form: forms.PostedForm) -> tuple[dict[str, str], Errors, str, str, str]:
    data, errors = forms.fields(form), Errors()
    metric = forms.one_of(data, "metric", errors, [m.value for m in TargetMetric], "")
    scope = forms.one_of(data, "scope", errors, [s.value for s in TargetScope], "all")
    code = forms.text(data, "code", errors, max_length=40) or ""
    if not metric and "metric" not in errors:
        errors.say("metric", "costs.targets.metric_needed")
    return data, errors, metric, scope, code


@router.post("/costs/targets", dependencies=[need(Permission.SET_COST_TARGETS)])
def set_form(request: Request, form: forms.PostedForm, uow: UowDep, user: CurrentUser) -> Response:
    data, errors, metric, scope, code = _fields(form)
    value = forms.amount(data, "value", errors, high=Decimal("1000000"))
    if value is None and "value" not in errors:
        errors.say("value", "costs.targets.value_needed")
    if errors or value is None:
        return redirect(BACK, flash="; ".join(errors.values()))
    return _attempt(
        request,
        lambda: cost_targets.set_target(
            uow, metric=metric, scope=scope, code=code, value=value, by=user
        ),
        "costs.targets.set_flash",
    )


@router.post("/costs/targets/remove", dependencies=[need(Permission.SET_COST_TARGETS)])
def remove_form(
    request: Request, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    _, errors, metric, scope, code = _fields(form)
    if errors:
        return redirect(BACK, flash="; ".join(errors.values()))
    return _attempt(
        request,
        lambda: cost_targets.remove_target(uow, metric=metric, scope=scope, code=code, by=user),
        "costs.targets.removed_flash",
    )
