"""Serve the API with uvicorn."""

from __future__ import annotations

import uvicorn

from revalo.bootstrap import App
from revalo.entrypoints.api.app import create_app


def serve(app: App, *, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the API over ``app`` until interrupted (Ctrl+C)."""
    uvicorn.run(create_app(app), host=host, port=port)
