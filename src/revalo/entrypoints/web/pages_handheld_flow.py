"""The handheld's finish of a move to the workshop, a pick or a load: the scans, one a line
(the unit then the workshop; or every unit of the list). The same use case as the API's."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from revalo.domain.errors import DomainError, NotFound, PermissionDenied
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, UowDep, need
from revalo.entrypoints.web import forms
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.i18n import translator
from revalo.entrypoints.web.render import WebRoute, language, redirect
from revalo.entrypoints.web.system_texts import in_language
from revalo.services.floor import flow_tasks

router = APIRouter(route_class=WebRoute, include_in_schema=False)
#: A pick list's scans at the most.
MAX_SCANS = 500


@router.post(
    "/handheld/{task_id}/scans", dependencies=[need(Permission.DO_TASKS)], response_model=None
)
def scans_form(
    request: Request, task_id: int, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    data, errors = forms.fields(form), Errors()
    text = forms.text(data, "scans", errors, max_length=MAX_SCANS * 30, required=True)
    lang = language(request)
    if errors:
        return redirect("/handheld", flash="; ".join(errors.values()))
    scans = [line.strip() for line in text.splitlines() if line.strip()][:MAX_SCANS]
    try:
        task = flow_tasks.finish_by_scans(uow, task_id, scans, by=user)
    except (PermissionDenied, NotFound):
        raise
    except DomainError as exc:
        return redirect("/handheld", flash=in_language(exc.message, lang))
    t = translator(lang)
    return redirect("/handheld", flash=t("handheld.scans_done_flash", id=task.id))
