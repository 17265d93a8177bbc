"""What a server others can reach must do: answer only to its own host names, and send the
headers that keep a browser from framing its pages, guessing content types, leaking
addresses or running any script the server did not send as a file.

One ASGI middleware around the whole application (API, pages, static files, docs).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

Scope = dict[str, Any]
Message = dict[str, Any]

#: Every page's scripts and styles come from /static (no inline script, no inline style);
#: nothing may frame a page; forms post only back to this server.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)
_INLINE = re.compile(rb"<(script|style)>(.*?)</\1>", re.DOTALL)


def host_name(header: str) -> str:
    """The name in a Host header, without its port: ``[::1]:8000`` -> ``[::1]``."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[: header.find("]") + 1] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def host_allowed(name: str, allowed: Iterable[str]) -> bool:
    """``*`` allows any name; ``.example.com`` allows example.com and its subdomains."""
    for pattern in allowed:
        p = pattern.strip().lower()
        if p == "*" or p == name or (p.startswith(".") and (name.endswith(p) or name == p[1:])):
            return True
    return False


def inline_hashes(html: bytes) -> tuple[list[str], list[str]]:
    """CSP hash sources of the inline scripts and styles of a page we serve as it is made
    by a library (the API documentation), so that only those run."""
    scripts: list[str] = []
    styles: list[str] = []
    for kind, body in _INLINE.findall(html):
        digest = "'sha256-" + base64.b64encode(hashlib.sha256(body).digest()).decode() + "'"
        (scripts if kind == b"script" else styles).append(digest)
    return scripts, styles


def _csp_for(html: bytes) -> str:
    scripts, styles = inline_hashes(html)
    csp = CSP.replace("script-src 'self'", " ".join(["script-src 'self'", *scripts]))
    return csp.replace("style-src 'self'", " ".join(["style-src 'self'", *styles]))


class Hardening:
    """Refuse a request naming another host (400), and add the security headers to every
    answer. ``allowed_hosts`` gives the names for a request (the settings are read when the
    server starts, after the application is made); ``library_pages`` (the API docs) get a
    CSP allowing exactly their inline code."""

    def __init__(
        self,
        app: Any,
        *,
        allowed_hosts: Callable[[Scope], Sequence[str]],
        library_pages: Sequence[str] = (),
    ) -> None:
        self.app = app
        self.allowed_hosts = allowed_hosts
        self.library_pages = frozenset(library_pages)

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        name = host_name(headers.get(b"host", b"").decode("latin-1"))
        if not host_allowed(name, self.allowed_hosts(scope)):
            await self._refuse_host(name, send)
            return
        if scope["path"] in self.library_pages:
            await self._buffered(scope, receive, send)
            return

        async def send_hardened(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = _with_headers(message.get("headers", []), CSP)
            await send(message)

        await self.app(scope, receive, send_hardened)

    async def _refuse_host(self, name: str, send: Any) -> None:
        shown = name or "(none)"
        body = json.dumps(
            {
                "detail": [
                    {
                        "field": "host",
                        "message": f"this server does not answer to host {shown!r}: "
                        "add it to REVALO_ALLOWED_HOSTS",
                    }
                ]
            }
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 400,
                "headers": _with_headers(
                    [
                        (b"content-type", b"application/json"),
                        (b"content-length", b"%d" % len(body)),
                    ],
                    CSP,
                ),
            }
        )
        await send({"type": "http.response.body", "body": body})

    async def _buffered(self, scope: Scope, receive: Any, send: Any) -> None:
        start: Message = {}
        chunks: list[bytes] = []

        async def collect(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body"):
                body = b"".join(chunks)
                start["headers"] = _with_headers(start.get("headers", []), _csp_for(body))
                await send(start)
                await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, collect)


def _with_headers(headers: Iterable[tuple[bytes, bytes]], csp: str) -> list[tuple[bytes, bytes]]:
    out = list(headers)
    present = {k.lower() for k, _ in out}
    out += [(k, v) for k, v in HEADERS if k not in present]
    if b"content-security-policy" not in present:
        out.append((b"content-security-policy", csp.encode()))
    return out
