"""Customer service's desk (``/service``): one search box, satisfaction and time to refund,
the clients' webhook endpoints; a return's whole history with its notes, the forms to
write a note, send the label again and authorise an exception. The public survey page
(``/survey/{token}``) the "refunded" e-mail links to. The same use cases as the API's."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from revalo.domain.errors import DomainError, NotFound
from revalo.domain.people import Permission
from revalo.domain.satisfaction import CHANGE_WINDOW, SCORES
from revalo.domain.service_desk import ContactChannel
from revalo.domain.values import utcnow
from revalo.entrypoints.api.deps import (
    AppDep,
    CurrentUser,
    ReadUowDep,
    TransportDep,
    UowDep,
    need,
)
from revalo.entrypoints.labels import label_pdf
from revalo.entrypoints.web import forms
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.pages_refunds import attempt
from revalo.entrypoints.web.render import WebRoute, language, page, redirect
from revalo.entrypoints.web.system_texts import in_language
from revalo.services import satisfaction, service_desk, webhooks
from revalo.services.ports import UnitOfWork

router = APIRouter(route_class=WebRoute, include_in_schema=False)


def satisfaction_context(uow: UnitOfWork, user: CurrentUser) -> dict[str, object]:
    """CSAT and time to refund for the pages that show them (the desk, the dashboard)."""
    if not user.can(Permission.VIEW_SATISFACTION):
        return {"csat_shown": False}
    figures = satisfaction.satisfaction(uow, by=user, today=utcnow().date(), days=90)
    return {"csat_shown": True, "csat": figures}


@router.get("/service", dependencies=[need(Permission.VIEW_SERVICE)], response_class=HTMLResponse)
def desk(request: Request, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """The search box and what it found; CSAT; the webhook endpoints and their outbox."""
    q = request.query_params.get("q", "").strip()[:200]
    found, problem = None, ""
    if q:
        try:
            found = service_desk.find_returns(uow, q, by=user, limit=50)
        except DomainError as exc:
            problem = in_language(exc.message, language(request))
    ctx: dict[str, object] = {
        "q": q,
        "found": found,
        "problem": problem,
        "may_orders": user.can(Permission.MANAGE_CUSTOMERS),
    }
    ctx |= satisfaction_context(uow, user)
    if user.can(Permission.MANAGE_WEBHOOKS):
        ctx["hooks"] = webhooks.list_endpoints(uow, by=user, limit=50)
        ctx["hooks_pending"] = webhooks.pending_count(uow, by=user)
    return page(request, "service.html", ctx, nav="service")


@router.get(
    "/service/returns/{number}",
    dependencies=[need(Permission.VIEW_SERVICE)],
    response_class=HTMLResponse,
)
def service_return(
    request: Request, number: str, uow: ReadUowDep, app: AppDep, user: CurrentUser
) -> HTMLResponse:
    """The return's whole history in time order, and what customer service may do."""
    history = service_desk.return_history(uow, number[:20], by=user)
    ctx = {
        "h": history,
        "channels": list(ContactChannel),
        "mail_server": app.settings.smtp is not None,
        "may_note": user.can(Permission.RECORD_CONTACT),
        "may_label": user.can(Permission.RESEND_LABEL) and history.parcel is not None,
        "may_except": user.can(Permission.AUTHORISE_EXCEPTION)
        and history.rma.state.value in ("requested", "rejected"),
    }
    return page(request, "service_return.html", ctx, nav="service")


def _attempt(request: Request, number: str, run: Callable[[], object], key: str) -> Response:
    return attempt(request, f"/service/returns/{number}", number, run, key)


@router.post(
    "/service/returns/{number}/notes",
    dependencies=[need(Permission.RECORD_CONTACT)],
    response_model=None,
)
def note_form(
    request: Request, number: str, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    data, errors = forms.fields(form), Errors()
    text = forms.text(data, "text", errors, max_length=4000, required=True)
    channel = forms.choice(data, "channel", errors, ContactChannel) or ContactChannel.NOTE
    if errors:
        return redirect(f"/service/returns/{number[:20]}", flash="; ".join(errors.values()))
    return _attempt(
        request,
        number[:20],
        lambda: service_desk.add_note(uow, number[:20], text=text, channel=channel, by=user),
        "service.noted_flash",
    )


@router.post(
    "/service/returns/{number}/exception",
    dependencies=[need(Permission.AUTHORISE_EXCEPTION)],
    response_model=None,
)
def exception_form(
    request: Request, number: str, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    data, errors = forms.fields(form), Errors()
    reason = forms.text(data, "reason", errors, max_length=4000, required=True)
    if errors:
        return redirect(f"/service/returns/{number[:20]}", flash="; ".join(errors.values()))
    return _attempt(
        request,
        number[:20],
        lambda: service_desk.authorise_exception(uow, number[:20], reason=reason, by=user),
        "service.excepted_flash",
    )


@router.post(
    "/service/returns/{number}/label",
    dependencies=[need(Permission.RESEND_LABEL)],
    response_model=None,
)
def label_form(
    request: Request, number: str, uow: UowDep, user: CurrentUser, transport: TransportDep
) -> Response:
    return _attempt(
        request,
        number[:20],
        lambda: service_desk.resend_label(uow, transport, label_pdf, number[:20], by=user),
        "service.label_flash",
    )


# -- the public survey -------------------------------------------------------------------------
def _survey_page(request: Request, token: str, uow: UnitOfWork, **extra: object) -> HTMLResponse:
    try:
        survey = satisfaction.survey_for(uow, token[:100])
    except NotFound:
        return page(request, "survey.html", {"survey": None}, status=404)
    ctx = {
        "survey": survey,
        "token": token,
        "scores": list(SCORES),
        "open": survey.can_change(utcnow()),
        "window_days": CHANGE_WINDOW.days,
        **extra,
    }
    return page(request, "survey.html", ctx)


@router.get("/survey/{token}", response_class=HTMLResponse)
def survey_page(request: Request, token: str, uow: ReadUowDep) -> HTMLResponse:
    """The one question (public: the link's token is the customer's proof)."""
    return _survey_page(request, token, uow)


@router.post("/survey/{token}", response_model=None)
def survey_answer(request: Request, token: str, form: forms.PostedForm, uow: UowDep) -> Response:
    """The customer's answer; then the same page, thanking them."""
    data, errors = forms.fields(form), Errors()
    score = forms.integer(data, "score", errors, low=1, high=5)
    comment = forms.text(data, "comment", errors, max_length=2000)
    if score is None and "score" not in errors:
        errors.say("score", "form.choose", what="score")
    problem = "; ".join(errors.values())
    if not problem and score is not None:
        try:
            satisfaction.answer_survey(uow, token[:100], score=score, comment=comment)
        except NotFound:
            raise
        except DomainError as exc:
            problem = in_language(exc.message, language(request))
    return _survey_page(request, token, uow, problem=problem, thanked=not problem)
