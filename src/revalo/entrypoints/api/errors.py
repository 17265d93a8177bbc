"""Every refusal has the same body: ``{"detail": [{"field": ..., "message": ...}]}``.

Domain errors, request validation errors and HTTP errors (unknown route, wrong method) all
answer in that shape, so a client shows any of them the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from revalo.domain.errors import (
    AlreadyExists,
    Conflict,
    DomainError,
    InvalidTransition,
    InvalidValue,
    LedgerError,
    NotAllowed,
    NotAuthenticated,
    NotFound,
    PermissionDenied,
)
from revalo.entrypoints.api.deps import audit_refusal
from revalo.entrypoints.api.messages import language_of, speak, validation_message
from revalo.entrypoints.api.ratelimit import TooManyRequests
from revalo.services.ports import DatabaseBusy

log = logging.getLogger(__name__)

#: Most specific first: a subclass of one of these gets its parent's status.
STATUS_BY_ERROR: tuple[tuple[type[DomainError], int], ...] = (
    (TooManyRequests, 429),
    (NotAuthenticated, 401),
    (PermissionDenied, 403),
    (NotFound, 404),
    (AlreadyExists, 409),
    (Conflict, 409),
    (InvalidValue, 422),
    (InvalidTransition, 409),
    (NotAllowed, 409),
    (LedgerError, 409),
)
#: Where a request value came from: not part of the field's name.
_SOURCES = frozenset({"body", "query", "path", "header", "cookie"})


class ErrorItem(BaseModel):
    field: str | None
    message: str


class ErrorBody(BaseModel):
    detail: list[ErrorItem]


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "No user: send an API token or sign in"},
    403: {"model": ErrorBody, "description": "The user's roles do not allow it"},
    404: {"model": ErrorBody, "description": "A thing named in the request does not exist"},
    409: {"model": ErrorBody, "description": "The current state does not allow it"},
    422: {"model": ErrorBody, "description": "A value is missing or wrong"},
    503: {
        "model": ErrorBody,
        "description": "The database stayed busy longer than the lock timeout: nothing was "
        "changed; send the same request again after `Retry-After` seconds",
    },
}


def status_for(exc: DomainError) -> int:
    for cls, status in STATUS_BY_ERROR:
        if isinstance(exc, cls):
            return status
    return 400


def field_name(loc: Sequence[int | str]) -> str:
    """Pydantic's location as a dotted name: ``("body", "lines", 0, "sku")`` -> ``lines.0.sku``."""
    parts = [p for p in loc if p != "[key]"]
    if len(parts) > 1 and parts[0] in _SOURCES:
        parts = parts[1:]
    return ".".join(str(p) for p in parts)


def lang_of(request: Request) -> str:
    """The language the request asks for (Accept-Language): English or French."""
    return language_of(request.headers.get("accept-language"))


def _item(error: Mapping[str, Any], lang: str) -> ErrorItem:
    loc: Sequence[int | str] = error.get("loc", ())
    kind = error.get("type")
    if kind == "json_invalid":
        # Its location is the character where the JSON breaks, not a field.
        detail = error.get("ctx", {}).get("error", "")
        where = f" at character {loc[1]}" if len(loc) > 1 else ""
        message = f"the body is not valid JSON{where}: {detail}"
        return ErrorItem(field="body", message=speak(message, lang))
    if tuple(loc) == ("body",) and kind in ("model_attributes_type", "dict_type"):
        message = "the body must be a JSON object (Content-Type: application/json)"
        return ErrorItem(field="body", message=speak(message, lang))
    english = str(error.get("msg", "invalid value"))
    msg = validation_message(kind, error.get("ctx") or {}, english, lang)
    # Pydantic prefixes the messages of our own validators; the reader does not need that.
    for prefix in ("Value error, ", "Assertion failed, "):
        msg = msg.removeprefix(prefix)
    if loc and loc[-1] == "[key]":
        msg = f"the key {loc[-2]!r}: {msg}" if len(loc) > 1 else msg
        return ErrorItem(field=field_name(loc[:-2]), message=msg)
    return ErrorItem(field=field_name(loc), message=msg)


def body(items: list[ErrorItem]) -> dict[str, Any]:
    return ErrorBody(detail=items).model_dump()


async def on_domain_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DomainError)
    if isinstance(exc, PermissionDenied):
        await run_in_threadpool(audit_refusal, request, exc)
    status = status_for(exc)
    headers = {"WWW-Authenticate": 'Bearer realm="revalo"'} if status == 401 else {}
    if isinstance(exc, TooManyRequests):
        headers["Retry-After"] = str(exc.retry_after)
    message = speak(exc.message, lang_of(request))
    return JSONResponse(
        body([ErrorItem(field=exc.field, message=message)]),
        status_code=status,
        headers=headers or None,
    )


async def on_validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    lang = lang_of(request)
    items = [_item(e, lang) for e in exc.errors()]
    return JSONResponse(body(items), status_code=422)


async def on_http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    message = speak(str(exc.detail), lang_of(request))
    return JSONResponse(
        body([ErrorItem(field=None, message=message)]),
        status_code=exc.status_code,
        headers=exc.headers,
    )


def busy_message(exc: DatabaseBusy, lang: str = "en") -> str:
    return speak(f"{exc.message}: nothing was changed; try again in {exc.retry_after} s", lang)


async def on_busy(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DatabaseBusy)
    return JSONResponse(
        body([ErrorItem(field=None, message=busy_message(exc, lang_of(request)))]),
        status_code=503,
        headers={"Retry-After": str(exc.retry_after)},
    )


async def on_unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    # A bug, not a bad request: log it whole, answer in the usual shape without internals.
    log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    message = speak(
        "internal error: the request was not applied; the error is logged", lang_of(request)
    )
    return JSONResponse(body([ErrorItem(field=None, message=message)]), status_code=500)


def install(api: FastAPI) -> None:
    api.add_exception_handler(DomainError, on_domain_error)
    api.add_exception_handler(DatabaseBusy, on_busy)
    api.add_exception_handler(RequestValidationError, on_validation_error)
    api.add_exception_handler(StarletteHTTPException, on_http_error)
    api.add_exception_handler(Exception, on_unexpected_error)
