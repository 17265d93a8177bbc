"""The portal's public pages over HTTP: finding an order reveals nothing but one's own, a
return started from the form is followed by its link and by nothing else, forms carry the
portal's CSRF token, photos are checked by their content."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from revalo.entrypoints.api import create_app
from tests.conftest import World
from tests.portal_orders import ANNE_MAIL, ANNE_POSTCODE, JONAS_MAIL, add_orders

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def client(sqlite_world: World) -> TestClient:
    add_orders(sqlite_world)
    return TestClient(create_app(sqlite_world.app), base_url="http://localhost")


def _csrf(client: TestClient) -> str:
    page = client.get("/portal")
    assert page.status_code == 200
    found = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert found
    return found.group(1)


def _find(client: TestClient, ref: str, proof: str) -> tuple[int, str]:
    answer = client.post(
        "/portal/find", data={"csrf": _csrf(client), "order_ref": ref, "proof": proof}
    )
    # The token differs from page to page; the rest must not tell one failure from another.
    return answer.status_code, re.sub(r'value="[^"]{43}"', "", answer.text)


def test_a_wrong_mail_another_customers_order_and_no_order_get_the_same_answer(
    client: TestClient,
) -> None:
    wrong_mail = _find(client, "WEB-1001", "someone@example.fr")
    others = _find(client, "WEB-2002", ANNE_MAIL)
    missing = _find(client, "WEB-9999", ANNE_MAIL)
    assert wrong_mail[0] == others[0] == missing[0] == 404
    assert "no order matches" in wrong_mail[1]
    assert wrong_mail[1].replace("WEB-1001", "X") == others[1].replace("WEB-2002", "X")
    assert others[1].replace("WEB-2002", "X") == missing[1].replace("WEB-9999", "X")
    assert "T-shirt" not in wrong_mail[1] and "drill" not in others[1].lower()


def _start(client: TestClient, proof: str = ANNE_POSTCODE) -> str:
    status, body = _find(client, "web-1001", proof)
    assert status == 200 and "T-shirt M" in body and "Cordless drill" in body
    answer = client.post(
        "/portal/return",
        data={
            "csrf": _csrf(client),
            "order_ref": "WEB-1001",
            "proof": proof,
            "line_2": "on",
            "reason_2": "withdrawal",
            "outcome": "refund",
            "way_back": "label",
        },
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text[:500]
    return answer.headers["location"]


def test_a_return_started_on_the_portal_is_followed_by_its_link(client: TestClient) -> None:
    link = _start(client)
    assert re.fullmatch(r"/portal/r/[A-Za-z0-9_-]{43}", link)
    status = client.get(link)
    assert status.status_code == 200
    assert "Accepted" in status.text and "within the 14-day withdrawal period" in status.text
    assert "Cordless drill" in status.text and "T-shirt" not in status.text
    label = client.post(link + "/label", data={"csrf": _csrf(client)}, follow_redirects=False)
    assert label.status_code == 303
    pdf = client.get(link + "/label.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    again = client.get(link)
    assert 'class="qr"' not in again.text or "label.pdf" in again.text
    # A link that is not one opens nothing.
    assert client.get("/portal/r/" + "A" * 43).status_code == 404
    assert client.get("/portal/r/not-a-token").status_code == 404


def test_the_same_order_sent_again_is_the_same_return(client: TestClient) -> None:
    first, second = _start(client), _start(client, proof=ANNE_MAIL)
    assert first != second
    number = re.compile(r"RMA\d{8}")
    one = number.search(client.get(first).text)
    two = number.search(client.get(second).text)
    assert one and two and one.group(0) == two.group(0)


def test_a_form_without_the_portals_token_is_refused(client: TestClient) -> None:
    _csrf(client)
    answer = client.post(
        "/portal/find", data={"csrf": "x" * 43, "order_ref": "WEB-2002", "proof": JONAS_MAIL}
    )
    assert answer.status_code == 409 and "this form has expired" in answer.text
    assert "Cordless drill" not in answer.text


def test_a_photo_is_checked_by_its_content(client: TestClient) -> None:
    link = _start(client)
    csrf = _csrf(client)
    ok = client.post(
        link + "/photos",
        data={"csrf": csrf, "line_no": "1"},
        files={"photo": ("damage.png", PNG, "image/png")},
        follow_redirects=False,
    )
    assert ok.status_code == 303
    page = client.get(link)
    shown = re.search(rf"{link}/photos/(\d+)", page.text)
    assert shown
    image = client.get(shown.group(0))
    assert image.content == PNG and image.headers["content-type"] == "image/png"
    assert image.headers["x-content-type-options"] == "nosniff"
    fake = client.post(
        link + "/photos",
        data={"csrf": csrf, "line_no": "1"},
        files={"photo": ("damage.png", b"<?php echo 1; ?>", "image/png")},
    )
    assert fake.status_code == 422 and "a photo is a JPEG or PNG image" in fake.text


def test_the_portal_speaks_the_browsers_french(client: TestClient) -> None:
    client.headers["accept-language"] = "fr-FR,fr;q=0.9"
    page = client.get("/portal")
    assert '<html lang="fr">' in page.text and "Trouver ma commande" in page.text
    link = _start(client)
    status = client.get(link).text
    assert "Accepté" in status and "Votre étiquette" in status and "Envoyer la photo" in status
    for english in ("Accepted", "Your label", "Get my label", "Keep this page"):
        assert english not in status
    wrong = _find(client, "WEB-1001", "x@example.org")[1]
    assert "aucune commande ne correspond" in wrong


def test_the_dashboard_shows_what_keep_it_saved(client: TestClient, sqlite_world: World) -> None:
    from tests.e2e.conftest import signed_client

    status, _ = _find(client, "WEB-1001", ANNE_MAIL)
    assert status == 200
    answer = client.post(
        "/portal/return",
        data={
            "csrf": _csrf(client),
            "order_ref": "WEB-1001",
            "proof": ANNE_MAIL,
            "line_1": "on",
            "quantity_1": "2",
            "reason_1": "withdrawal",
            "outcome": "refund",
            "way_back": "qr_code",
        },
        follow_redirects=False,
    )
    link = answer.headers["location"]
    page = client.get(link).text
    assert 'id="keep-1"' in page and "Keep it, you are refunded all the same" in page
    kept = client.post(
        link + "/keep", data={"csrf": _csrf(client), "line_no": "1", "choice": "keep"}
    )
    assert kept.status_code == 200 and "you keep it" in kept.text and "Received" in kept.text
    staff = signed_client(sqlite_world.app, "boss")
    board = staff.get("/?period=all").text
    kpi = re.search(r'id="keep-it-kpi".*?</div>', board, re.S)
    assert kpi and "2 unit(s) refunded without return" in kpi.group(0)
