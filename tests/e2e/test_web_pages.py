"""Every page answers on a small world, its filters and pages work, and it loads nothing
from outside the app."""

from __future__ import annotations

import html
import re

import pytest

from tests.conftest import World
from tests.e2e.conftest import API, TestClient, ok, request_return, scan

ASSET = re.compile(r"""(?:src|href)=["']([^"']+)["']""")
FIELD_ERROR = re.compile(r'<p class="field-error" id="([\w-]+)-error" role="alert">([^<]*)</p>')


def field_errors(page: str) -> dict[str, str]:
    """The messages shown next to the fields of a page, by field name."""
    return {name: html.unescape(message) for name, message in FIELD_ERROR.findall(page)}


def received_laptop(client: TestClient, world: World) -> str:
    """A laptop asked back by Anne and received at HUB-FR: its LPN."""
    request_return(client, "C-ANNE", {"sku": "LAP-14", "reason": "withdrawal"})
    return str(scan(client, world.laptop.gtin)["unit"]["lpn"])


def graded_laptop(client: TestClient, world: World, grades: str = "B/B") -> str:
    lpn = received_laptop(client, world)
    f, c = grades.split("/")
    body = {"functional_grade": f, "cosmetic_grade": c, "duration_s": 60}
    ok(client.post(f"{API}/units/{lpn}/inspection", json=body))
    return lpn


@pytest.fixture
def lpn(client: TestClient, sqlite_world: World) -> str:
    return graded_laptop(client, sqlite_world)


def pages(lpn: str) -> list[str]:
    return [
        "/",
        "/?period=7&per=week&stale=2",
        "/?period=all",
        "/returns",
        "/returns/RMA00000001",
        f"/units/{lpn}",
        "/queue",
        "/station",
        f"/station/units/{lpn}",
        "/sites",
        "/sites/HUB-FR",
        "/map",
    ]


def test_every_page_answers(client: TestClient, lpn: str) -> None:
    for path in pages(lpn):
        response = client.get(path)
        assert response.status_code == 200, (path, response.text[:500])
        assert response.headers["content-type"].startswith("text/html")
        assert "<h1" in response.text or "scan-input" in response.text, path


def test_pages_load_nothing_from_outside(client: TestClient, lpn: str) -> None:
    """Every script, style, icon and link of a page is served by the app itself."""
    seen: set[str] = set()
    for path in pages(lpn):
        for url in ASSET.findall(client.get(path).text):
            assert url.startswith(("/", "#")), f"{path} names {url}"
            seen.add(url.split("#")[0].split("?")[0])
    for asset in ("/static/app.css", "/static/app.js", "/static/favicon.svg"):
        assert asset in seen
        assert client.get(asset).status_code == 200


def test_the_dashboard_counts_what_happened(client: TestClient, lpn: str) -> None:
    html = client.get("/?period=7").text
    kpis = dict(re.findall(r'kpi-label">([^<]+)</span><span class="kpi-value">([^<]+)<', html))
    assert kpis["Units received"] == "1"
    assert kpis["Units graded"] == "1"
    assert kpis["In the parallel stock now"] == "1"
    assert kpis["Value of returns received"] == "€899.00"
    # Nothing left the stock yet: the rate says so instead of showing a made-up figure.
    assert kpis["Recovery rate"] == "–"
    assert "No unit left the stock in the period." in html
    # The laptop came back in the customer's parcel: its journey is counted.
    assert kpis["Km and CO2e per unit"].endswith(" km")
    assert "1 units travelled in the period" in html


def test_the_recovery_rate_is_what_the_units_that_left_brought(
    client: TestClient, sqlite_world: World
) -> None:
    lpn = graded_laptop(client, sqlite_world, "A/A")
    api = API
    client.post(f"{api}/units/{lpn}/disposition", json={"route": "restock", "reason": "as new"})
    unit = client.get(f"{api}/units/{lpn}").json()
    for order in unit["work_orders"]:
        client.post(f"{api}/work-orders/{order['id']}/start")
        finished = client.post(
            f"{api}/work-orders/{order['id']}/finish",
            json={
                "labour_minutes": 5,
                "wipe_method": "purge",
                "wipe_tool": "Blancco 7",
                "wipe_verified": True,
            },
        )
        assert finished.status_code == 200, finished.text
    assert client.post(f"{api}/units/{lpn}/dispatch").status_code == 200
    html = client.get("/?period=7").text
    kpis = dict(re.findall(r'kpi-label">([^<]+)</span><span class="kpi-value">([^<]+)<', html))
    # Restocked: back in the sellable stock at its new price, all its value recovered.
    assert kpis["Recovery rate"] == "100.0%"


