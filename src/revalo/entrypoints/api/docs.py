"""The API's own documentation: the OpenAPI schema, Swagger UI at /docs and ReDoc at
/redoc, for signed-in people only. Their scripts and styles come from the installed
``fastapi-offline`` package: the pages work with no access to a CDN."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import fastapi_offline
from fastapi import APIRouter, FastAPI, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from revalo.entrypoints.api.deps import need_signed_in
from revalo.entrypoints.web.render import WebRoute

OPENAPI_PATH = "/openapi.json"
DOCS_PATH, REDOC_PATH = "/docs", "/redoc"
#: The documentation pages' scripts, styles and icon.
ASSETS_PATH = "/static-offline-docs"
ASSETS_DIR = Path(fastapi_offline.__file__).parent / "static"
#: The schemas made, by what they follow from.
_SCHEMAS: dict[tuple[Any, ...], dict[str, Any]] = {}


def schema_of(api: FastAPI) -> dict[str, Any]:
    """The application's OpenAPI schema. It follows from the code alone (the title, the
    version, the routes and their models), and making it takes seconds: it is made once per
    process for every application of the same routes (each worker serves one; a test run
    makes hundreds)."""
    routes = tuple(
        (
            getattr(r, "path", ""),
            tuple(sorted(getattr(r, "methods", None) or ())),
            getattr(getattr(r, "endpoint", None), "__module__", ""),
            getattr(getattr(r, "endpoint", None), "__qualname__", ""),
        )
        for r in api.routes
    )
    key = (api.title, api.version, api.description, api.openapi_version, routes)
    if key not in _SCHEMAS:
        _SCHEMAS[key] = api.openapi()
    return _SCHEMAS[key]


# The endpoints read the application from the request rather than closing over it:
# FastAPI keeps every endpoint it has classified in a cache of its own, for the life of the
# process, and an endpoint holding its application would keep each application made (a
# test run makes hundreds) and all its routes alive.
def _openapi(request: Request) -> JSONResponse:
    return JSONResponse(schema_of(request.app))


def _swagger(request: Request) -> HTMLResponse:
    root = request.scope.get("root_path", "")
    return get_swagger_ui_html(
        openapi_url=f"{root}{OPENAPI_PATH}",
        title=f"{request.app.title} - Swagger UI",
        swagger_js_url=f"{root}{ASSETS_PATH}/swagger-ui-bundle.js",
        swagger_css_url=f"{root}{ASSETS_PATH}/swagger-ui.css",
        swagger_favicon_url=f"{root}{ASSETS_PATH}/favicon.png",
    )


def _redoc(request: Request) -> HTMLResponse:
    root = request.scope.get("root_path", "")
    return get_redoc_html(
        openapi_url=f"{root}{OPENAPI_PATH}",
        title=f"{request.app.title} - ReDoc",
        redoc_js_url=f"{root}{ASSETS_PATH}/redoc.standalone.js",
        redoc_favicon_url=f"{root}{ASSETS_PATH}/favicon.png",
        with_google_fonts=False,
    )


def install(api: FastAPI) -> None:
    api.mount(ASSETS_PATH, StaticFiles(directory=ASSETS_DIR), name="static-offline-docs")
    # A program asking for the schema without a user gets 401; a person at the pages is
    # sent to the login form (the pages are WebRoutes).
    api.get(OPENAPI_PATH, include_in_schema=False, dependencies=[need_signed_in])(_openapi)
    pages = APIRouter(route_class=WebRoute, include_in_schema=False)
    pages.get(DOCS_PATH, dependencies=[need_signed_in])(_swagger)
    pages.get(REDOC_PATH, dependencies=[need_signed_in])(_redoc)
    api.include_router(pages)
