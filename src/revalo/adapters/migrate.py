"""Bring a database's schema up to date with Alembic, from code (no alembic.ini needed)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

from revalo.adapters.db import normalise_url

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", normalise_url(url).replace("%", "%%"))
    return cfg


def upgrade(url: str, revision: str = "head") -> None:
    """Migrate to ``revision``; at the head, the cost ledger's marked units (all of them
    after migration 0029) get their lines."""
    command.upgrade(alembic_config(url), revision)
    if revision == "head":
        from sqlalchemy.orm import Session

        from revalo.adapters.cost_ledger import settle
        from revalo.adapters.db import make_engine

        engine = make_engine(url)
        try:
            with Session(engine) as session, session.begin():
                settle(session)
        finally:
            engine.dispose()


def current_head() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def is_known_revision(revision: str) -> bool:
    """Whether this version of Revalo has the migration ``revision``."""
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    try:
        script = ScriptDirectory.from_config(alembic_config("sqlite://"))
        return script.get_revision(revision) is not None
    except CommandError:
        return False
