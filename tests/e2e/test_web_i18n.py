"""The interface's labels: both languages have the same keys, every key the pages use
exists, and every page is documented in docs/web.md."""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType

import pytest

from revalo.demo.catalogue import build_catalogue
from revalo.domain.catalog import LocationKind, SiteKind
from revalo.domain.collection_plan import CollectionPlanStatus
from revalo.domain.disposition import DecidedBy, DispositionRoute
from revalo.domain.events import EventType
from revalo.domain.journey import ConsignmentKind
from revalo.domain.partner_disputes import DisputeKind, DisputeState
from revalo.domain.people import PERMISSION_DESCRIPTIONS, Permission, Role
from revalo.domain.returns import ReturnReason, ReturnState
from revalo.domain.units import UnitState
from revalo.domain.work_orders import WorkOrderKind, WorkOrderState
from revalo.engines.collection.result import PlanStatus, StopKind
from revalo.entrypoints.web import (
    i18n,
    pages_bench,
    pages_billing,
    pages_capacities,
    pages_carriers,
    pages_certificates,
    pages_collections,
    pages_compliance,
    pages_cost_targets,
    pages_costs,
    pages_deliveries,
    pages_disposition_batches,
    pages_donations,
    pages_floor,
    pages_floor_assignment,
    pages_floor_performance,
    pages_floor_records,
    pages_handheld_flow,
    pages_jobs,
    pages_login,
    pages_lots,
    pages_network,
    pages_orders,
    pages_overview,
    pages_partner_disputes,
    pages_partner_payments,
    pages_partner_terms,
    pages_partners,
    pages_people,
    pages_refunds,
    pages_resale,
    pages_returns,
    pages_review,
    pages_routing,
    pages_service,
    pages_station,
    pages_traceability,
    pages_trail,
    pages_unit_actions,
)
from revalo.entrypoints.web import site as web
from revalo.entrypoints.web.i18n import (
    EN,
    FR,
    VALUES_EN,
    VALUES_FR,
    named,
    pick_language,
    translator,
    value_label,
)
from revalo.entrypoints.web.pages_station import CHECKS, DATA_CHECK
from revalo.entrypoints.web.portal import pages as portal_pages
from tests.e2e.conftest import TestClient, delivered

WEB = Path(web.__file__).parent
ROOT = Path(__file__).resolve().parents[2]
#: A label's key where it is used: t("key"), say("key"), errors.say(field, "key"), and
#: named("prefix.", ...) for the keys completed at run time.
KEY = re.compile(r"""(?:\b(?:t|say|named)\(|\.say\([^,()]+,)\s*["']([a-z_]+\.[a-z0-9_.]*)["']""")


def test_both_languages_have_the_same_labels() -> None:
    assert set(EN) - set(FR) == set(), "translate these into French"
    assert set(FR) - set(EN) == set(), "these French labels have no English one"
    for key in EN:
        assert re.findall(r"{(\w+)}", EN[key]) == re.findall(r"{(\w+)}", FR[key]), key


def test_every_label_used_exists() -> None:
    used: set[str] = set()
    for path in [*WEB.glob("*.py"), *(WEB / "templates").glob("*.html")]:
        used |= set(KEY.findall(path.read_text(encoding="utf-8")))
    assert len(used) > 100  # the scan itself works
    # A key ending with a dot is the prefix of keys completed at run time ("grade.f." ~ g).
    prefixes = {k for k in used if k.endswith(".")}
    assert used - prefixes - set(EN) == set()
    for prefix in prefixes:
        assert any(k.startswith(prefix) for k in EN), prefix


def test_language_choice() -> None:
    assert pick_language(None, None) == "en"
    assert pick_language("fr", "en") == "fr"
    assert pick_language(None, "fr-CA,fr;q=0.9,en;q=0.8") == "fr"
    assert pick_language(None, "en;q=0.2, fr;q=0.9") == "fr"
    assert pick_language(None, "fr;q=0, en") == "en"
    assert pick_language(None, "fr;q=abc") == "en"
    assert translator("fr")("common.page", page=1, pages=2, total=30) == "Page 1 sur 2 · 30 en tout"
    assert translator("en")("no.such.key") == "no.such.key"


