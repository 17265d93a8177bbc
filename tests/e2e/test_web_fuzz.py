"""Nothing typed into a page makes it answer 500: random values in every form field and
query parameter get a page below 500."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import World
from tests.e2e.conftest import TestClient
from tests.e2e.test_web_pages import graded_laptop

FORMS = {
    "/station/scan": ["code", "site", "rma"],
    "/station/unidentified": ["site", "description", "code"],
    "/station/units/LPN000000001/grade": [
        "functional_grade",
        "cosmetic_grade",
        "fault_codes",
        "notes",
        "duration_s",
        "hazardous",
        "check_powers_on",
    ],
    "/units/LPN000000001/disposition": ["route", "destination_site", "reason"],
    "/units/LPN000000001/proceeds": ["amount", "document", "reason"],
    "/queue/accept": ["lpn"],
    "/bench/1/record": ["labour_minutes", "notes", "part_reference", "part_quantity", "part_cost"],
    "/bench/1/finish": [
        "outcome",
        "labour_minutes",
        "notes",
        "wipe_method",
        "wipe_tool",
        "wipe_verified",
    ],
    # A valid day and region plan for real: the search is kept to a second.
    "/collections": ["day", "region"],
    "/collections/1/commit": [],
}
QUERIES = {
    "/": ["period", "per", "stale"],
    "/returns": ["q", "state", "reason", "category", "country", "from", "to", "page"],
    "/queue": ["site", "page"],
    "/station": ["site"],
    "/bench": ["site", "state", "page"],
    "/lang/fr": ["next"],
}
PATHS = [
    "/units/{}",
    "/returns/{}",
    "/sites/{}",
    "/sites/{}/outbound",
    "/station/units/{}",
    "/collections/{}",
    "/bench/{}",
    "/jobs/{}",
]
near = st.sampled_from(
    [
        "",
        "A",
        "D",
        "recycle",
        "restock",
        "HUB-FR",
        "REC-FR",
        "LPN000000001",
        "0137000000000013",
        "2024-02-30",
        "9999-01-01",
        "-1",
        "0",
        "99999999999999999999",
        "fr",
        "\x00",
        "\ud800",
        "%",
        "../..",
        "//x",
        " " * 3,
        "é" * 300,
    ]
)
values = near | st.text(max_size=60)


@pytest.fixture
def busy(client: TestClient, sqlite_world: World) -> TestClient:
    """The pages over the small world with a graded laptop (LPN000000001)."""
    assert graded_laptop(client, sqlite_world) == "LPN000000001"
    return client


def _clean(text: str) -> str:
    # An HTTP client cannot send lone surrogates: they are encoded as replacement chars.
    return text.encode("utf-8", "replace").decode("utf-8")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(path=st.sampled_from(sorted(FORMS)), data=st.data())
def test_no_form_input_makes_a_500(busy: TestClient, path: str, data: st.DataObject) -> None:
    body = {
        name: _clean(data.draw(values, label=name))
        for name in FORMS[path]
        if data.draw(st.booleans())
    }
    response = busy.post(path, data=body, follow_redirects=False)
    assert response.status_code < 500, response.text[:1000]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(path=st.sampled_from(sorted(QUERIES)), data=st.data())
def test_no_query_makes_a_500(busy: TestClient, path: str, data: st.DataObject) -> None:
    params = {
        name: _clean(data.draw(values, label=name))
        for name in QUERIES[path]
        if data.draw(st.booleans())
    }
    response = busy.get(path, params=params, follow_redirects=False)
    assert response.status_code < 500, response.text[:1000]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(pattern=st.sampled_from(PATHS), value=values.filter(lambda v: v.strip("/ ") != ""))
def test_no_path_makes_a_500(busy: TestClient, pattern: str, value: str) -> None:
    from urllib.parse import quote

    response = busy.get(pattern.format(quote(_clean(value), safe="")), follow_redirects=False)
    assert response.status_code < 500, response.text[:1000]
