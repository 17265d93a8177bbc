"""The FastAPI application: routers under /api/v1, one error shape, OpenAPI at /docs."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from functools import cache

from fastapi import APIRouter, FastAPI
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import Scope

import revalo
from revalo.bootstrap import App, bootstrap
from revalo.entrypoints.api import docs, errors, idempotency, limits, ratelimit
from revalo.entrypoints.api.deps import AppDep
from revalo.entrypoints.api.hardening import Hardening
from revalo.entrypoints.api.routers import ALL
from revalo.entrypoints.web import site as web
from revalo.settings import Settings

API_PREFIX = "/api/v1"
#: The API's documentation pages, served offline (FastAPIOffline's defaults).
DOCS_PAGES = (docs.DOCS_PATH, docs.REDOC_PATH)

DESCRIPTION = """
Follow every returned item from the return request to its second life.

Every request names its user: `Authorization: Bearer <API token>` (made with
`revalo tokens create` or `POST /api/v1/auth/tokens`), or the session cookie of a browser
signed in at `/login` (a write then carries the session's CSRF token in `X-CSRF-Token`).
Every change is recorded with that user as its actor. Every refusal answers
`{"detail": [{"field": ..., "message": ...}]}`: 401 without a user, 403 when the user's
roles do not allow the use case (the message names the permission), 404 when a thing named
does not exist, 409 when the current state does not allow the step, 422 when a value is
missing or wrong.

Every `POST` takes an optional `Idempotency-Key` header (1 to 255 printable ASCII characters,
a UUID for instance): a retry with the same key and body gets the first answer again (marked
`Idempotent-Replayed: true`) and changes nothing; the same key with another body or route
answers 422; a retry while the first request is still running waits for its answer, then
answers 409 with `Retry-After`. Keys are kept `REVALO_IDEMPOTENCY_HOURS` (24 by default).
"""


@cache
def _routes() -> tuple[APIRouter, APIRouter]:
    """The API's routes under /api/v1, and the web pages' routes: built once per process and
    shared by every application made in it (a server makes one; a test run makes hundreds,
    and building them took most of a second each). The routes hold no application: each
    reads its own from the request."""
    v1 = APIRouter(prefix=API_PREFIX)
    for router in ALL:
        v1.include_router(router, responses=errors.ERROR_RESPONSES)
    pages = APIRouter()
    pages.include_router(web.router)
    return v1, pages


def _revalo(scope: Scope) -> App:
    app: App = scope["app"].state.revalo
    return app


def create_app(app: App | None = None) -> FastAPI:
    """The HTTP API over ``app``; with None, the application is built from the environment
    when the server starts (never at import) and closed when it stops."""

    @asynccontextmanager
    async def lifespan(api: FastAPI) -> AsyncIterator[None]:
        if app is not None:
            api.state.revalo = app
            yield
            return
        built = bootstrap(Settings.from_env())
        api.state.revalo = built
        try:
            yield
        finally:
            built.close()

    # The documentation pages are added by ``docs.install``, for signed-in people.
    api = FastAPI(
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        title="Revalo",
        version=revalo.__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        responses={422: {"model": errors.ErrorBody, "description": "A value is missing or wrong"}},
    )
    if app is not None:
        # Usable at once, also by a client that does not run the lifespan.
        api.state.revalo = app
    api.state.rate_limiter = ratelimit.RateLimiter()
    # Every route declares the permission of its use case (see ``deps.need``).
    v1, pages = _routes()
    api.router.routes.extend(v1.routes)
    docs.install(api)

    @api.get("/health", include_in_schema=False)
    def health(rv: AppDep) -> JSONResponse:
        """Open to anybody (a load balancer): whether the database answers."""
        try:
            with rv.read_uow() as uow:
                uow.sites.get("HEALTH")
        except Exception:
            return JSONResponse({"status": "the database does not answer"}, status_code=503)
        return JSONResponse({"status": "ok"})

    # The web pages (the dashboard at /) and their static files, served by the same app.
    api.router.routes.extend(pages.routes)
    api.mount(web.STATIC_PATH, web.static_files(), name="static")
    errors.install(api)
    api.add_middleware(
        idempotency.IdempotencyMiddleware,
        prefix=f"{API_PREFIX}/",
        store_of=lambda scope: _revalo(scope).idempotency(),
        retention_of=lambda scope: timedelta(hours=_revalo(scope).settings.idempotency_hours),
    )
    idempotency.document(api, f"{API_PREFIX}/")
    # Outside the idempotency keys: a body too large is refused before anything reads it.
    api.add_middleware(
        limits.BodyLimitMiddleware,
        limit_of=lambda scope: _revalo(scope).settings.max_body_bytes,
        on_refusal=web.on_http_error,
    )
    # A person in a browser at an address with no page gets the error page, not JSON.
    api.add_exception_handler(StarletteHTTPException, web.on_http_error)
    api.add_middleware(
        Hardening,
        allowed_hosts=lambda scope: scope["app"].state.revalo.settings.allowed_hosts,
        library_pages=DOCS_PAGES,
    )
    return api
