"""``revalo users`` and ``revalo tokens`` on a database made by ``revalo db upgrade``."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from revalo.adapters.db import sqlite_url
from revalo.bootstrap import bootstrap
from revalo.domain.errors import NotAuthenticated
from revalo.domain.people import Role
from revalo.entrypoints.cli import app as cli
from revalo.services import access, users
from revalo.settings import Settings
from tests.conftest import World

PASSWORD = "correct horse battery"


def run(*args: str | Path, stdin: str | None = None) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], input=stdin, env={"COLUMNS": "250"})


def refused(result: Result, message: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.output.startswith("error: "), result.output
    assert message in result.output, result.output


def logins(path: Path) -> list[str]:
    app = bootstrap(Settings(database_url=sqlite_url(path)))
    try:
        with app.uow() as uow:
            return [u.login for u in uow.users.all()]
    finally:
        app.close()


@pytest.fixture
def admin_db(bare_db: tuple[Path, World]) -> Path:
    path, _ = bare_db
    added = run(
        "users",
        "add",
        "Nadia Benali",
        "--login",
        "nadia",
        "--role",
        "administrator",
        "--db",
        path,
        stdin=f"{PASSWORD}\n{PASSWORD}\n",
    )
    assert added.exit_code == 0, added.output
    assert "Added user nadia (Nadia Benali): administrator." in added.output
    assert PASSWORD not in added.output, "the prompt hides the password"
    return path


def add(path: Path, *args: str, stdin: str = PASSWORD + "\n") -> Result:
    return run("users", "add", *args, "--password-stdin", "--db", path, stdin=stdin)


def test_a_fresh_database_takes_an_administrator_first(bare_db: tuple[Path, World]) -> None:
    path, _ = bare_db
    refused(
        add(path, "Ana Lopez", "--login", "ana", "--role", "handler"),
        "the database has no administrator yet: the first user needs --role administrator",
    )
    refused(run("users", "list", "--db", path), "the database has no administrator yet")
    assert logins(path) == []


def test_users_are_added_with_their_roles_and_listed(admin_db: Path) -> None:
    added = add(
        admin_db,
        "Ana Lopez",
        "--login",
        "Ana",
        "--role",
        "handler",
        "--role",
        "Forklift-Driver",
        "--language",
        "en",
    )
    assert added.exit_code == 0, added.output
    assert "Added user ana (Ana Lopez): forklift_driver, handler." in added.output
    partner = add(
        admin_db,
        "Lille repairs",
        "--login",
        "rep",
        "--role",
        "partner",
        "--partner",
        "rep-fr",
        "--partner",
        "OUT-FR",
    )
    assert "Added user rep (Lille repairs): partner at OUT-FR, REP-FR." in partner.output
    refused = add(admin_db, "ACME", "--login", "acme", "--role", "client", "--client", "acme")
    assert refused.exit_code == 1 and "no client with code 'ACME'" in refused.stderr
    assert run("clients", "add", "ACME", "--name", "Acme", "--db", admin_db).exit_code == 0
    client = add(admin_db, "ACME", "--login", "acme", "--role", "client", "--client", "acme")
    assert "Added user acme (ACME): client for ACME." in client.output
    listed = run("users", "list", "--db", admin_db)
    assert listed.exit_code == 0, listed.output
    assert "4 user(s)" in listed.output
    rows = {line.split("│")[1].strip(): line for line in listed.output.splitlines() if "│" in line}
    assert set(rows) == {"acme", "ana", "nadia", "rep"}
    assert "forklift_driver, handler" in rows["ana"] and "│ en " in rows["ana"]
    assert "OUT-FR, REP-FR" in rows["rep"] and "active" in rows["rep"]
    app = bootstrap(Settings(database_url=sqlite_url(admin_db)))
    try:
        ana = access.authenticate(app.uow(), app.passwords, app.settings.lockout, "ana", PASSWORD)
        assert ana.roles == {Role.HANDLER, Role.FORKLIFT_DRIVER}
    finally:
        app.close()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--role", "boss"), "--role: unknown role 'boss': use one of administrator, flow_manager"),
        (("--role", "partner"), "--partner: a partner user needs at least one partner site"),
        (("--role", "partner", "--partner", "NOPE"), "--partner: no site with code 'NOPE'"),
        (("--role", "partner", "--partner", "HUB-FR"), "--partner: HUB-FR is a returns hub"),
        (("--role", "client"), "--client: a client user needs its client code"),
        (("--role", "handler", "--client", "ACME"), "--client: a client code goes with the"),
        (("--role", "partner", "--role", "handler", "--partner", "REP-FR"), "one role only"),
        (("--role", "handler", "--login", "nadia"), "--login: the login 'nadia' is taken"),
        (("--role", "handler", "--login", "x y"), "--login: login 'x y' must be 2 to 64"),
    ],
)
def test_a_refused_user_is_not_added_and_the_error_names_the_option(
    admin_db: Path, args: tuple[str, ...], message: str
) -> None:
    login = () if "--login" in args else ("--login", "ana")
    refused(add(admin_db, "Ana Lopez", *login, *args), message)
    assert logins(admin_db) == ["nadia"]


def test_a_short_password_or_none_adds_nobody(admin_db: Path) -> None:
    short = add(admin_db, "Ana", "--login", "ana", "--role", "handler", stdin="short\n")
    refused(short, "the password must have at least 10 characters")
    empty = add(admin_db, "Ana", "--login", "ana", "--role", "handler", stdin="")
    assert empty.exit_code == 2 and "no password on the standard input" in empty.output
    assert logins(admin_db) == ["nadia"]


def test_only_an_administrator_adds_users(admin_db: Path) -> None:
    add(admin_db, "Ana Lopez", "--login", "ana", "--role", "flow_manager")
    refused(
        add(admin_db, "Bob", "--login", "bob", "--role", "handler", "--as", "ana"),
        "ana may not add, change and deactivate users: that needs the permission 'manage_users'",
    )
    assert logins(admin_db) == ["ana", "nadia"]


def test_a_deactivated_user_cannot_act(admin_db: Path) -> None:
    add(admin_db, "Ana Lopez", "--login", "ana", "--role", "handler")
    done = run("users", "deactivate", "ana", "--db", admin_db)
    assert done.exit_code == 0 and "Deactivated user ana (Ana Lopez)." in done.output
    refused(run("users", "deactivate", "ana", "--db", admin_db), "deactivated already")
    refused(run("tokens", "list", "--as", "ana", "--db", admin_db), "ana is deactivated")
    refused(
        run("users", "deactivate", "nadia", "--db", admin_db),
        "nadia is the last active administrator",
    )
    listed = run("users", "list", "--db", admin_db)
    assert "deactivated" in next(line for line in listed.output.splitlines() if "ana" in line)


def test_a_token_is_printed_once_works_and_is_revoked(admin_db: Path) -> None:
    add(admin_db, "Ana Lopez", "--login", "ana", "--role", "handler")
    made = run("tokens", "create", "scanner 3", "--user", "ana", "--db", admin_db)
    assert made.exit_code == 0, made.output
    assert "Token 1 (scanner 3) for ana. It is shown only now" in made.output
    secret = made.output.strip().splitlines()[-1]
    listed = run("tokens", "list", "--db", admin_db)
    assert secret not in listed.output and f"{secret[:12]}..." in listed.output
    assert "scanner 3" in listed.output and "1 token(s)" in listed.output
    app = bootstrap(Settings(database_url=sqlite_url(admin_db)))
    try:
        assert access.authenticate_token(app.uow(), secret).login == "ana"
        refused(
            run("tokens", "create", "mine", "--user", "nadia", "--as", "ana", "--db", admin_db),
            "that needs the permission 'manage_tokens'",
        )
        own = run("tokens", "list", "--as", "ana", "--db", admin_db)
        assert "1 token(s)" in own.output
        refused(run("tokens", "revoke", "7", "--db", admin_db), "no API token 7")
        revoked = run("tokens", "revoke", "1", "--as", "ana", "--db", admin_db)
        assert revoked.exit_code == 0 and "Revoked token 1 (scanner 3)." in revoked.output
        with pytest.raises(NotAuthenticated):
            access.authenticate_token(app.uow(), secret)
        assert [
            t.token.revoked for t in access.list_tokens(app.uow(), users.get_user(app.uow(), "ana"))
        ] == [True]
    finally:
        app.close()


def test_a_new_password_unlocks_a_locked_login(admin_db: Path) -> None:
    add(admin_db, "Ana Lopez", "--login", "ana", "--role", "handler")
    app = bootstrap(Settings(database_url=sqlite_url(admin_db)))
    try:
        for _ in range(app.settings.lockout.max_failures):
            with pytest.raises(NotAuthenticated):
                access.authenticate(app.uow(), app.passwords, app.settings.lockout, "ana", "guess")
        assert users.get_user(app.uow(), "ana").locked_until is not None
        refused(
            run(
                "users",
                "password",
                "nadia",
                "--as",
                "ana",
                "--password-stdin",
                "--db",
                admin_db,
                stdin="another long password\n",
            ),
            "that needs the permission 'manage_users'",
        )
        set_it = run(
            "users",
            "password",
            "ana",
            "--password-stdin",
            "--db",
            admin_db,
            stdin="another long password\n",
        )
        assert set_it.exit_code == 0 and "New password set for ana (Ana Lopez)." in set_it.output
        ana = access.authenticate(
            app.uow(), app.passwords, app.settings.lockout, "ana", "another long password"
        )
        assert ana.login == "ana"
    finally:
        app.close()
