"""The REST API (FastAPI). ``create_app()`` builds it; ``serve()`` in ``server`` runs it.

The application is imported when it is first asked for, not with the package: a command
that only needs the API's schemas does not load the web framework and every page."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from revalo.entrypoints.api.app import API_PREFIX, create_app

__all__ = ["API_PREFIX", "create_app"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from revalo.entrypoints.api import app

        return getattr(app, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
