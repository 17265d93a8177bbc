"""Serve the API with uvicorn."""

from __future__ import annotations

import ipaddress
import os
import sys

import uvicorn

from revalo.bootstrap import App
from revalo.entrypoints.api.app import create_app
from revalo.settings import LOOPBACK_HOSTS, Settings


def is_loopback(host: str) -> bool:
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def exposure_warnings(host: str, settings: Settings) -> list[str]:
    """What a person starting a server others can reach should know first."""
    if is_loopback(host):
        return []
    warnings = []
    if not settings.https_proxy:
        warnings.append(
            f"serving on {host} over plain HTTP: passwords and session cookies would cross "
            "the network in clear. Put an HTTPS reverse proxy in front and set "
            "REVALO_HTTPS_PROXY=1."
        )
    if settings.allowed_hosts == LOOPBACK_HOSTS:
        warnings.append(
            "REVALO_ALLOWED_HOSTS is not set: requests naming this machine by any name but "
            "localhost are refused (400). Set it to the names clients use."
        )
    return warnings


def serve(app: App, *, host: str = "127.0.0.1", port: int = 8000, workers: int = 1) -> None:
    """Serve the API over ``app`` until interrupted (Ctrl+C).

    With more than one worker, each is a process of its own (uvicorn's supervisor restarts
    one that dies), building its own application from the environment, with its own pool
    of database connections: ``app`` only gives them its database."""
    for warning in exposure_warnings(host, app.settings):
        print(f"warning: {warning}", file=sys.stderr)
    if workers == 1:
        # Embedded (no broker): the jobs left unfinished are taken again, schedules fire.
        app.start_jobs()
        uvicorn.run(create_app(app), host=host, port=port)
        return
    os.environ["REVALO_DATABASE_URL"] = app.settings.database_url
    app.close()
    uvicorn.run(
        "revalo.entrypoints.api:create_app", factory=True, host=host, port=port, workers=workers
    )
