"""Settings read from the environment when the application starts (never at import)."""

from __future__ import annotations

import math
import os
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from revalo.adapters.db import DEFAULT_LOCK_TIMEOUT_S, DEFAULT_SQLITE_PATH, sqlite_url
from revalo.adapters.smtp_mailer import SmtpSettings
from revalo.domain.collection_plan import MAX_SEARCH_SECONDS as MAX_SECONDS
from revalo.domain.credentials import (
    DEFAULT_LOCKOUT_MINUTES,
    DEFAULT_LOGIN_ATTEMPTS,
    DEFAULT_SESSION_HOURS,
    LockoutPolicy,
)
from revalo.domain.errors import InvalidValue
from revalo.domain.policy import ReturnPolicy
from revalo.domain.values import format_sscc
from revalo.settings_env import positive
from revalo.settings_jobs import JobSettings

if TYPE_CHECKING:
    from revalo.services.transport import Transport

#: The names a server on this machine answers to when no others are set.
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "[::1]")
_TRUE = frozenset({"1", "true", "yes", "on"})
#: A collection plan's search time, at most (the manager's request is refused above it).
DEFAULT_MAX_PLAN_SECONDS = 60.0
#: How long an Idempotency-Key and its first answer are kept: a day of retries.
DEFAULT_IDEMPOTENCY_HOURS = 24.0
#: The largest request body: a big JSON request is a few hundred kB.
DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024
#: A damage photo from a phone is 1-3 MB: 3 MiB, under the largest request body.
DEFAULT_PORTAL_PHOTO_BYTES = 3 * 1024 * 1024
#: Sales of a channel, category and grade before their prices feed the listings' prices.
DEFAULT_RESALE_FEEDBACK_MIN_SALES = 20


