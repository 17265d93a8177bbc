"""The content security policy in a real browser: the pages and the API documentation
work under it, and the browser reports no blocked script or style."""

from __future__ import annotations

import pytest
from playwright.sync_api import ConsoleMessage, Page, expect

from tests.browser.conftest import shot

pytestmark = pytest.mark.slow


def _blocked(page: Page) -> list[str]:
    messages: list[str] = []

    def note(msg: ConsoleMessage) -> None:
        if "Content Security Policy" in msg.text or "Refused to" in msg.text:
            messages.append(msg.text)

    page.on("console", note)
    return messages


def test_pages_run_under_the_policy_with_nothing_blocked(page: Page) -> None:
    blocked = _blocked(page)
    for path in ("/", "/map", "/station", "/queue"):
        answer = page.goto(path)
        assert answer is not None and answer.status == 200, path
        assert "frame-ancestors 'none'" in answer.headers["content-security-policy"]
    assert blocked == []


def test_the_api_documentation_renders_under_the_policy(page: Page) -> None:
    blocked = _blocked(page)
    page.goto("/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Revalo", timeout=15000)
    expect(page.locator(".opblock").first).to_be_visible()
    shot(page, "api-docs")
    assert blocked == []
