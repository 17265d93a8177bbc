"""The certificates' forms on the pages: a medium sanitised, recorded on a data wipe in
progress from its bench page; a treatment facility's certificate kept from the
recycler's site page. The same use cases as the API's and the command line's."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from revalo.domain.certificates import (
    MAX_SERIAL,
    MAX_TOOL,
    MAX_VERIFICATION,
    MAX_VERSION,
    MediaKind,
)
from revalo.domain.errors import DomainError, NotFound, PermissionDenied
from revalo.domain.facilities import MAX_ISSUER, MAX_NUMBER, MAX_SCOPE
from revalo.domain.people import Permission
from revalo.domain.waste_operations import operation_codes
from revalo.domain.work_orders import WipeMethod
from revalo.entrypoints.api.deps import CurrentUser, UowDep, need
from revalo.entrypoints.web import forms
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.i18n import translator
from revalo.entrypoints.web.pages_bench import order_id_of, order_page_with
from revalo.entrypoints.web.render import WebRoute, language, redirect
from revalo.entrypoints.web.system_texts import in_language
from revalo.services import catalog, certificates, facilities

router = APIRouter(route_class=WebRoute, include_in_schema=False)


@router.post(
    "/bench/{order_id}/media",
    dependencies=[need(Permission.FINISH_WORK_ORDER)],
    response_model=None,
)
def medium_form(
    request: Request, order_id: str, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    """Record a medium wiped: its serial, kind, method, tool and version, verification."""
    data, errors = forms.fields(form), Errors()
    serial = forms.text(data, "media_serial", errors, max_length=MAX_SERIAL, required=True)
    kind = forms.choice(data, "media_kind", errors, MediaKind, required=True)
    method = forms.choice(data, "method", errors, WipeMethod, required=True)
    tool = forms.text(data, "tool", errors, max_length=MAX_TOOL, required=True)
    version = forms.text(data, "tool_version", errors, max_length=MAX_VERSION, required=True)
    verification = forms.text(data, "verification", errors, max_length=MAX_VERIFICATION)
    ref = order_id_of(order_id)
    if not errors and kind is not None and method is not None:
        try:
            m = certificates.record_wiped_medium(
                uow,
                ref,
                by=user,
                media_serial=serial,
                media_kind=kind,
                method=method,
                tool=tool,
                tool_version=version,
                verification=verification,
                verified=forms.flag(data, "verified"),
            )
        except (PermissionDenied, NotFound):
            raise
        except DomainError as exc:
            errors.add(exc.field or "form", exc.message)
        else:
            t = translator(language(request))
            flash = t("cert.medium_flash", serial=m.media_serial, position=m.position)
            return redirect(f"/bench/WO{ref:08d}#media", flash=flash)
    return order_page_with(request, uow, user, order_id, "media", errors, data)


@router.post(
    "/sites/{code}/certificates",
    dependencies=[need(Permission.MANAGE_SITES)],
    response_model=None,
)
def facility_form(
    request: Request, code: str, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    """Keep a recycler's treatment certificate."""
    data, errors = forms.fields(form), Errors()
    number = forms.text(data, "number", errors, max_length=MAX_NUMBER, required=True)
    scope = forms.text(data, "scope", errors, max_length=MAX_SCOPE, required=True)
    issuer = forms.text(data, "issuer", errors, max_length=MAX_ISSUER, required=True)
    issued = forms.day(data, "issued_on", errors)
    expires = forms.day(data, "expires_on", errors)
    operations = forms.text(data, "operations", errors, max_length=120)
    if issued is None or expires is None:
        errors.say("issued_on" if issued is None else "expires_on", "form.not_date", raw="''")
    t = translator(language(request))
    if not errors and issued is not None and expires is not None:
        try:
            kept = facilities.record_facility_certificate(
                uow,
                code[:40],
                by=user,
                number=number,
                scope=scope,
                issuer=issuer,
                issued_on=issued.date(),
                expires_on=expires.date(),
                operations=operation_codes(operations or ""),
            )
        except (PermissionDenied, NotFound):
            raise
        except DomainError as exc:
            errors.add(exc.field or "form", in_language(exc.message, language(request)))
        else:
            flash = t("fac.added", number=kept.number)
            return redirect(f"/sites/{kept.site_code}#facility-certificates", flash=flash)
    problems = "; ".join(errors.values())
    return redirect(f"/sites/{code[:40]}#facility-certificates", flash=problems)


@router.post(
    "/sites/{code}/siret", dependencies=[need(Permission.MANAGE_SITES)], response_model=None
)
def siret_form(
    request: Request, code: str, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    """Name a French site by its SIRET on the waste papers."""
    data = forms.fields(form)
    try:
        catalog.set_site_siret(uow, code[:40], data.get("siret", "")[:20], by=user)
    except (PermissionDenied, NotFound):
        raise
    except DomainError as exc:
        return redirect(
            f"/sites/{code[:40]}#site-papers", flash=in_language(exc.message, language(request))
        )
    flash = translator(language(request))("papers.saved")
    return redirect(f"/sites/{code[:40]}#site-papers", flash=flash)