def test_a_wrong_filter_is_named_not_a_crash(client: TestClient, lpn: str) -> None:
    response = client.get("/returns?state=lost&from=2024-13-01&country=%00&page=-3")
    assert response.status_code == 200
    errors = field_errors(response.text)
    assert "'lost' is not one of" in errors["state"]
    assert "is not a date" in errors["from"]
    assert "NUL" in errors["country"]
    dash = client.get("/?period=5&stale=0").text
    assert "must be one of" in dash and "must be between 1 and 3650" in dash


def test_returns_filters_and_pages(client: TestClient, sqlite_world: World) -> None:
    for _ in range(27):
        request_return(client, "C-ANNE", {"sku": "TEE-M", "reason": "withdrawal"})
    request_return(client, "C-JONAS", {"sku": "DRILL-18", "reason": "defective"})
    scan(client, sqlite_world.drill.gtin, site="HUB-DE")

    def numbers(query: str) -> list[str]:
        html = client.get(f"/returns?{query}").text
        return re.findall(r'<a href="/returns/(RMA\d+)">', html)

    assert len(numbers("")) == 25
    assert len(numbers("page=2")) == 3
    assert numbers("page=99") == []
    assert "Page 2 of 2 · 28 in all" in client.get("/returns?page=2").text
    assert numbers("country=de") == ["RMA00000028"]
    assert numbers("reason=defective") == ["RMA00000028"]
    assert numbers("category=power_tool") == ["RMA00000028"]
    assert numbers("state=received") == ["RMA00000028"]
    assert numbers("q=RMA00000028") == ["RMA00000028"]
    assert len(numbers("q=C-ANNE&page=2")) == 2
    assert numbers("from=2100-01-01") == []


def test_queue_pages_and_site_filter(client: TestClient, lpn: str) -> None:
    html = client.get("/queue").text
    assert f'value="{lpn}"' in html
    assert client.get("/queue?site=HUB-DE").text.count('name="lpn"') == 0
    assert "Page 1 of 1 · 1 in all" in html


def test_unknown_things_get_a_page_saying_so(client: TestClient) -> None:
    for path, message in [
        ("/units/LPN999999999", "no unit with LPN"),
        ("/returns/RMA99999999", "no return"),
        ("/sites/NOWHERE", "no site with code"),
        ("/station/units/%00", "no unit"),
    ]:
        response = client.get(path)
        assert response.status_code == 404, path
        assert message in response.text and "<h1>" in response.text


def test_the_language_follows_the_browser_and_the_switch(client: TestClient) -> None:
    assert "Tableau de bord</h1>" in client.get("/", headers={"Accept-Language": "fr-FR"}).text
    weighted = {"Accept-Language": "de;q=1, en;q=0.5, fr;q=0.8"}
    assert "Tableau de bord</h1>" in client.get("/", headers=weighted).text
    assert "Dashboard</h1>" in client.get("/", headers={"Accept-Language": "de"}).text
    switched = client.get("/lang/fr?next=/returns%3Fpage%3D2", follow_redirects=False)
    assert switched.status_code == 303 and switched.headers["location"] == "/returns?page=2"
    assert "lang=fr" in switched.headers["set-cookie"]
    client.cookies.clear()
    client.cookies.set("lang", "fr")
    assert "Tableau de bord</h1>" in client.get("/").text
    client.cookies.clear()
    client.cookies.set("lang", "xx")
    assert "Dashboard</h1>" in client.get("/").text
    for bad in ("//evil.example/", "https://evil.example/", "/\\evil"):
        response = client.get("/lang/en", params={"next": bad}, follow_redirects=False)
        assert response.headers["location"] == "/"


def test_the_map_draws_without_country_outlines(
    client: TestClient, lpn: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from revalo.entrypoints.web import geo

    monkeypatch.setattr(geo, "OUTLINES_PACKAGE", "no_such_outlines_package")
    geo._countries.cache_clear()
    try:
        html = client.get("/map").text
    finally:
        geo._countries.cache_clear()
    assert "Country outlines are not installed" in html
    assert 'class="land"' not in html and 'class="grat"' in html
    assert html.count('class="site') >= 8  # every site of the small world is drawn


def test_an_address_with_no_page_gets_the_error_page_in_a_browser(client: TestClient) -> None:
    html = {"accept": "text/html,application/xhtml+xml"}
    page = client.get("/no/such/page", headers=html)
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "there is no such page" in page.text and "<h1" in page.text
    # The API's clients keep the JSON answer, also from a browser.
    api = client.get("/api/v1/no-such-thing", headers=html)
    assert api.status_code == 404 and api.json()["detail"][0]["message"]
    assert client.get("/no/such/page").headers["content-type"] == "application/json"
