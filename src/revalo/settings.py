"""Settings read from the environment when the application starts (never at import)."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from revalo.adapters.db import DEFAULT_SQLITE_PATH, sqlite_url
from revalo.domain.errors import InvalidValue
from revalo.domain.policy import ReturnPolicy


@dataclass(frozen=True, slots=True)
class Settings:
    database_url: str
    operator: str = "operator"
    policy_file: Path | None = None

    @classmethod
    def from_env(cls, database_url: str | None = None) -> Settings:
        url = (
            database_url or os.environ.get("REVALO_DATABASE_URL") or sqlite_url(DEFAULT_SQLITE_PATH)
        )
        policy = os.environ.get("REVALO_RETURN_POLICY")
        return cls(
            database_url=url,
            operator=os.environ.get("REVALO_OPERATOR", "operator"),
            policy_file=Path(policy) if policy else None,
        )


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
        raise InvalidValue(f"{where}: {exc}") from exc
    try:
        return ReturnPolicy.from_mapping(data)
    except InvalidValue as exc:
        raise InvalidValue(f"{where}: {exc.message}") from exc
