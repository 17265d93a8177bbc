"""The API's refusals in French when a request asks for it (Accept-Language: fr), in
English otherwise: its own, the domain's and the services' (a 403 too)."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from revalo.domain.people import Role
from revalo.entrypoints.api import create_app
from revalo.entrypoints.api.errors import busy_message
from revalo.entrypoints.api.messages import EN, FR, language_of, speak
from revalo.entrypoints.api.ratelimit import RateLimiter, TooManyRequests
from revalo.services.ports import DatabaseBusy
from tests.conftest import World
from tests.e2e.conftest import API, delivered, refused
from tests.people import bearer

FRENCH = {"accept-language": "fr-FR,fr;q=0.9,en;q=0.5"}


@pytest.fixture
def small(sqlite_world: World) -> Iterator[TestClient]:
    """The API taking bodies of at most 2,000 bytes."""
    app = sqlite_world.app
    settings = dataclasses.replace(app.settings, max_body_bytes=2_000)
    api = create_app(dataclasses.replace(app, settings=settings))
    with TestClient(api, base_url="http://localhost", headers=bearer(app)) as client:
        yield client


def test_both_languages_have_the_same_messages() -> None:
    assert set(EN) == set(FR)
    for key in EN:
        assert sorted(re.findall(r"{(\w+)}", EN[key])) == sorted(re.findall(r"{(\w+)}", FR[key]))


def test_without_a_user_the_answer_says_so_in_the_language_asked(sqlite_world: World) -> None:
    api = TestClient(create_app(sqlite_world.app), base_url="http://localhost")
    english = refused(api.get(f"{API}/units"), 401, None)
    assert english.startswith("sign in first")
    french = refused(api.get(f"{API}/units", headers=FRENCH), 401, None)
    assert french.startswith("connectez-vous d'abord")
    bad = api.get(f"{API}/units", headers={**FRENCH, "authorization": "Basic abc"})
    assert refused(bad, 401, "authorization") == (
        "l'en-tête Authorization doit être « Bearer <jeton d'API> »"
    )


def test_no_such_address_no_such_method(client: TestClient) -> None:
    assert refused(client.get(f"{API}/nowhere", headers=FRENCH), 404, None) == "Introuvable"
    assert refused(client.get(f"{API}/nowhere"), 404, None) == "Not Found"
    assert refused(client.delete(f"{API}/units", headers=FRENCH), 405, None) == (
        "Méthode non permise"
    )


def test_a_wrong_body_is_named_in_french(client: TestClient) -> None:
    missing = client.post(f"{API}/returns", json={"lines": []}, headers=FRENCH)
    assert refused(missing, 422, "customer_code") == "champ obligatoire"
    assert refused(client.post(f"{API}/returns", json={"lines": []}), 422, "customer_code") == (
        "Field required"
    )
    broken = client.post(
        f"{API}/returns", content=b'{"x": ', headers={**FRENCH, "content-type": "application/json"}
    )
    assert refused(broken, 422, "body").startswith("le corps n'est pas du JSON valide au caractère")
    listed = client.post(f"{API}/returns", json=[1], headers=FRENCH)
    assert refused(listed, 422, "body").startswith("le corps doit être un objet JSON")
    long = {
        "customer_code": "C-ANNE",
        "delivered_at": delivered(3),
        "order_ref": "x" * 500,
        "lines": [{"sku": "TEE-M", "quantity": 1, "reason": "withdrawal"}],
    }
    too_long = refused(client.post(f"{API}/returns", json=long, headers=FRENCH), 422, "order_ref")
    assert too_long.startswith("doit compter au plus ")
    key = client.post(f"{API}/returns", json=long, headers={**FRENCH, "Idempotency-Key": "a b"})
    assert refused(key, 422, "Idempotency-Key").startswith("l'Idempotency-Key doit compter")


def test_a_body_too_large_is_refused_in_french(small: TestClient) -> None:
    big = json.dumps({"comment": "x" * 3_000}).encode()
    answer = small.post(
        f"{API}/returns", content=big, headers={**FRENCH, "content-type": "application/json"}
    )
    assert refused(answer, 413, None) == (
        "le corps de la requête dépasse 2\u202f000 octets, le plus que ce serveur accepte"
    )


def test_the_domains_refusals_and_the_403_in_french(sqlite_world: World) -> None:
    app = sqlite_world.app
    client = TestClient(create_app(app), base_url="http://localhost", headers=bearer(app))
    english = refused(client.get(f"{API}/units/LPN404"), 404, "lpn")
    assert english == "no unit with LPN 'LPN404'"
    french = refused(client.get(f"{API}/units/LPN404", headers=FRENCH), 404, "lpn")
    assert french == "aucune unité avec le LPN 'LPN404'"
    english = refused(client.get(f"{API}/returns/RMA00000404"), 404, "number")
    assert english == "no return 'RMA00000404'"
    french = refused(client.get(f"{API}/returns/RMA00000404", headers=FRENCH), 404, "number")
    assert french == "aucun retour 'RMA00000404'"
    handler = {**bearer(app, "hal", {Role.HANDLER}), **FRENCH}
    denied = refused(client.get(f"{API}/audit", headers=handler), 403, None)
    assert denied == (
        "hal ne peut pas voir le journal d'audit : il faut pour cela la permission "
        "'view_audit' (rôles : administrateur)"
    )
    english = refused(
        client.get(f"{API}/audit", headers=handler | {"accept-language": "en"}), 403, None
    )
    assert english.startswith("hal may not see the audit trail: that needs the permission")


def test_too_many_tries_and_a_busy_database_in_french() -> None:
    limiter = RateLimiter(tries=1, window_s=60, clock=lambda: 0.0)
    limiter.hit("here")
    with pytest.raises(TooManyRequests) as tried:
        limiter.hit("here")
    assert speak(tried.value.message, "fr") == "trop d'essais depuis cette adresse : attendez 60 s"
    busy = DatabaseBusy("the database stayed locked for 10 s", 10)
    assert busy_message(busy, "fr") == (
        "la base de données est restée verrouillée 10 s : rien n'a été modifié ; "
        "réessayez dans 10 s"
    )
    assert busy_message(busy) == (
        "the database stayed locked for 10 s: nothing was changed; try again in 10 s"
    )
    assert language_of("de, fr;q=0.5") == "fr" and language_of("de") == "en"
