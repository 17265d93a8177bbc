"""The technician's bench: the work orders at the sites the user may see (a partner's own
only), the work still to do first; and one order's page, where it is started, its work
recorded as it goes (minutes, results, parts fitted) and finished, done or failed. A data
wipe is done with its certificate of sanitisation (NIST SP 800-88: method, tool,
verification) and the page then shows the certificate's number. The same use cases as the
API's; each form is offered in the state it applies to, to the roles that may."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse
from starlette.datastructures import FormData

from revalo.domain.certificates import MediaKind
from revalo.domain.errors import DomainError, NotFound, PermissionDenied
from revalo.domain.people import Permission, User
from revalo.domain.work_orders import (
    MAX_LABOUR_MINUTES,
    MAX_PART_QUANTITY,
    MAX_PART_REFERENCE,
    PartUsed,
    WipeMethod,
    WorkOrder,
    WorkOrderState,
)
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.api.errors import status_for
from revalo.entrypoints.web import forms
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.i18n import say, translator
from revalo.entrypoints.web.pages_station import stock_sites
from revalo.entrypoints.web.render import WebRoute, language, page, redirect
from revalo.services import bench, certificates, work_orders
from revalo.services.ports import UnitOfWork

router = APIRouter(route_class=WebRoute, include_in_schema=False)

#: The state filter: the work to do (open or in progress), one state, or every state.
TO_DO, EVERY = "todo", "all"
STATE_CHOICES = (TO_DO, *(s.value for s in WorkOrderState), EVERY)
#: Rows of parts the record form offers at once (record again for more), and the most
#: one record takes.
PART_ROWS, MAX_PARTS = 3, 50
PART_COLUMNS = {"reference": "reference", "quantity": "quantity", "cost": "cost of one"}
#: Highest cost of one part the form takes (EUR): a typing mistake above it.
MAX_PART_COST = Decimal("100000")
MAX_NOTES = 2000
OUTCOMES = ("done", "failed")
#: The fields the order's page shows an error next to; any other refusal is the form's.
SHOWN = frozenset(
    {"labour_minutes", "notes", "parts", "outcome", "wipe_method", "wipe_tool", "form"}
)
_ORDER_REF = re.compile(r"(?:WO)?(\d{1,12})", re.ASCII)


def _order_id(ref: str) -> int:
    """``WO00000012`` or ``12``; anything else names no work order."""
    m = _ORDER_REF.fullmatch(ref.strip().upper())
    if m is None:
        raise NotFound(f"no work order {ref[:20]!r}", field="order_id")
    return int(m.group(1))


def order_id_of(ref: str) -> int:
    """The work order's number typed in a path (another page's form)."""
    return _order_id(ref)


def _states(choice: str) -> frozenset[WorkOrderState] | None:
    if choice == TO_DO:
        return bench.TO_DO
    return None if choice == EVERY else frozenset({WorkOrderState(choice)})


@router.get("/bench", dependencies=[need(Permission.VIEW_WORK_ORDERS)], response_class=HTMLResponse)
def bench_page(request: Request, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """The work orders at the user's sites (or one of them), oldest first."""
    q, errors = request.query_params, Errors()
    site = forms.code(q, "site", errors)
    state = forms.one_of(q, "state", errors, STATE_CHOICES, TO_DO)
    number, per = forms.page_number(q, errors), forms.PER_PAGE
    result = bench.bench_orders(
        uow, by=user, site_code=site, states=_states(state), limit=per, offset=(number - 1) * per
    )
    ctx = {
        "rows": result.items,
        "total": result.total,
        "page_no": number,
        "pages": forms.page_count(result.total),
        "errors": errors,
        "site": site or "",
        "sites": stock_sites(uow, user),
        "state": state,
        "states": STATE_CHOICES,
    }
    return page(request, "bench.html", ctx, nav="bench")


def _order_page(
    request: Request,
    uow: UnitOfWork,
    user: User,
    ref: str,
    *,
    form: str = "",
    errors: Errors | None = None,
    values: Mapping[str, Any] | None = None,
    status: int = 200,
) -> HTMLResponse:
    """The order's page; after a refused form, with its errors and what was typed in it."""
    row = bench.bench_order(uow, _order_id(ref), by=user)
    ctx = {
        "o": row.order,
        "u": row.unit,
        "product": row.product,
        "inspection": row.inspection,
        "form": form,
        "errors": errors or Errors(),
        "values": values or {},
        "methods": [m.value for m in WipeMethod],
        "part_rows": PART_ROWS,
        "max_minutes": MAX_LABOUR_MINUTES,
        "media": certificates.order_media(uow, row.order.id, by=user),
        "media_kinds": [k.value for k in MediaKind],
    }
    return page(request, "bench_order.html", ctx, status=status, nav="bench")


def order_page_with(
    request: Request,
    uow: UnitOfWork,
    user: User,
    ref: str,
    form: str,
    errors: Errors,
    values: Mapping[str, Any],
) -> HTMLResponse:
    """The order's page after another module's form was refused, with its errors."""
    return _order_page(request, uow, user, ref, form=form, errors=errors, values=values, status=422)


