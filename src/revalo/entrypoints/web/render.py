"""Rendering the pages: the Jinja2 environment, the context every page gets, one-shot
messages after a redirect, and the error page that replaces any failure.

Every page route uses ``WebRoute``: a domain error becomes the error page with the
domain's message and its 4xx status, and anything unexpected is logged and answered with
the same page, so a person never sees a stack trace or a JSON body.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlencode

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.routing import APIRoute
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from revalo.domain.errors import DomainError, NotAuthenticated, PermissionDenied
from revalo.entrypoints.api.deps import audit_refusal
from revalo.entrypoints.api.errors import busy_message, status_for
from revalo.entrypoints.api.messages import speak
from revalo.entrypoints.web import formats, system_texts
from revalo.entrypoints.web.i18n import (
    COOKIE,
    LANGUAGES,
    current_language,
    named,
    pick_language,
    translator,
    value_label,
)
from revalo.services.ports import DatabaseBusy

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
FLASH = "flash"
#: Longest one-shot message kept in the cookie (browsers keep 4 KB per cookie).
_FLASH_MAX = 600


@lru_cache(maxsize=1)
def templates() -> Jinja2Templates:
    """The template environment, built at the first page (never at import)."""
    t = Jinja2Templates(directory=str(HERE / "templates"))
    env = t.env
    env.filters["dt"] = in_page_language(formats.moment)
    env.filters["day"] = in_page_language(formats.day)
    env.filters["short_day"] = in_page_language(formats.short_day)
    env.filters["clock"] = in_page_language(formats.clock)
    env.filters["num"] = in_page_language(formats.number)
    env.filters["eur"] = in_page_language(formats.money)
    env.filters["pct"] = in_page_language(formats.percent)
    env.filters["label"] = in_page_language(value_label)
    env.filters["said"] = in_page_language(system_texts.in_language)
    env.filters["option"] = in_page_language(system_texts.option_label)
    env.filters["check"] = in_page_language(checklist_item)
    env.filters["english"] = in_page_language(domain_words)
    env.filters["zip"] = lambda a, b: list(zip(a, b, strict=False))
    env.globals["page_url"] = page_url
    return t


def checklist_item(name: str, *, lang: str) -> str:
    """A check of an inspection's checklist, by its name."""
    return named("check.", name, lang=lang)


def domain_words(text: str, *, lang: str) -> str:
    """The domain's own words (a rule of law, an engine's reason): in the page's language
    when they are known to it, else as written, in English, marked so on a page in another
    language (for readers and screen readers)."""
    spoken = system_texts.in_language(text, lang)
    if spoken == text:
        spoken = speak(text, lang)
    if lang == "en" or not text or spoken != text or not any(c.islower() for c in text):
        # A code ("FR", "SSCC 395...") is the same in every language.
        return spoken
    return Markup('<span lang="en">{}</span>').format(text)


def in_page_language(fmt: Callable[..., str]) -> Callable[..., str]:
    """A template filter that writes in the language of the page being rendered: the
    ``lang`` of its context, or in an imported macro (which has none) the one ``page``
    renders in."""

    @pass_context
    def bound(context: Context, value: Any, *args: Any) -> str:
        return fmt(value, *args, lang=context.get("lang") or current_language.get())

    return bound


def page_url(request: Request, **changes: Any) -> str:
    """The current page's URL with some query parameters changed (None removes one)."""
    params = {k: v for k, v in request.query_params.items()}
    for k, v in changes.items():
        if v is None or v == "":
            params.pop(k, None)
        else:
            params[k] = str(v)
    query = urlencode(params)
    return request.url.path + (f"?{query}" if query else "")


def language(request: Request) -> str:
    """The language chosen with the switch (signing in chooses the user's), else the
    browser's."""
    return pick_language(request.cookies.get(COOKIE), request.headers.get("accept-language"))


