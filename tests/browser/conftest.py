"""Browser tests: the web pages in headless Chromium (Debian's ``chromium`` package) driven
by Playwright, over a small demo served by uvicorn on a free loopback port.

Where /usr/bin/chromium is missing the tests are skipped with the reason, except when
``REVALO_REQUIRE_BROWSER`` is set: then they fail, so that CI never skips them silently.
Screenshots of every page go to ``tests/browser/artifacts/``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, StorageState, sync_playwright

from revalo.adapters.db import sqlite_url
from revalo.adapters.migrate import upgrade
from revalo.bootstrap import App, bootstrap
from revalo.demo import build_demo
from revalo.demo.floor import MANAGER
from revalo.demo.team import DEMO_PASSWORD
from revalo.settings import Settings
from tests.served import served

#: ``signed_in(login)``: a tab signed in as one of the demo's people.
SignedIn = Callable[[str], Page]
CHROMIUM = Path(os.environ.get("REVALO_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(__file__).parent / "artifacts"
#: A small demo: a few hundred units over two weeks builds in seconds.
DEMO_UNITS, DEMO_WEEKS = 300, 2


def last_sunday(today: date) -> date:
    """The Sunday before ``today``: the demo's weeks end on it, so that every run holds the
    same returns, units and tasks whatever weekday it runs on, and the pages' "now" stays
    within a week of the demo's last day (its PPE and return windows still current)."""
    return today - timedelta(days=today.weekday() + 1)


@pytest.fixture(scope="session")
def chromium() -> Path:
    if not CHROMIUM.exists():
        reason = (
            f"{CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium)"
        )
        if os.environ.get("REVALO_REQUIRE_BROWSER"):
            pytest.fail(reason)
        pytest.skip(reason)
    return CHROMIUM


@pytest.fixture(scope="session")
def demo_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    url = sqlite_url(tmp_path_factory.mktemp("web") / "demo.db")
    upgrade(url)
    app = bootstrap(Settings(database_url=url))
    build_demo(app, units=DEMO_UNITS, weeks=DEMO_WEEKS, until=last_sunday(date.today()), seed=11)
    yield app
    app.close()


@pytest.fixture(scope="session")
def server(demo_app: App, chromium: Path) -> Iterator[str]:
    """The application served over HTTP in a background thread."""
    with served(demo_app) as base:
        yield base


@pytest.fixture(scope="session")
def browser(chromium: Path) -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(chromium))
        yield b
        b.close()


def _context(browser: Browser, server: str, state: StorageState | None = None) -> BrowserContext:
    """A browser's window on the served app: English, laptop-sized."""
    return browser.new_context(
        base_url=server,
        viewport={"width": 1440, "height": 900},
        locale="en-GB",
        storage_state=state,
    )


@pytest.fixture
def guest(browser: Browser, server: str) -> Iterator[Page]:
    """A fresh browser tab on the served app, signed out."""
    ctx = _context(browser, server)
    tab = ctx.new_page()
    yield tab
    ctx.close()


@pytest.fixture(scope="session")
def sessions() -> dict[str, StorageState]:
    """The cookies of each demo login's session, once signed in."""
    return {}


@pytest.fixture
def signed_in(
    browser: Browser, server: str, sessions: dict[str, StorageState]
) -> Iterator[SignedIn]:
    """``signed_in(login)``: a tab signed in as that demo login, the first time with the
    login form, as a person would, afterwards in the session it opened (the login form
    takes only a few tries a minute from one address, and every tab here comes from one)."""
    opened: list[BrowserContext] = []

    def tab(login: str) -> Page:
        ctx = _context(browser, server, sessions.get(login))
        opened.append(ctx)
        new = ctx.new_page()
        if login not in sessions:
            sign_in(new, login)
            sessions[login] = ctx.storage_state()
        return new

    yield tab
    for ctx in opened:
        ctx.close()


def sign_in(tab: Page, login: str, password: str = DEMO_PASSWORD) -> None:
    """Sign in with the login form, as a person would."""
    tab.goto("/login")
    tab.fill("input[name=login]", login)
    tab.fill("input[name=password]", password)
    tab.locator("form[action='/login'] button[type=submit]").click()
    tab.wait_for_url(lambda url: "/login" not in url)


@pytest.fixture
def page(signed_in: SignedIn) -> Page:
    """A tab signed in as the demo's flow manager."""
    return signed_in(MANAGER)


def shot(tab: Page, name: str) -> Path:
    """Save a full-page screenshot as a test artifact."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    tab.screenshot(path=str(path), full_page=True)
    return path
