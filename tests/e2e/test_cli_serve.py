"""``revalo serve`` starts only on a database it can serve: a missing, damaged, read-only or
foreign database gets one line on stderr and a non-zero exit, and nothing is created."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from revalo.adapters.db import make_engine, sqlite_url
from revalo.adapters.migrate import current_head, upgrade
from revalo.bootstrap import App, bootstrap
from revalo.domain.people import Role
from revalo.settings import Settings
from tests import pg_server
from tests.conftest import own_postgres_database
from tests.e2e.conftest import revalo
from tests.e2e.test_cli import one_line_error
from tests.people import bearer


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The URLs ``revalo serve`` went on to serve (the server itself does not start)."""
    from revalo.entrypoints.api import server

    urls: list[str] = []

    def fake_serve(app: App, *, host: str, port: int, workers: int) -> None:
        urls.append(app.settings.database_url)

    monkeypatch.setattr(server, "serve", fake_serve)
    return urls


def _execute(url: str, sql: str) -> None:
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql(sql)
    engine.dispose()


def _version(url: str) -> str | None:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return conn.scalar(sa.text("SELECT version_num FROM alembic_version"))
    finally:
        engine.dispose()


def test_a_database_that_does_not_exist_is_not_created(
    tmp_path: Path, served: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    typo = tmp_path / "reavlo.db"
    one_line_error(revalo("serve", "--db", typo), 2, "no such database")
    one_line_error(revalo("serve", "--url", sqlite_url(typo)), 2, "revalo db upgrade")
    one_line_error(revalo("serve", "--db", tmp_path / "nowhere" / "revalo.db"), 2, "no such dir")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("REVALO_DATABASE_URL", raising=False)
    one_line_error(revalo("serve"), 2, "revalo.db: no such database")
    assert list(tmp_path.iterdir()) == [] and served == []


def test_a_damaged_file_is_refused(tmp_path: Path, served: list[str]) -> None:
    junk = tmp_path / "notes.db"
    junk.write_text("these are my notes, not a database\n" * 200)
    one_line_error(revalo("serve", "--db", junk), 1, "not an SQLite database")
    good = tmp_path / "revalo.db"
    assert revalo("db", "upgrade", "--db", good).exit_code == 0
    data = good.read_bytes()
    cut = tmp_path / "cut.db"
    cut.write_bytes(data[: len(data) // 3])
    one_line_error(revalo("serve", "--db", cut), 1, "damaged")
    assert served == []


def test_a_read_only_database_is_refused(tmp_path: Path, served: list[str]) -> None:
    path = tmp_path / "revalo.db"
    assert revalo("db", "upgrade", "--db", path).exit_code == 0
    before = path.read_bytes()
    read_only = f"sqlite:///file:{path}?mode=ro&uri=true"
    one_line_error(revalo("serve", "--url", read_only), 1, "read-only")
    assert path.read_bytes() == before and served == []


def test_a_database_of_something_else_is_left_alone(tmp_path: Path, served: list[str]) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    one_line_error(revalo("serve", "--db", empty), 1, "no Revalo tables")
    assert empty.stat().st_size == 0
    other = tmp_path / "other.db"
    _execute(sqlite_url(other), "CREATE TABLE recipes (name TEXT)")
    one_line_error(revalo("serve", "--db", other), 1, "no Revalo tables")
    assert served == []


def test_a_schema_newer_than_the_code_is_refused(tmp_path: Path, served: list[str]) -> None:
    path = tmp_path / "revalo.db"
    assert revalo("db", "upgrade", "--db", path).exit_code == 0
    _execute(sqlite_url(path), "UPDATE alembic_version SET version_num = '0999'")
    one_line_error(revalo("serve", "--db", path), 1, "revision 0999, newer than")
    assert served == []


def test_a_good_database_is_brought_up_to_date_and_served(
    tmp_path: Path, served: list[str]
) -> None:
    path = tmp_path / "revalo.db"
    upgrade(sqlite_url(path), "0005")
    # Nobody could sign in yet: refused, with the command that adds the administrator.
    result = revalo("serve", "--db", path, "--port", "8103")
    one_line_error(result, 1, "revalo users add NAME --login LOGIN --role administrator")
    assert served == []
    assert _version(sqlite_url(path)) == current_head()
    added = revalo(
        "users",
        "add",
        "Ada Admin",
        "--login",
        "ada",
        "--role",
        "administrator",
        "--password-stdin",
        "--db",
        path,
        input="a long passphrase\n",
    )
    assert added.exit_code == 0, added.output
    result = revalo("serve", "--db", path, "--port", "8103")
    assert result.exit_code == 0, result.output
    assert served == [sqlite_url(path)]


def test_at_a_terminal_a_fresh_database_asks_for_its_first_administrator(
    tmp_path: Path, served: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from revalo.entrypoints import cli_users

    monkeypatch.setattr(cli_users, "at_a_terminal", lambda: True)
    path = tmp_path / "revalo.db"
    upgrade(sqlite_url(path))
    answers = "Ada Admin\nada\na long passphrase\na long passphrase\n"
    result = revalo("serve", "--db", path, "--port", "8103", input=answers)
    assert result.exit_code == 0, result.output
    assert "Added the administrator ada" in result.output
    assert served == [sqlite_url(path)]
    listed = revalo("users", "list", "--db", path)
    assert "ada" in listed.output and "administrator" in listed.output


@pytest.fixture
def own_pg_database() -> Iterator[pg_server.OwnDatabase]:
    db = own_postgres_database()
    try:
        yield db
    finally:
        db.drop()


@pytest.mark.postgres
def test_postgresql_missing_or_read_only_is_refused(
    own_pg_database: pg_server.OwnDatabase, served: list[str]
) -> None:
    url = own_pg_database.url
    missing = url.rsplit("/", 1)[0] + f"/{own_pg_database.name}_missing"
    one_line_error(revalo("serve", "--url", missing), 1, "does not exist")
    one_line_error(revalo("serve", "--url", url), 1, "no Revalo tables")
    upgrade(url)
    engine = make_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(
            f'ALTER DATABASE "{own_pg_database.name}" SET default_transaction_read_only = on'
        )
    engine.dispose()
    one_line_error(revalo("serve", "--url", url), 1, "read-only")
    assert served == []


def test_several_workers_serve_the_same_database(tmp_path: Path) -> None:
    path = tmp_path / "revalo.db"
    assert revalo("db", "upgrade", "--db", path).exit_code == 0
    app = bootstrap(Settings(database_url=sqlite_url(path)))
    try:
        headers = bearer(app, "ada", [Role.ADMINISTRATOR])
    finally:
        app.close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [Path(sys.executable).with_name("revalo"), "serve", "--db", path]
    server = subprocess.Popen(
        [*command, "--port", str(port), "--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        workers: list[str] = []
        while len(workers) < 2 and time.monotonic() < deadline:
            assert server.poll() is None, "the server stopped"
            time.sleep(0.2)
            workers = _worker_processes(server.pid)
        assert len(workers) == 2
        with httpx.Client(base_url=base, headers=headers, timeout=10) as http:
            while time.monotonic() < deadline:
                try:
                    http.get("/health")
                    break
                except httpx.TransportError:
                    time.sleep(0.2)
            # Every worker has built its application over the served database: each answer,
            # on a connection of its own, knows the token made before the server started.
            for _ in range(20):
                me = http.get("/api/v1/auth/me", headers={"Connection": "close"})
                assert me.status_code == 200, me.text
                assert me.json()["login"] == "ada"
    finally:
        server.terminate()
        server.wait(timeout=20)


def _worker_processes(pid: int) -> list[str]:
    """The processes uvicorn's supervisor ``pid`` started to serve (not the resource
    tracker of Python's multiprocessing)."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    cmdlines = [Path(f"/proc/{c}/cmdline").read_bytes() for c in children]
    return [c for c, line in zip(children, cmdlines, strict=True) if b"spawn_main" in line]