def signed_in(request: Request) -> tuple[Any, str]:
    """The user signed in on this request (None before the check), and the session's CSRF
    token that every form carries ("" without a session)."""
    caller = getattr(request.state, "caller", None)
    if caller is None:
        return None, ""
    return caller.user, caller.session.csrf_token if caller.session is not None else ""


#: The first page each permission opens, in the order of the navigation.
LANDING: tuple[tuple[str, str], ...] = (
    ("view_dashboard", "/"),
    ("receive", "/station"),
    ("start_work_order", "/bench"),
    ("view_returns", "/returns"),
    ("view_stock", "/sites"),
)


def home_of(user: Any) -> str:
    """The first page the user's roles open (every signed-in user may see /access)."""
    if user is None:
        return "/login"
    return next((path for p, path in LANDING if user.can(p)), "/access")


def login_url(request: Request) -> str:
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return "/login" + ("" if here == "/" else f"?next={quote(here, safe='/')}")


def page(
    request: Request,
    name: str,
    context: Mapping[str, Any] | None = None,
    *,
    status: int = 200,
    nav: str = "",
) -> HTMLResponse:
    """Render a page with what every page needs: the language and its labels, the user
    signed in and the form's CSRF token, the one-shot message of the previous redirect."""
    lang = language(request)
    flash = request.cookies.get(FLASH)
    user, csrf = signed_in(request)
    ctx: dict[str, Any] = {
        "request": request,
        "t": translator(lang),
        "lang": lang,
        "languages": LANGUAGES,
        "user": user,
        "csrf": csrf,
        "home": home_of(user),
        "nav": nav,
        "flash": unquote(flash)[:_FLASH_MAX] if flash else None,
        "errors": {},
        "values": {},
    }
    ctx.update(context or {})
    token = current_language.set(lang)
    try:
        response = templates().TemplateResponse(request, name, ctx, status_code=status)
    finally:
        current_language.reset(token)
    if flash:
        response.delete_cookie(FLASH, path="/")
    return response


def redirect(url: str, *, flash: str | None = None) -> RedirectResponse:
    """See other (POST, redirect, GET), with a message shown once on the next page."""
    response = RedirectResponse(url, status_code=303)
    if flash:
        response.set_cookie(
            FLASH, quote(flash[:_FLASH_MAX]), max_age=60, path="/", httponly=True, samesite="lax"
        )
    return response


def safe_next(value: str | None) -> str:
    """A local path to go back to; anything else (another site, a scheme) gives ``/``."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    return value


def error_page(
    request: Request, message: str, status: int, *, theirs: bool = False
) -> HTMLResponse:
    """The error page. ``theirs``: the message was made elsewhere (the domain, the API): in
    the page's language where it is known (``domain_words``), else as it was written."""
    return page(request, "error.html", {"message": message, "theirs": theirs}, status=status)


Handler = Callable[[Request], Coroutine[Any, Any, Response]]


class WebRoute(APIRoute):
    """A page route: every failure is answered by the error page, never by a 500 body."""

    def get_route_handler(self) -> Handler:
        original = super().get_route_handler()

        async def handler(request: Request) -> Response:
            try:
                return await original(request)
            except NotAuthenticated:
                return RedirectResponse(login_url(request), status_code=303)
            except PermissionDenied as exc:
                await run_in_threadpool(audit_refusal, request, exc)
                return error_page(request, exc.message, 403, theirs=True)
            except DomainError as exc:
                return error_page(request, exc.message, status_for(exc), theirs=True)
            except DatabaseBusy as exc:
                response = error_page(request, busy_message(exc), 503, theirs=True)
                response.headers["Retry-After"] = str(exc.retry_after)
                return response
            except RequestValidationError as exc:
                messages = "; ".join(str(e.get("msg", "")) for e in exc.errors())
                t = translator(language(request))
                return error_page(request, messages or t("error.invalid"), 422)
            except HTTPException as exc:
                return error_page(request, str(exc.detail), exc.status_code, theirs=True)
            except Exception:
                log.exception("page %s %s failed", request.method, request.url.path)
                message = translator(language(request))("error.internal")
                return error_page(request, message, 500)

        return handler
