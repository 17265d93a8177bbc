"""The REST API (FastAPI). ``create_app()`` builds it; ``serve()`` in ``server`` runs it."""

from revalo.entrypoints.api.app import API_PREFIX, create_app

__all__ = ["API_PREFIX", "create_app"]
