"""Idempotent POSTs: a client that sends an ``Idempotency-Key`` header gets, for every
retry with the same key, the first answer again, and the use case runs once.

One mechanism for every POST of the API, as ASGI middleware: the key is claimed in the
database before the request runs (its primary key lets one request have it, also across
server processes), the answer is kept once it is sent, and a request that failed with a
server error (nothing was applied) frees its key for a retry.

- the same key, route and body: the stored answer (status, body, content type), with the
  header ``Idempotent-Replayed: true``;
- the same key with another route or body: 422 naming the key;
- the same key while its first request is still being processed: the retry waits for its
  answer, up to ``WAIT_SECONDS``, then gets 409 with ``Retry-After``.
"""

from __future__ import annotations

import functools
import hashlib
import re
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any, TypeVar

import anyio
from fastapi import FastAPI
from starlette.datastructures import Headers
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from revalo.domain.values import utcnow
from revalo.entrypoints.api import errors
from revalo.entrypoints.api.messages import language_of_scope, speak
from revalo.services.idempotency import IdempotencyStore, KeyedRequest, KeyRecord, StoredAnswer

HEADER = "Idempotency-Key"
REPLAYED = "Idempotent-Replayed"
#: Printable ASCII without spaces, as a UUID or any token a client makes up.
KEY_PATTERN = r"^[\x21-\x7e]{1,255}$"
_KEY = re.compile(KEY_PATTERN)
#: How long a retry waits for the first request with its key before answering 409.
WAIT_SECONDS = 10.0
_POLL_SECONDS = 0.05
#: What an answer keeps of its headers besides its body; the others are the server's own.
_KEPT_HEADERS = frozenset({b"content-type", b"content-disposition", b"location"})

T = TypeVar("T")


def own_key(key: str, scope: Scope) -> str:
    """What is stored of a client's key: bound to the credential the request came with (its
    API token or session cookie), so that one client's key never answers another's request,
    nor shows another user the first answer."""
    headers = Headers(scope=scope)
    credential = headers.get("authorization") or headers.get("cookie") or ""
    return hashlib.sha256(f"{credential}\0{key}".encode()).hexdigest()


def fingerprint(method: str, path: str, query: bytes, body: bytes) -> str:
    digest = hashlib.sha256()
    for part in (method.encode(), path.encode(), query, body):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def _refusal(
    scope: Scope, status: int, message: str, headers: dict[str, str] | None = None
) -> Response:
    """The refusal, in the language the request asks for."""
    item = errors.ErrorItem(field=HEADER, message=speak(message, language_of_scope(scope)))
    return JSONResponse(errors.body([item]), status_code=status, headers=headers)


def _replay(answer: StoredAnswer) -> Response:
    response = Response(answer.body, status_code=answer.status)
    response.raw_headers = [
        *((k.encode("latin-1"), v.encode("latin-1")) for k, v in answer.headers),
        (b"content-length", str(len(answer.body)).encode()),
        (REPLAYED.lower().encode(), b"true"),
    ]
    return response


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise anyio.EndOfStream
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)


async def _in_thread(call: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """The store is synchronous (SQLAlchemy): it runs off the event loop."""
    return await anyio.to_thread.run_sync(functools.partial(call, *args, **kwargs))


class IdempotencyMiddleware:
    """Around every POST under ``prefix``; ``store_of`` gives the store of the application
    the request is for, and ``retention_of`` how long its keys are kept."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        prefix: str,
        store_of: Callable[[Scope], IdempotencyStore],
        retention_of: Callable[[Scope], timedelta],
    ) -> None:
        self.app = app
        self.prefix = prefix
        self.store_of = store_of
        self.retention_of = retention_of

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = Headers(scope=scope).get(HEADER) if scope["type"] == "http" else None
        if key is None or scope["method"] != "POST" or not scope["path"].startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        if not _KEY.match(key):
            message = f"the {HEADER} must be 1 to 255 printable ASCII characters, no spaces"
            await _refusal(scope, 422, message)(scope, receive, send)
            return
        try:
            body = await _read_body(receive)
        except anyio.EndOfStream:
            return  # the client left before sending its request
        store = self.store_of(scope)
        stored = own_key(key, scope)
        claimed = await self._claim(store, stored, scope, body, shown=key)
        if isinstance(claimed, Response):
            await claimed(scope, receive, send)
            return
        await self._run(store, stored, scope, body, send, receive)

    async def _claim(
        self, store: IdempotencyStore, key: str, scope: Scope, body: bytes, *, shown: str
    ) -> Response | None:
        """None when this request has the key; else the answer to give instead (naming
        the key as the client ``shown`` it)."""
        method, path = scope["method"], scope["path"]
        mine = KeyedRequest(
            key, fingerprint(method, path, scope.get("query_string", b""), body), method, path
        )
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            now = utcnow()
            expired = now - self.retention_of(scope)
            record: KeyRecord | None = await _in_thread(
                store.claim, mine, now=now, expired_before=expired
            )
            if record is None:
                return None
            first = record.request
            if first.fingerprint != mine.fingerprint:
                other = (
                    "another body"
                    if (first.method, first.path) == (method, path)
                    else f"{first.method} {first.path}"
                )
                return _refusal(
                    scope,
                    422,
                    f"the {HEADER} {shown!r} was used for {other}: send a new key with a new "
                    "request",
                )
            if record.answer is not None:
                return _replay(record.answer)
            if time.monotonic() >= deadline:
                return _refusal(
                    scope,
                    409,
                    f"the request with {HEADER} {shown!r} is still being processed: retry later "
                    "for its answer",
                    headers={"Retry-After": "1"},
                )
            await anyio.sleep(_POLL_SECONDS)

    async def _run(
        self,
        store: IdempotencyStore,
        key: str,
        scope: Scope,
        body: bytes,
        send: Send,
        receive: Receive,
    ) -> None:
        given = False
        status, headers, chunks, complete = 500, [], [], False

        async def body_once() -> Message:
            nonlocal given
            if given:
                return await receive()
            given = True
            return {"type": "http.request", "body": body, "more_body": False}

        async def keep(message: Message) -> None:
            nonlocal status, headers, complete
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [
                    (k.decode("latin-1"), v.decode("latin-1"))
                    for k, v in message.get("headers", [])
                    if k.lower() in _KEPT_HEADERS
                ]
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                complete = not message.get("more_body", False)
            await send(message)

        try:
            await self.app(scope, body_once, keep)
        finally:
            # Shielded: a client that leaves must not leave its key claimed for nothing.
            with anyio.CancelScope(shield=True):
                if complete and status < 500:
                    answer = StoredAnswer(status, tuple(headers), b"".join(chunks))
                    await _in_thread(store.finish, key, answer)
                else:
                    # A server error applied nothing: a retry with the key runs again.
                    await _in_thread(store.release, key)


def document(api: FastAPI, prefix: str) -> None:
    """Name the header in the OpenAPI description of every POST under ``prefix``."""
    build = api.openapi

    def openapi() -> dict[str, Any]:
        if api.openapi_schema is None:
            for path, operations in build()["paths"].items():
                if path.startswith(prefix) and "post" in operations:
                    operations["post"].setdefault("parameters", []).append(PARAMETER)
        return build()

    api.openapi = openapi  # type: ignore[method-assign]


PARAMETER = {
    "name": HEADER,
    "in": "header",
    "required": False,
    "description": "Send the same key again to get the first answer again rather than run the "
    "request twice (kept for REVALO_IDEMPOTENCY_HOURS)",
    "schema": {"type": "string", "pattern": KEY_PATTERN, "maxLength": 255},
}
