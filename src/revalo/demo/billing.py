"""The demo's billing: two of the provider's clients (Maison Borea, Nido Home) with a rate
card each, billed for every month of the demo that is over. The prices are the provider's
own choice, believable for a French 3PL's returns handling (a few euros a return, cents a
unit-day of storage); the parties are fictitious firms."""

from __future__ import annotations

from datetime import date

from revalo.domain.billing import Month
from revalo.domain.errors import NotAllowed
from revalo.domain.people import User
from revalo.services import billing, billing_rates
from revalo.services.ports import UnitOfWork

BILLED = ("MAISON-BOREA", "NIDO-HOME")

CARDS = """
[seller]
name = "Revalo Logistique SAS"
address = "12 rue des Entrepôts, 69007 Lyon"
country = "FR"
vat_number = "FR40123456789"
company_id = "SIREN 123 456 789 RCS Lyon"

[[cards]]
client = "MAISON-BOREA"
valid_from = 2020-01-01
payment_days = 30

[cards.buyer]
name = "Maison Borea SAS"
address = "8 rue du Sentier, 75002 Paris"
country = "FR"
vat_number = "FR27552100554"
company_id = "SIREN 552 100 554 RCS Paris"

[cards.rates]
return_received = "1.80"
unit_graded = "0.95"
data_wipe = "0"
repair_hour = "38.00"
storage_unit_day = "0.035"
outbound_consignment = "6.50"
monthly_minimum = "250.00"

[[cards]]
client = "NIDO-HOME"
valid_from = 2020-01-01
payment_days = 45

[cards.buyer]
name = "Nido Home SARL"
address = "21 quai Rambaud, 69002 Lyon"
country = "FR"
vat_number = "FR61404833048"
company_id = "SIREN 404 833 048 RCS Lyon"

[cards.rates]
return_received = "6.50"
unit_graded = "4.20"
repair_hour = "45.00"
storage_unit_day = "0.42"
outbound_consignment = "28.00"
monthly_minimum = "400.00"
"""


def months_over(first: date, today: date) -> list[str]:
    """The months from ``first``'s to the last one over on ``today``."""
    month, found = Month(first.year, first.month), []
    while month.end <= today:
        found.append(str(month))
        month = Month.parse(month.end.strftime("%Y-%m"))
    return found


def set_up_billing(uow: UnitOfWork, finance: User, first: date, today: date) -> int:
    """Load the two rate cards and bill each month of the demo that is over; the invoices
    issued."""
    billing_rates.load_rate_cards(uow, CARDS, by=finance)
    issued = 0
    for period in months_over(first, today):
        for client in BILLED:
            try:
                billing.run_billing(uow, client, period, today=today, by=finance)
            except NotAllowed:  # nothing done for the client that month
                continue
            issued += 1
    return issued
