"""The billing case: the case of test_reports.py (March 2025) with its returns shared by
two clients, each with a rate card, and the rate-card file that gives them."""

from __future__ import annotations

from datetime import timedelta

from revalo.domain.clients import Client
from revalo.domain.disposition import DispositionRoute
from revalo.domain.inspection import FunctionalGrade
from revalo.domain.work_orders import WipeMethod
from revalo.services import billing_rates, clients, disposition
from revalo.services import work_orders as wo
from tests.conftest import World
from tests.integration.test_reports import _grade, day, play_case
from tests.people import person

A, B = "VELO-NORD", "CASA-SUD"
FINANCE = person("compta")

CARDS = """
[seller]
name = "Revalo Logistique SAS"
address = "12 rue des Entrepôts, 69007 Lyon"
country = "FR"
vat_number = "FR40123456789"
company_id = "SIREN 123 456 789 RCS Lyon"

[[cards]]
client = "VELO-NORD"
valid_from = 2025-01-01
payment_days = 30

[cards.buyer]
name = "Vélo Nord SARL"
address = "3 quai de la Deûle, 59000 Lille"
country = "FR"
vat_number = "FR83404833048"

[cards.rates]
return_received = "2.50"
unit_graded = "1.20"
data_wipe = "4.00"
repair_hour = "42.00"
storage_unit_day = "0.05"
outbound_consignment = "6.50"
monthly_minimum = "10.00"

[[cards]]
client = "CASA-SUD"
valid_from = 2025-01-01

[cards.buyer]
name = "Casa Sud GmbH"
address = "Domstraße 1, 50668 Köln"
country = "DE"
vat_number = "DE 123 456 789"

[cards.rates]
return_received = 3
unit_graded = 1.0
storage_unit_day = "0.08"
outbound_consignment = "9.00"
"""


def billing_case(world: World) -> World:
    for code, name in ((A, "Vélo Nord"), (B, "Casa Sud")):
        clients.add_client(world.app.uow(), Client(code, name), by=person("operator"))
    play_case(world, {1: A, 2: B, 3: B, 4: A, 5: B})
    billing_rates.load_rate_cards(world.app.uow(), CARDS, by=FINANCE)
    return world


def repaired_in_march_and_april(world: World) -> None:
    """Client A's leased laptop AC-1 (LPN000000003) graded on 9 March and refurbished in
    house: its data wipe, test and refurbishment finished on 10 March (90 minutes each),
    its cleaning on 2 April (45 minutes). It stays in stock."""
    u = world.app.uow
    lpn = "LPN000000003"
    _grade(world, lpn, FunctionalGrade.B, day(6))
    decided = disposition.record_disposition(
        u(), lpn, route=DispositionRoute.REFURBISH, by=person("manager"), reason="worn", at=day(6.1)
    )
    for i, order in enumerate(decided.work_orders):
        last = i == len(decided.work_orders) - 1
        finished = day(30.1) if last else day(7 + i / 10)
        wo.start_work_order(u(), order.id, by=person("tech"), at=finished - timedelta(hours=2))
        wo.finish_work_order(
            u(),
            order.id,
            succeeded=True,
            by=person("tech"),
            labour_minutes=45 if last else 90,
            wipe_method=WipeMethod.PURGE,
            wipe_tool="crypto erase",
            wipe_verified=True,
            at=finished,
        )