@dataclass(frozen=True, slots=True)
class Settings:
    database_url: str
    policy_file: Path | None = None
    carriers_file: Path | None = None
    osrm_url: str | None = None
    gs1_company_prefix: str | None = None
    #: Host names the server answers to (``*`` for any, ``.example.com`` for a domain).
    allowed_hosts: tuple[str, ...] = LOOPBACK_HOSTS
    #: The server is reached through an HTTPS reverse proxy (cookies are then Secure).
    https_proxy: bool = False
    #: Seconds a request waits for a lock or a connection before it answers 503.
    lock_timeout_s: float = DEFAULT_LOCK_TIMEOUT_S
    #: Longest search a collection plan may ask for, in seconds.
    max_plan_seconds: float = DEFAULT_MAX_PLAN_SECONDS
    idempotency_hours: float = DEFAULT_IDEMPOTENCY_HOURS
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    #: After how many failed logins in a row a login is locked, and for how long.
    lockout: LockoutPolicy = field(default_factory=LockoutPolicy)
    #: How long a web session lasts after its login, in hours.
    session_hours: float = DEFAULT_SESSION_HOURS
    #: The fewest sales of a channel, category and grade whose observed prices replace the
    #: value model's recovery rate in new listings' prices (0: never, the feedback is off).
    resale_feedback_min_sales: int = DEFAULT_RESALE_FEEDBACK_MIN_SALES
    #: The jobs: their broker (none: the embedded pool), queue, time limit, schedules.
    jobs: JobSettings = field(default_factory=JobSettings)
    #: The mail server the customers' e-mails go through; None: the outbox keeps them.
    smtp: SmtpSettings | None = None
    #: The keep-it thresholds (None: the shipped ``config/keep_it.toml``).
    keep_it_file: Path | None = None
    #: The largest photo of a damage the portal takes, in bytes.
    portal_photo_bytes: int = DEFAULT_PORTAL_PHOTO_BYTES

    @classmethod
    def from_env(cls, database_url: str | None = None) -> Settings:
        url = (
            database_url or os.environ.get("REVALO_DATABASE_URL") or sqlite_url(DEFAULT_SQLITE_PATH)
        )
        policy = os.environ.get("REVALO_RETURN_POLICY")
        carriers = os.environ.get("REVALO_CARRIERS")
        keep_it = os.environ.get("REVALO_KEEP_IT")
        return cls(
            database_url=url,
            policy_file=Path(policy) if policy else None,
            carriers_file=Path(carriers) if carriers else None,
            osrm_url=os.environ.get("REVALO_OSRM_URL") or None,
            gs1_company_prefix=os.environ.get("REVALO_GS1_COMPANY_PREFIX") or None,
            allowed_hosts=_hosts(os.environ.get("REVALO_ALLOWED_HOSTS")),
            https_proxy=os.environ.get("REVALO_HTTPS_PROXY", "").strip().lower() in _TRUE,
            lock_timeout_s=_seconds("REVALO_LOCK_TIMEOUT", DEFAULT_LOCK_TIMEOUT_S),
            max_plan_seconds=_seconds("REVALO_MAX_PLAN_SECONDS", DEFAULT_MAX_PLAN_SECONDS),
            idempotency_hours=positive("REVALO_IDEMPOTENCY_HOURS", DEFAULT_IDEMPOTENCY_HOURS),
            max_body_bytes=int(
                positive("REVALO_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES, whole=True)
            ),
            lockout=LockoutPolicy(
                max_failures=_int_env("REVALO_LOGIN_ATTEMPTS", DEFAULT_LOGIN_ATTEMPTS),
                minutes=_int_env("REVALO_LOCKOUT_MINUTES", DEFAULT_LOCKOUT_MINUTES),
            ),
            session_hours=positive("REVALO_SESSION_HOURS", DEFAULT_SESSION_HOURS),
            resale_feedback_min_sales=_int_env(
                "REVALO_RESALE_FEEDBACK_MIN_SALES", DEFAULT_RESALE_FEEDBACK_MIN_SALES, least=0
            ),
            jobs=JobSettings.from_env(),
            smtp=_smtp(),
            keep_it_file=Path(keep_it) if keep_it else None,
            portal_photo_bytes=int(
                positive("REVALO_PORTAL_PHOTO_BYTES", DEFAULT_PORTAL_PHOTO_BYTES, whole=True)
            ),
        )


def _smtp() -> SmtpSettings | None:
    """The mail server of ``REVALO_SMTP_HOST`` and the settings that go with it."""
    host = os.environ.get("REVALO_SMTP_HOST", "").strip()
    if not host:
        return None
    port = _int_env("REVALO_SMTP_PORT", 587)
    if not 1 <= port <= 65535:
        raise InvalidValue(f"REVALO_SMTP_PORT {port} must be 1 to 65535", field="smtp_port")
    return SmtpSettings(
        host=host,
        port=port,
        sender=os.environ.get("REVALO_SMTP_FROM", "").strip() or f"returns@{host}",
        user=os.environ.get("REVALO_SMTP_USER") or None,
        password=os.environ.get("REVALO_SMTP_PASSWORD") or None,
        starttls=os.environ.get("REVALO_SMTP_STARTTLS", "1").strip().lower() in _TRUE,
    )


def _hosts(value: str | None) -> tuple[str, ...]:
    names = tuple(h.strip().lower() for h in (value or "").split(",") if h.strip())
    return names or LOOPBACK_HOSTS


def _seconds(name: str, default: float) -> float:
    text = os.environ.get(name, "").strip()
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not 0 < value <= MAX_SECONDS:  # also refuses NaN
        raise InvalidValue(f"{name}={text!r}: give seconds over 0 and at most {MAX_SECONDS:g}")
    return value


def _int_env(name: str, default: int, *, least: int = 1) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if not value.isdigit() or int(value) < least:
        raise InvalidValue(f"{name}={value!r} must be a whole number, {least} or more")
    return int(value)


def load_policy(path: Path | None = None) -> ReturnPolicy:
    """The return policy from a TOML file; the shipped EU defaults when none is named."""
    if path is None:
        text = resources.files("revalo.config").joinpath("return_policy.toml").read_text()
        where = "return_policy.toml (shipped)"
    else:
        text, where = path.read_text(encoding="utf-8"), str(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InvalidValue(f"{where}: not valid TOML: {exc}") from exc
    try:
        return ReturnPolicy.from_mapping(data)
    except InvalidValue as exc:
        raise InvalidValue(f"{where}: {exc.message}") from exc


def load_transport(settings: Settings) -> Transport:
    """Rate cards from the carriers file, road distances from OSRM when a server is named
    (else great circle x circuity), cached; SSCCs on the GS1 company prefix when given."""
    from revalo.engines.transport.distances import (
        CachedDistances,
        DistanceProvider,
        GreatCircleDistances,
    )
    from revalo.engines.transport.osrm import OsrmDistances
    from revalo.engines.transport.rate_cards import load_transport_config
    from revalo.services.transport import DEMO_COMPANY_PREFIX, Transport, default_transport

    if (
        settings.carriers_file is None
        and settings.osrm_url is None
        and not (settings.gs1_company_prefix)
    ):
        return default_transport()
    config = load_transport_config(settings.carriers_file)
    provider: DistanceProvider = (
        OsrmDistances(settings.osrm_url)
        if settings.osrm_url
        else GreatCircleDistances(config.circuity)
    )
    prefix = settings.gs1_company_prefix or DEMO_COMPANY_PREFIX
    # Checked now, so that a wrong prefix stops the start rather than the first label.
    format_sscc(0, prefix, 1)
    return Transport(config.rate_cards, CachedDistances(provider), config.choice, prefix)