def test_every_page_is_documented() -> None:
    text = (ROOT / "docs" / "web.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`((?:GET|POST) /[^`]*)`", text))
    routers = [
        web.router,
        pages_overview.router,
        pages_returns.router,
        pages_station.router,
        pages_collections.router,
        pages_carriers.router,
        pages_login.router,
        pages_people.router,
        pages_review.router,
        pages_unit_actions.router,
        pages_bench.router,
        pages_floor.router,
        pages_floor_records.router,
        pages_floor_assignment.router,
        pages_floor_performance.router,
        pages_handheld_flow.router,
        pages_traceability.router,
        pages_compliance.router,
        pages_network.router,
        pages_routing.router,
        pages_jobs.router,
        pages_trail.router,
        pages_certificates.router,
        pages_refunds.router,
        pages_lots.router,
        pages_partners.router,
        pages_partner_terms.router,
        pages_partner_disputes.router,
        pages_donations.router,
        pages_deliveries.router,
        pages_partner_payments.router,
        portal_pages.router,
        pages_costs.router,
        pages_cost_targets.router,
        pages_capacities.router,
        pages_disposition_batches.router,
        pages_resale.router,
        pages_billing.router,
        pages_service.router,
        pages_orders.router,
    ]
    routes = {
        f"{method} {route.path}"
        for router in routers
        for route in router.routes
        for method in getattr(route, "methods", None) or ()
        if method in ("GET", "POST")
    }
    assert len(routes) >= 15  # the scan itself works
    assert routes - documented == set(), "document these pages in docs/web.md"
    assert documented - routes == set(), "docs/web.md names pages that do not exist"


def test_every_word_of_the_model_has_a_name_in_both_languages() -> None:
    enums = (
        UnitState,
        DispositionRoute,
        DecidedBy,
        ReturnReason,
        ReturnState,
        WorkOrderKind,
        WorkOrderState,
        ConsignmentKind,
        SiteKind,
        LocationKind,
        EventType,
        CollectionPlanStatus,
        PlanStatus,
        StopKind,
        Role,
        DisputeKind,
        DisputeState,
    )
    values = {e.value for enum in enums for e in enum}
    # The categories of the demo's catalogue: the words of its products' families.
    values |= {item.product.category for item in build_catalogue()}
    assert values - set(VALUES_FR) == set(), "add these to a VALUES_FR"
    assert values - set(VALUES_EN) == set(), "add these to a VALUES_EN"
    assert set(VALUES_EN) == set(VALUES_FR)
    assert value_label(UnitState.GRADED, lang="fr") == "classé"
    assert value_label(DispositionRoute.HARVEST_PARTS, lang="en") == "harvest parts"
    assert value_label("something_new", lang="fr") == "something new"


def test_every_permission_and_check_has_a_label() -> None:
    for p in Permission:
        assert EN[f"perm.{p.value}"] == PERMISSION_DESCRIPTIONS[p], p
        assert f"perm.{p.value}" in FR, p
    for check in (*CHECKS, DATA_CHECK):
        assert f"check.{check}" in FR, check
    assert named("check.", "no_leak", lang="fr") == "Aucune fuite"
    assert named("check.", "seal_intact", lang="fr") == "seal intact"


def test_one_key_in_two_modules_of_the_catalogue_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    twice = ModuleType("twice")
    twice.EN = {"nav.dashboard": "Overview"}  # type: ignore[attr-defined]
    monkeypatch.setattr(i18n, "CATALOGUE", (*i18n.CATALOGUE, twice))
    with pytest.raises(ValueError, match=r"nav\.dashboard"):
        i18n._gather("EN")


def test_a_french_page_speaks_french_also_in_its_charts(client: TestClient) -> None:
    ask = {
        "customer_code": "C-ANNE",
        "delivered_at": delivered(3),
        "lines": [{"sku": "TEE-M", "quantity": 1, "reason": "withdrawal"}],
    }
    number = client.post("/api/v1/returns", json=ask).json()["number"]
    page = client.get(f"/returns/{number}", headers={"accept-language": "fr"}).text
    assert "rétractation" in page and "autorisé" in page
    english = client.get(f"/returns/{number}", headers={"accept-language": "en"}).text
    assert "withdrawal" in english and "rétractation" not in english


def test_the_french_says_classer_not_grader() -> None:
    """ "Gradé" is no French word for graded: a unit is "classée" (by its grades)."""
    wrong = {k: v for k, v in {**FR, **VALUES_FR}.items() if re.search(r"\bgrad(é|er|ée)", v)}
    assert wrong == {}