@router.get(
    "/bench/{order_id}",
    dependencies=[need(Permission.VIEW_WORK_ORDERS)],
    response_class=HTMLResponse,
)
def order_page(request: Request, order_id: str, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """One work order with its unit, and what may be done on it now."""
    return _order_page(request, uow, user, order_id)


def _refused(
    request: Request,
    uow: UnitOfWork,
    user: User,
    ref: str,
    form: str,
    values: Mapping[str, Any],
    exc: DomainError,
) -> HTMLResponse:
    """A refusal of the domain, shown next to the field it concerns. A refusal of the user,
    or an order that does not exist, is the error page's."""
    if isinstance(exc, PermissionDenied | NotFound):
        raise exc
    errors = Errors()
    errors.add(exc.field if exc.field in SHOWN else "form", exc.message)
    status = 422 if exc.field in SHOWN else status_for(exc)
    return _order_page(
        request, uow, user, ref, form=form, errors=errors, values=values, status=status
    )


def _done(request: Request, order: WorkOrder, key: str) -> Response:
    t = translator(language(request))
    message = t(key, number=order.number, certificate=order.wipe_certificate or "")
    return redirect(f"/bench/{order.number}", flash=message)


@router.post(
    "/bench/{order_id}/start",
    dependencies=[need(Permission.START_WORK_ORDER)],
    response_model=None,
)
def start_form(request: Request, order_id: str, uow: UowDep, user: CurrentUser) -> Response:
    """Start the work: the unit moves to work in progress, the user is its technician."""
    try:
        order = work_orders.start_work_order(uow, _order_id(order_id), by=user)
    except DomainError as exc:
        return _refused(request, uow, user, order_id, "start", {}, exc)
    return _done(request, order, "bench.started_flash")


def _sitting(data: Mapping[str, str], errors: Errors) -> tuple[int, str]:
    """The minutes worked (none: 0) and the results typed, of a record or a finish."""
    minutes = forms.integer(data, "labour_minutes", errors, low=0, high=MAX_LABOUR_MINUTES)
    return minutes or 0, forms.text(data, "notes", errors, max_length=MAX_NOTES)


def _parts(form: FormData, errors: Errors) -> tuple[list[PartUsed], list[dict[str, str]]]:
    """The parts of the form's rows (``part_reference``, ``part_quantity``, ``part_cost``,
    repeated; a blank row is no part), and the rows as typed."""
    columns = [
        [v if isinstance(v, str) else "" for v in form.getlist(f"part_{c}")] for c in PART_COLUMNS
    ]
    rows = [
        dict(zip(PART_COLUMNS, r, strict=True))
        for r in itertools.zip_longest(*columns, fillvalue="")
    ]
    filled = [
        (n, row) for n, row in enumerate(rows, start=1) if any(v.strip() for v in row.values())
    ]
    if len(filled) > MAX_PARTS:
        errors.say("parts", "bench.too_many_parts", n=MAX_PARTS)
        return [], rows
    parts, problems = [], []
    for n, row in filled:
        found = Errors()
        reference = forms.text(
            row, "reference", found, max_length=MAX_PART_REFERENCE, required=True, label="it"
        )
        quantity = forms.integer(row, "quantity", found, low=1, high=MAX_PART_QUANTITY, default=1)
        cost = forms.amount(row, "cost", found, high=MAX_PART_COST, label=PART_COLUMNS["cost"])
        problems += [
            say("bench.part_problem", n=n, column=say(f"bench.part_col.{c}"), problem=m)
            for c, m in found.items()
        ]
        if not found:
            parts.append(PartUsed(reference, quantity or 1, cost or Decimal("0")))
    if problems:
        errors.add("parts", "; ".join(problems))
    return parts, rows


@router.post(
    "/bench/{order_id}/record",
    dependencies=[need(Permission.FINISH_WORK_ORDER)],
    response_model=None,
)
def record_form(
    request: Request, order_id: str, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    """Record a sitting of work: its minutes, results and the parts fitted."""
    data, errors = forms.fields(form), Errors()
    minutes, notes = _sitting(data, errors)
    parts, rows = _parts(form, errors)
    values = {**data, "parts": rows}
    if errors:
        return _order_page(
            request, uow, user, order_id, form="record", errors=errors, values=values, status=422
        )
    try:
        order = work_orders.record_work(
            uow, _order_id(order_id), by=user, labour_minutes=minutes, notes=notes, parts=parts
        )
    except DomainError as exc:
        return _refused(request, uow, user, order_id, "record", values, exc)
    return _done(request, order, "bench.recorded_flash")


@router.post(
    "/bench/{order_id}/finish",
    dependencies=[need(Permission.FINISH_WORK_ORDER)],
    response_model=None,
)
def finish_form(
    request: Request, order_id: str, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    """Finish the work, done or failed, with its last minutes and results; a data wipe with
    its method, tool and verification."""
    data, errors = forms.fields(form), Errors()
    outcome = forms.one_of(data, "outcome", errors, OUTCOMES, "")
    if not outcome and "outcome" not in errors:
        errors.say("outcome", "bench.outcome_needed")
    minutes, notes = _sitting(data, errors)
    method = forms.choice(data, "wipe_method", errors, WipeMethod)
    tool = forms.text(data, "wipe_tool", errors, max_length=100)
    if errors:
        return _order_page(
            request, uow, user, order_id, form="finish", errors=errors, values=data, status=422
        )
    try:
        order = work_orders.finish_work_order(
            uow,
            _order_id(order_id),
            succeeded=outcome == "done",
            by=user,
            labour_minutes=minutes,
            notes=notes,
            wipe_method=method,
            wipe_tool=tool,
            wipe_verified=forms.flag(data, "wipe_verified"),
        )
    except DomainError as exc:
        return _refused(request, uow, user, order_id, "finish", data, exc)
    if order.wipe_certificate:
        return _done(request, order, "bench.certified_flash")
    done = order.state is WorkOrderState.DONE
    return _done(request, order, "bench.done_flash" if done else "bench.failed_flash")
