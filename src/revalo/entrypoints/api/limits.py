"""Bounded requests: a body larger than the settings allow is refused with 413 before it is
read (its Content-Length says so) or as soon as what arrives passes the limit, for the API
and the web forms alike.

FastAPI reads and parses a JSON body on the event loop, before a ``def`` route runs in the
thread pool, and the JSON decoder holds the interpreter lock for the whole parse, so that a
worker thread would not free the loop either: the bound on the body is what keeps a large
request from stalling the others.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

Refusal = Callable[[Request, Exception], Awaitable[Response]]


class BodyTooLarge(HTTPException):
    """Raised while the body is read: the route's error handler answers it, in the API's
    error shape or as the web's error page."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            413,
            f"the request body is larger than {limit:,} bytes, the most this server accepts",
            headers={"Connection": "close"},
        )


def _declared_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


class BodyLimitMiddleware:
    """Every HTTP request's body is counted against ``limit_of(scope)`` bytes; a refusal is
    answered by ``on_refusal`` when no route was there to answer it."""

    def __init__(
        self, app: ASGIApp, *, limit_of: Callable[[Scope], int], on_refusal: Refusal
    ) -> None:
        self.app = app
        self.limit_of = limit_of
        self.on_refusal = on_refusal

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_of(scope)
        declared = _declared_length(scope)
        if declared is not None and declared > limit:
            await self._refuse(scope, receive, send, BodyTooLarge(limit))
            return
        received, started = 0, False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except BodyTooLarge as exc:
            if started:
                raise
            await self._refuse(scope, receive, send, exc)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, exc: Exception) -> None:
        response = await self.on_refusal(Request(scope, receive), exc)
        await response(scope, receive, send)
