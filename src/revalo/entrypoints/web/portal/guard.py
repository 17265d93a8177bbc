"""What the portal's public forms carry instead of a session: a CSRF token kept in a cookie
and repeated in the form (the double-submit pattern), a form only from this site's own
pages, and a rate limit per address."""

from __future__ import annotations

import hmac
import secrets

from fastapi import Request, Response

from revalo.domain.errors import NotAllowed
from revalo.entrypoints.api import ratelimit

CSRF_COOKIE = "portal_csrf"
#: The doors a guesser would try orders or links at, limited per address.
DOOR = "portal"


def csrf_of(request: Request) -> str:
    """The token the page's forms carry: the cookie's, or a new one (set by ``keep``)."""
    held = request.cookies.get(CSRF_COOKIE, "")
    return held if len(held) == 43 else secrets.token_urlsafe(32)


def keep(response: Response, token: str, *, secure: bool) -> Response:
    response.set_cookie(
        CSRF_COOKIE, token, path="/portal", httponly=True, samesite="strict", secure=secure
    )
    return response


def check(request: Request, posted: str) -> None:
    """A form posted from this site's portal page with the token of its cookie."""
    origin = request.headers.get("origin")
    host = request.headers.get("host", "")
    held = request.cookies.get(CSRF_COOKIE, "")
    if origin not in (None, f"http://{host}", f"https://{host}"):
        raise NotAllowed("this form was sent from another site: open the portal again")
    if not held or not hmac.compare_digest(held.encode(), posted.encode()):
        raise NotAllowed("this form has expired: open the portal again")


def limit(request: Request) -> None:
    ratelimit.limit(request, DOOR)
