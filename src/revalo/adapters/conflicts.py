"""What the database answers when two transactions collide, in the words of the services.

A unique identity taken by a transaction that committed first (PostgreSQL waits for it, then
refuses: SQLSTATE 23505; SQLite: ``UNIQUE constraint failed``), a serialization failure
(40001) or a deadlock (40P01): none of the transaction was written, and the use case may
simply be tried again. The unit of work turns these into ``WriteConflict``, the port's own
exception, so that the services never see the driver's.
"""

from __future__ import annotations

import sqlite3

import sqlalchemy as sa

from revalo.services.ports import WriteConflict

#: PostgreSQL's SQLSTATEs that mean "another transaction got there first: try again".
_TRY_AGAIN = {
    "40001": "a concurrent change (serialization failure)",
    "40P01": "a concurrent change (deadlock)",
}
_UNIQUE_VIOLATION = "23505"
#: The unique keys the use cases rely on, by constraint name, as a person would say them.
IDENTITIES = {
    "uq_units_live_gtin_serial": "a unit in stock with this GTIN and serial",
    "uq_units_live_lpn_scan": "a unit in stock received under this licence plate",
    "uq_units_live_sscc": "a unit in stock received under this parcel SSCC",
    "uq_consignments_return_rma": "the consignment of this return's parcel",
    "uq_consignments_sscc": "a consignment with this SSCC",
    "uq_units_lpn": "a unit with this LPN",
    "pk_sequences": "a counter",
    "uq_site_capacities_site_week_version": "a version of this site's week",
    "uq_channel_demand_channel_category_week_version": "a version of this channel's demand",
    "uq_partner_terms_site_version": "a version of this partner's terms",
    "pk_donation_units": "this unit's donation",
    "pk_partner_receipts": "this unit's acceptance by its partner",
    "uq_transporter_receipts_carrier_number": "this carrier's receipt",
}
#: SQLite names the columns of the key, not the constraint.
_SQLITE_KEYS = {
    "units.gtin, units.serial": "uq_units_live_gtin_serial",
    "units.scanned_code": "uq_units_live_lpn_scan",
    "units.sscc": "uq_units_live_sscc",
    "consignments.rma_number": "uq_consignments_return_rma",
    "consignments.sscc": "uq_consignments_sscc",
    "units.lpn": "uq_units_lpn",
    "sequences.name": "pk_sequences",
    "site_capacities.site_code, site_capacities.week_start, site_capacities.version": (
        "uq_site_capacities_site_week_version"
    ),
    "channel_demand.channel, channel_demand.category, channel_demand.week_start, "
    "channel_demand.version": "uq_channel_demand_channel_category_week_version",
    "partner_terms.site_code, partner_terms.version": "uq_partner_terms_site_version",
    "donation_units.unit_id": "pk_donation_units",
    "partner_receipts.unit_id": "pk_partner_receipts",
    "transporter_receipts.carrier, transporter_receipts.number": (
        "uq_transporter_receipts_carrier_number"
    ),
}
_SQLITE_UNIQUE = "UNIQUE constraint failed: "


def _unique_key(what: str) -> str:
    return IDENTITIES.get(what, f"the unique key {what}")


def as_write_conflict(exc: BaseException | None) -> WriteConflict | None:
    """The port's exception for a collision with another transaction; None for any other
    error (a bug, a broken rule of the schema, an unreachable server)."""
    if not isinstance(exc, sa.exc.DBAPIError):
        return None
    orig = exc.orig
    state = getattr(orig, "sqlstate", None)
    if state in _TRY_AGAIN:
        return WriteConflict(_TRY_AGAIN[state])
    if state == _UNIQUE_VIOLATION:
        name = getattr(getattr(orig, "diag", None), "constraint_name", None) or "?"
        return WriteConflict(_unique_key(name))
    if isinstance(orig, sqlite3.IntegrityError) and str(orig).startswith(_SQLITE_UNIQUE):
        columns = str(orig).removeprefix(_SQLITE_UNIQUE)
        return WriteConflict(_unique_key(_SQLITE_KEYS.get(columns, columns)))
    return None
