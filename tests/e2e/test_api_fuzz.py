"""No input makes the API answer 500: random bodies, and bodies close to valid ones, get an
answer below 500, and every refusal has the one error shape."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import World
from tests.e2e.conftest import API, TestClient, ok, request_return, scan

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3)
    ),
    max_leaves=8,
)
FIELDS = {
    "/returns": ["customer_code", "delivered_at", "lines", "order_ref"],
    "/receiving/scan": ["code", "site_code", "rma_number"],
    "/receiving/unidentified": ["site_code", "description", "code"],
    "/products": ["sku", "gtin", "name", "category", "weight_kg", "volume_m3", "new_price"],
    "/sites": ["code", "name", "kind", "country", "city", "lat", "lon", "skills"],
    "/units/LPN000000001/inspection": [
        "functional_grade",
        "cosmetic_grade",
        "duration_s",
        "checklist",
        "fault_codes",
    ],
    "/units/LPN000000001/disposition": ["route", "destination_site", "reason"],
    "/units/LPN000000001/move": ["from_location", "to_location"],
    "/work-orders/1/record": ["labour_minutes", "notes", "parts"],
    "/work-orders/1/finish": ["labour_minutes", "parts_cost", "wipe_method", "succeeded"],
    "/lots": ["site_code", "category", "grade", "reserve_price", "title", "lpns"],
    "/parts/harvests": ["lpn", "grades", "labour_minutes"],
    "/parts/fittings": ["order_id", "kind", "new_cost"],
}
# Values near the right ones reach the domain rules instead of stopping at the types.
near_values = st.sampled_from(
    [
        "C-ANNE",
        "HUB-FR",
        "REC-FR",
        "LAP-14",
        "A",
        "D",
        "recycle",
        "withdrawal",
        "returns_hub",
        "HUB-FR:receiving",
        "2024-01-01",
        "LPN000000001",
        "0137000000000013",
        "purge",
        "FR",
        0,
        1,
        -1,
        2**31,
        45.5,
        True,
        [],
        {},
        [{"sku": "LAP-14", "quantity": 1, "reason": "withdrawal"}],
        "1.5",
        "\x00",
        "(01)",
    ]
)


@pytest.fixture
def busy_client(any_client: TestClient, world: World) -> TestClient:
    """The API on each database, with a graded laptop (LPN000000001) and its open work
    orders (1 and 2), so that random requests reach the domain rules too."""
    request_return(any_client, "C-ANNE", {"sku": "LAP-14", "reason": "withdrawal"})
    lpn = scan(any_client, world.laptop.gtin)["unit"]["lpn"]
    assert lpn == "LPN000000001"
    grade = {"functional_grade": "B", "cosmetic_grade": "B", "duration_s": 30}
    ok(any_client.post(f"{API}/units/{lpn}/inspection", json=grade))
    ok(any_client.post(f"{API}/units/{lpn}/disposition", json={"route": "resell"}))
    return any_client


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(path=st.sampled_from(sorted(FIELDS)), data=st.data())
def test_no_input_makes_a_500(busy_client: TestClient, path: str, data: st.DataObject) -> None:
    body = {
        name: data.draw(near_values | json_values, label=name)
        for name in FIELDS[path]
        if data.draw(st.booleans())
    }
    response = busy_client.post(f"{API}{path}", json=body)
    assert response.status_code < 500, response.text
    if response.status_code >= 400:
        detail = response.json()["detail"]
        assert detail and all(set(i) == {"field", "message"} for i in detail)
