"""A form's use case run and answered the same way on every page: back to the page with
what it did, or with why it was refused, in the person's language (POST, redirect, GET).

A refusal without a field (a thing that is not there at all) and a permission refused are
not the form's: they go on to the pages' error answers (404, 403)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from fastapi import Request, Response

from revalo.domain.errors import DomainError, NotFound, PermissionDenied
from revalo.entrypoints.web.i18n import translator
from revalo.entrypoints.web.render import language, redirect
from revalo.entrypoints.web.system_texts import in_language

T = TypeVar("T")


def attempt(
    request: Request,
    back: str,
    run: Callable[[], T],
    key: str,
    values: Callable[[T], Mapping[str, Any]] = lambda _: {},
) -> Response:
    """Run the use case; back to ``back`` with the text ``key`` (filled from what the use
    case gave, by ``values``), or with the refusal."""
    try:
        done = run()
    except PermissionDenied:
        raise
    except DomainError as exc:
        if isinstance(exc, NotFound) and exc.field is None:
            raise
        return redirect(back, flash=in_language(exc.message, language(request)))
    return redirect(back, flash=translator(language(request))(key, **values(done)))
