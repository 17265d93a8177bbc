"""Tables, and the imperative mapping of the domain classes onto them (SQLAlchemy 2).

The domain knows nothing of the database: ``start_mappers`` is called once, by the
bootstrap, before the first session is opened.
"""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import registry, relationship

from revalo.domain.catalog import (
    Customer,
    CustomerKind,
    Location,
    LocationKind,
    Product,
    Site,
    SiteKind,
)
from revalo.domain.clients import Client
from revalo.domain.collection_plan import CollectionPlanRecord, CollectionPlanStatus
from revalo.domain.credentials import ApiToken, AuditEntry, AuditOutcome, WebSession
from revalo.domain.disposition import DecidedBy, DispositionRecord, DispositionRoute
from revalo.domain.events import EventType, UnitEvent
from revalo.domain.floor.bins import Bin, BinKind
from revalo.domain.floor.tasks import FloorTask, TaskKind, TaskState
from revalo.domain.floor.team import (
    Need,
    PpeIssue,
    PpeKind,
    Qualification,
    QualificationKind,
    Shift,
    TeamMember,
)
from revalo.domain.inspection import CosmeticGrade, FunctionalGrade, Inspection
from revalo.domain.journey import Consignment, ConsignmentKind, UnitLeg
from revalo.domain.ledger import StockMove
from revalo.domain.people import Language, Role, User
from revalo.domain.returns import ReturnLine, ReturnReason, ReturnRequest, ReturnState
from revalo.domain.units import FINAL_STATES, ReturnedUnit, UnitState
from revalo.domain.work_orders import (
    PartUsed,
    WipeMethod,
    WorkOrder,
    WorkOrderKind,
    WorkOrderState,
)


class UtcDateTime(sa.TypeDecorator[datetime]):
    """Stores UTC without a zone and gives back aware datetimes, on SQLite and PostgreSQL."""

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Money(sa.TypeDecorator[Decimal]):
    """Euros kept exactly, as integer cents (SQLite has no exact decimal type)."""

    impl = sa.BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Any) -> int | None:
        return None if value is None else int((Decimal(value) * 100).to_integral_value())

    def process_result_value(self, value: int | None, dialect: Any) -> Decimal | None:
        return None if value is None else (Decimal(value) / 100).quantize(Decimal("0.01"))


class CodeSet(sa.TypeDecorator[frozenset[str]]):
    """A small set of codes (a user's roles, partner sites) as a sorted JSON list."""

    impl = sa.JSON
    cache_ok = True

    def __init__(self, kind: type[str] = str) -> None:
        super().__init__()
        self.kind = kind

    def process_bind_param(self, value: frozenset[str] | None, dialect: Any) -> list[str] | None:
        return None if value is None else sorted(str(v) for v in value)

    def process_result_value(self, value: list[str] | None, dialect: Any) -> frozenset[str]:
        return frozenset(self.kind(v) for v in value or ())


class Parts(sa.TypeDecorator[tuple[PartUsed, ...]]):
    """The parts fitted by a work order, as a JSON list (costs as exact decimal strings)."""

    impl = sa.JSON
    cache_ok = True

    def process_bind_param(
        self, value: tuple[PartUsed, ...] | None, dialect: Any
    ) -> list[dict[str, Any]]:
        return [
            {"reference": p.reference, "quantity": p.quantity, "unit_cost": str(p.unit_cost)}
            for p in value or ()
        ]

    def process_result_value(self, value: list[dict[str, Any]] | None, dialect: Any) -> Any:
        return tuple(
            PartUsed(p["reference"], int(p["quantity"]), Decimal(p["unit_cost"]))
            for p in value or ()
        )


class Needs(sa.TypeDecorator[frozenset[Need]]):
    """The qualifications a task needs, as a sorted JSON list of [kind, category]."""

    impl = sa.JSON
    cache_ok = True

    def process_bind_param(self, value: frozenset[Need] | None, dialect: Any) -> list[list[str]]:
        return sorted([n.kind.value, n.category] for n in value or ())

    def process_result_value(self, value: list[list[str]] | None, dialect: Any) -> Any:
        return frozenset(Need(QualificationKind(k), c) for k, c in value or ())


def _enum(cls: type[enum.Enum]) -> sa.Enum:
    return sa.Enum(
        cls,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )


metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

sequences = sa.Table(
    "sequences",
    metadata,
    sa.Column("name", sa.String(32), primary_key=True),
    sa.Column("value", sa.BigInteger, nullable=False),
)

#: The firms a logistics provider handles returns for (domain/clients.py).
clients = sa.Table(
    "clients",
    metadata,
    sa.Column("code", sa.String(40), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("active", sa.Boolean, nullable=False),
)


def _client_code() -> sa.Column[str]:
    """Whose goods a row is: a client's, or the provider's own (null)."""
    return sa.Column("client_code", sa.ForeignKey("clients.code"), index=True)


products = sa.Table(
    "products",
    metadata,
    sa.Column("sku", sa.String(40), primary_key=True),
    sa.Column("gtin", sa.String(14), nullable=False, unique=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("category", sa.String(40), nullable=False, index=True),
    sa.Column("brand", sa.String(100), nullable=False),
    sa.Column("model", sa.String(100), nullable=False),
    sa.Column("weight_kg", sa.Float, nullable=False),
    sa.Column("volume_m3", sa.Float, nullable=False),
    sa.Column("new_price", Money, nullable=False),
    sa.Column("weee_category", sa.SmallInteger),
    sa.Column("data_bearing", sa.Boolean, nullable=False),
    sa.Column("lithium_battery", sa.Boolean, nullable=False),
    sa.Column("apparel", sa.Boolean, nullable=False),
    sa.Column("furniture", sa.Boolean, nullable=False),
    sa.Column("bulky", sa.Boolean, nullable=False),
    _client_code(),
)

sites = sa.Table(
    "sites",
    metadata,
    sa.Column("code", sa.String(40), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("kind", _enum(SiteKind), nullable=False, index=True),
    sa.Column("country", sa.String(2), nullable=False),
    sa.Column("city", sa.String(100), nullable=False),
    sa.Column("lat", sa.Float, nullable=False),
    sa.Column("lon", sa.Float, nullable=False),
    sa.Column("weee_certified", sa.Boolean, nullable=False),
    sa.Column("skills", sa.JSON, nullable=False),
    sa.Column("gln", sa.String(13), unique=True, index=True),
    sa.Column("siret", sa.String(14)),
)

locations = sa.Table(
    "locations",
    metadata,
    sa.Column("code", sa.String(80), primary_key=True),
    sa.Column("site_code", sa.ForeignKey("sites.code"), nullable=False, index=True),
    sa.Column("kind", _enum(LocationKind), nullable=False),
)

customers = sa.Table(
    "customers",
    metadata,
    sa.Column("code", sa.String(40), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("kind", _enum(CustomerKind), nullable=False),
    sa.Column("country", sa.String(2), nullable=False),
    sa.Column("city", sa.String(100), nullable=False),
    sa.Column("lat", sa.Float, nullable=False),
    sa.Column("lon", sa.Float, nullable=False),
    sa.Column("email", sa.String(200), nullable=False),
)

return_requests = sa.Table(
    "return_requests",
    metadata,
    sa.Column("id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("number", sa.String(20), nullable=False, unique=True),
    sa.Column("customer_code", sa.ForeignKey("customers.code"), nullable=False, index=True),
    sa.Column("requested_at", UtcDateTime, nullable=False, index=True),
    sa.Column("delivered_at", UtcDateTime),
    sa.Column("state", _enum(ReturnState), nullable=False, index=True),
    sa.Column("destination_site", sa.ForeignKey("sites.code")),
    sa.Column("decided_by", sa.String(100)),
    sa.Column("decision_reason", sa.Text, nullable=False),
    sa.Column("decided_at", UtcDateTime),
    sa.Column("order_ref", sa.String(60), nullable=False, index=True),
    _client_code(),
)

return_lines = sa.Table(
    "return_lines",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    sa.Column("rma_id", sa.ForeignKey("return_requests.id"), nullable=False, index=True),
    sa.Column("line_no", sa.Integer, nullable=False),
    sa.Column("sku", sa.ForeignKey("products.sku"), nullable=False, index=True),
    sa.Column("quantity", sa.Integer, nullable=False),
    sa.Column("reason", _enum(ReturnReason), nullable=False, index=True),
    sa.Column("serial", sa.String(40), index=True),
    sa.Column("comment", sa.Text, nullable=False),
    sa.Column("received_quantity", sa.Integer, nullable=False),
    #: The customer keeps the goods (refund without return): the line expects no unit.
    sa.Column("kept", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.UniqueConstraint("rma_id", "line_no"),
)

units = sa.Table(
    "units",
    metadata,
    sa.Column("id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("lpn", sa.String(20), nullable=False, unique=True),
    sa.Column("site_code", sa.ForeignKey("sites.code"), nullable=False, index=True),
    sa.Column("location_code", sa.ForeignKey("locations.code"), index=True),
    sa.Column("received_at", UtcDateTime, nullable=False, index=True),
    sa.Column("state", _enum(UnitState), nullable=False, index=True),
    sa.Column("sku", sa.ForeignKey("products.sku"), index=True),
    sa.Column("gtin", sa.String(14)),
    sa.Column("serial", sa.String(40), index=True),
    sa.Column("batch", sa.String(40)),
    sa.Column("sscc", sa.String(18), index=True),
    sa.Column("scanned_code", sa.String(200), nullable=False, index=True),
    sa.Column("rma_number", sa.String(20), index=True),
    sa.Column("rma_line_no", sa.Integer),
    sa.Column("quarantine_reason", sa.Text, nullable=False),
    sa.Column("functional_grade", sa.String(1)),
    sa.Column("cosmetic_grade", sa.String(1)),
    sa.Column("route", _enum(DispositionRoute)),
    sa.Column("destination_site", sa.ForeignKey("sites.code")),
    sa.Column("data_wiped_at", UtcDateTime),
    sa.Column("tested_at", UtcDateTime),
    sa.Column("updated_at", UtcDateTime),
    sa.Column("proceeds", Money),
    _client_code(),
)

inspections = sa.Table(
    "inspections",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    sa.Column("unit_id", sa.ForeignKey("units.id"), nullable=False, index=True),
    sa.Column("operator", sa.String(100), nullable=False),
    sa.Column("inspected_at", UtcDateTime, nullable=False),
    sa.Column("functional_grade", _enum(FunctionalGrade), nullable=False),
    sa.Column("cosmetic_grade", _enum(CosmeticGrade), nullable=False),
    sa.Column("duration_s", sa.Integer, nullable=False),
    sa.Column("checklist", sa.JSON, nullable=False),
    sa.Column("fault_codes", sa.JSON, nullable=False),
    sa.Column("hazardous", sa.Boolean, nullable=False),
    sa.Column("notes", sa.Text, nullable=False),
)

dispositions = sa.Table(
    "dispositions",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    sa.Column("unit_id", sa.ForeignKey("units.id"), nullable=False, index=True),
    sa.Column("route", _enum(DispositionRoute), nullable=False),
    sa.Column("decided_by", _enum(DecidedBy), nullable=False),
    sa.Column("actor", sa.String(100), nullable=False),
    sa.Column("decided_at", UtcDateTime, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("destination_site", sa.ForeignKey("sites.code")),
    sa.Column("overrides_id", sa.ForeignKey("dispositions.id")),
    sa.Column("channel", sa.String(20)),
    sa.Column("expected_net", Money),
)

work_orders = sa.Table(
    "work_orders",
    metadata,
    sa.Column("id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("unit_id", sa.ForeignKey("units.id"), nullable=False, index=True),
    sa.Column("kind", _enum(WorkOrderKind), nullable=False),
    sa.Column("site_code", sa.ForeignKey("sites.code"), nullable=False, index=True),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("state", _enum(WorkOrderState), nullable=False, index=True),
    sa.Column("operator", sa.String(100), nullable=False),
    sa.Column("started_at", UtcDateTime),
    sa.Column("completed_at", UtcDateTime),
    sa.Column("labour_minutes", sa.Integer, nullable=False),
    sa.Column("parts_cost", Money, nullable=False),
    sa.Column("notes", sa.Text, nullable=False),
    sa.Column("wipe_method", _enum(WipeMethod)),
    sa.Column("wipe_tool", sa.String(100), nullable=False),
    sa.Column("wipe_verified", sa.Boolean, nullable=False),
    sa.Column("parts", Parts, nullable=False),
    sa.Column("wipe_certificate", sa.String(20), unique=True),
)

unit_events = sa.Table(
    "unit_events",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    sa.Column("unit_id", sa.ForeignKey("units.id"), nullable=False, index=True),
    sa.Column("lpn", sa.String(20), nullable=False),
    sa.Column("type", _enum(EventType), nullable=False, index=True),
    sa.Column("occurred_at", UtcDateTime, nullable=False, index=True),
    sa.Column("actor", sa.String(100), nullable=False),
    sa.Column("site_code", sa.String(40)),
    sa.Column("location_code", sa.String(80)),
    sa.Column("state", sa.String(32), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("document", sa.String(40), nullable=False),
    sa.Column("detail", sa.JSON, nullable=False),
)

stock_moves = sa.Table(
    "stock_moves",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    sa.Column("unit_id", sa.ForeignKey("units.id"), nullable=False, index=True),
    sa.Column("from_location", sa.ForeignKey("locations.code"), index=True),
    sa.Column("to_location", sa.ForeignKey("locations.code"), index=True),
    sa.Column("moved_at", UtcDateTime, nullable=False),
    sa.Column("actor", sa.String(100), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
)

consignments = sa.Table(
    "consignments",
    metadata,
    sa.Column("id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("kind", _enum(ConsignmentKind), nullable=False, index=True),
    sa.Column("origin", sa.String(40), nullable=False, index=True),
    sa.Column("destination", sa.ForeignKey("sites.code"), nullable=False, index=True),
    sa.Column("service_id", sa.String(60), nullable=False),
    sa.Column("carrier", sa.String(100), nullable=False),
    sa.Column("vehicle", sa.String(40), nullable=False),
    sa.Column("km", sa.Float, nullable=False),
    sa.Column("cost", Money, nullable=False),
    sa.Column("co2e_g", sa.BigInteger, nullable=False),
    sa.Column("weight_kg", sa.Float, nullable=False),
    sa.Column("lead_time_days", sa.Integer, nullable=False),
    sa.Column("booked_at", UtcDateTime, nullable=False, index=True),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("rma_number", sa.String(20), index=True),
    sa.Column("sscc", sa.String(18), unique=True),
    sa.Column("units", sa.Integer, nullable=False),
)

unit_legs = sa.Table(
    "unit_legs",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    sa.Column("unit_id", sa.ForeignKey("units.id"), nullable=False, index=True),
    sa.Column("consignment_id", sa.ForeignKey("consignments.id"), nullable=False, index=True),
    sa.Column("at", UtcDateTime, nullable=False),
    sa.Column("origin", sa.String(40), nullable=False),
    sa.Column("destination", sa.String(40), nullable=False),
    sa.Column("km", sa.Float, nullable=False),
    sa.Column("cost", Money, nullable=False),
    sa.Column("co2e_g", sa.BigInteger, nullable=False),
    sa.Column("weight_kg", sa.Float, nullable=False),
)

collection_plans = sa.Table(
    "collection_plans",
    metadata,
    sa.Column("id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("day", sa.Date, nullable=False, index=True),
    sa.Column("region", sa.String(100), nullable=False),
    sa.Column("status", _enum(CollectionPlanStatus), nullable=False, index=True),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("seed", sa.Integer, nullable=False),
    sa.Column("seconds", sa.Float, nullable=False),
    sa.Column("km", sa.Float, nullable=False),
    sa.Column("cost", Money, nullable=False),
    sa.Column("co2e_g", sa.BigInteger, nullable=False),
    sa.Column("collected", sa.Integer, nullable=False),
    sa.Column("deferred", sa.Integer, nullable=False),
    sa.Column("detail", sa.JSON, nullable=False),
    sa.Column("committed_at", UtcDateTime),
    sa.Column("committed_by", sa.String(100)),
)

# -- identities the database enforces -------------------------------------------------------
# Two requests at once must not create the same thing twice: the second insert waits for the
# first transaction and then fails, and the use case is tried again (services/retry.py). A
# unit that has left the parallel stock frees its identities: an item sold and returned
# again is received as a new unit with the same serial.
LIVE_UNIT = "state NOT IN ({})".format(", ".join(f"'{s.value}'" for s in sorted(FINAL_STATES)))


def _partial(condition: str) -> dict[str, Any]:
    where = sa.text(condition)
    return {"unique": True, "sqlite_where": where, "postgresql_where": where}


sa.Index(
    "uq_units_live_gtin_serial",
    units.c.gtin,
    units.c.serial,
    **_partial(f"{LIVE_UNIT} AND gtin IS NOT NULL AND serial IS NOT NULL"),
)
# A licence plate we did not issue, received and quarantined under its own code.
sa.Index(
    "uq_units_live_lpn_scan",
    units.c.scanned_code,
    **_partial(f"{LIVE_UNIT} AND scanned_code LIKE 'LPN%'"),
)
# A parcel no return expects, received and quarantined under its SSCC.
sa.Index("uq_units_live_sscc", units.c.sscc, **_partial(f"{LIVE_UNIT} AND sscc IS NOT NULL"))
# A customer's return parcel is booked once.
sa.Index(
    "uq_consignments_return_rma",
    consignments.c.rma_number,
    **_partial("kind = 'return' AND rma_number IS NOT NULL"),
)

#: A client's Idempotency-Key and the first answer to its request (status null while that
#: request is being processed): the primary key lets one request with the key run.
idempotency_keys = sa.Table(
    "idempotency_keys",
    metadata,
    sa.Column("key", sa.String(255), primary_key=True),
    sa.Column("fingerprint", sa.String(64), nullable=False),
    sa.Column("method", sa.String(10), nullable=False),
    sa.Column("path", sa.String(2000), nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False, index=True),
    sa.Column("status", sa.Integer),
    sa.Column("headers", sa.JSON),
    sa.Column("body", sa.LargeBinary),
)

users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    sa.Column("login", sa.String(64), nullable=False, unique=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("language", _enum(Language), nullable=False),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("roles", CodeSet(Role), nullable=False),
    sa.Column("partner_sites", CodeSet(), nullable=False),
    sa.Column("client_code", sa.String(40), index=True),
    sa.Column("password_hash", sa.String(200), nullable=False),
    sa.Column("failed_logins", sa.Integer, nullable=False),
    sa.Column("locked_until", UtcDateTime),
    sa.Column("created_at", UtcDateTime),
)

api_tokens = sa.Table(
    "api_tokens",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    sa.Column("user_id", sa.ForeignKey("users.id"), nullable=False, index=True),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("prefix", sa.String(16), nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("last_used_at", UtcDateTime),
    sa.Column("revoked_at", UtcDateTime),
)

#: People signed in with a browser (the cookie holds a secret of which a hash is kept).
web_sessions = sa.Table(
    "web_sessions",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    sa.Column("user_id", sa.ForeignKey("users.id"), nullable=False, index=True),
    sa.Column("secret_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("csrf_token", sa.String(64), nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("expires_at", UtcDateTime, nullable=False, index=True),
    sa.Column("ended_at", UtcDateTime),
)

# Kept without a foreign key: the trail outlives what it names.
audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    sa.Column("at", UtcDateTime, nullable=False, index=True),
    sa.Column("user_id", sa.BigInteger, index=True),
    sa.Column("actor", sa.String(64), nullable=False, index=True),
    sa.Column("action", sa.String(60), nullable=False, index=True),
    sa.Column("outcome", _enum(AuditOutcome), nullable=False, index=True),
    sa.Column("target", sa.String(200), nullable=False),
    sa.Column("detail", sa.Text, nullable=False),
)

#: The longest outcome of a captured event kept (what was done, as the capture answers it).
OUTCOME_LENGTH = 300
#: The EPCIS events partners sent, by their eventID and unit: each is applied once.
epcis_captures = sa.Table(
    "epcis_captures",
    metadata,
    sa.Column("event_id", sa.String(200), primary_key=True),
    sa.Column("unit_id", sa.ForeignKey("units.id"), primary_key=True, index=True),
    sa.Column("captured_at", UtcDateTime, nullable=False),
    sa.Column("captured_by", sa.String(64), nullable=False),
    sa.Column("outcome", sa.String(OUTCOME_LENGTH), nullable=False),
)

# -- the warehouse floor ---------------------------------------------------------------------
#: A bin is a location of the ledger too (same code): what is in it is what the ledger says.
bins = sa.Table(
    "bins",
    metadata,
    sa.Column("code", sa.ForeignKey("locations.code"), primary_key=True),
    sa.Column("site_code", sa.ForeignKey("sites.code"), nullable=False, index=True),
    sa.Column("zone", _enum(LocationKind), nullable=False),
    sa.Column("kind", _enum(BinKind), nullable=False),
    sa.Column("level", sa.SmallInteger, nullable=False),
    sa.Column("height_m", sa.Float, nullable=False),
    sa.Column("max_volume_m3", sa.Float),
    sa.Column("max_mass_kg", sa.Float),
    sa.Column("places", sa.Integer),
)

team_members = sa.Table(
    "team_members",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    sa.Column("user_login", sa.ForeignKey("users.login"), nullable=False, unique=True),
    sa.Column("site_code", sa.ForeignKey("sites.code"), nullable=False, index=True),
    sa.Column("shift", _enum(Shift), nullable=False),
)

qualifications = sa.Table(
    "qualifications",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    sa.Column("member_id", sa.ForeignKey("team_members.id"), nullable=False, index=True),
    sa.Column("kind", _enum(QualificationKind), nullable=False),
    sa.Column("category", sa.String(4), nullable=False),
    sa.Column("obtained_on", sa.Date, nullable=False),
    sa.Column("expires_on", sa.Date, nullable=False, index=True),
    sa.Column("reference", sa.String(60), nullable=False),
)

ppe_issues = sa.Table(
    "ppe_issues",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    sa.Column("member_id", sa.ForeignKey("team_members.id"), nullable=False, index=True),
    sa.Column("item", _enum(PpeKind), nullable=False),
    sa.Column("size", sa.String(8), nullable=False),
    sa.Column("issued_on", sa.Date, nullable=False),
    sa.Column("replace_by", sa.Date, nullable=False, index=True),
)

floor_tasks = sa.Table(
    "floor_tasks",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    sa.Column("kind", _enum(TaskKind), nullable=False),
    sa.Column("site_code", sa.ForeignKey("sites.code"), nullable=False, index=True),
    sa.Column("zone", sa.String(32), nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False, index=True),
    sa.Column("priority", sa.SmallInteger, nullable=False),
    sa.Column("state", _enum(TaskState), nullable=False, index=True),
    sa.Column("unit_lpn", sa.String(20), index=True),
    sa.Column("from_location", sa.String(80)),
    sa.Column("bin_code", sa.String(80), nullable=False),
    sa.Column("equipment", CodeSet(), nullable=False),
    sa.Column("needs", Needs, nullable=False),
    sa.Column("ppe", CodeSet(PpeKind), nullable=False),
    sa.Column("assignee", sa.String(64), index=True),
    sa.Column("assigned_by", sa.String(64)),
    sa.Column("started_at", UtcDateTime),
    sa.Column("done_at", UtcDateTime),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("detail", sa.JSON, nullable=False),
)

mapper_registry = registry(metadata=metadata)


def start_mappers() -> None:
    """Map the domain classes onto the tables. Safe to call more than once."""
    if mapper_registry.mappers:
        return
    m = mapper_registry.map_imperatively
    m(Client, clients)
    m(Product, products)
    m(Site, sites)
    m(Location, locations)
    m(Customer, customers)
    m(ReturnLine, return_lines)
    m(
        ReturnRequest,
        return_requests,
        properties={
            "lines": relationship(
                ReturnLine,
                order_by=return_lines.c.line_no,
                lazy="selectin",
                cascade="all, delete-orphan",
            ),
        },
    )
    m(ReturnedUnit, units)
    m(Inspection, inspections)
    m(DispositionRecord, dispositions)
    m(WorkOrder, work_orders)
    m(UnitEvent, unit_events)
    m(StockMove, stock_moves)
    m(Consignment, consignments)
    m(UnitLeg, unit_legs)
    m(CollectionPlanRecord, collection_plans)
    m(User, users)
    m(ApiToken, api_tokens)
    m(AuditEntry, audit_log)
    m(WebSession, web_sessions)
    m(Bin, bins)
    m(Qualification, qualifications)
    m(PpeIssue, ppe_issues)
    m(
        TeamMember,
        team_members,
        properties={
            "qualifications": relationship(
                Qualification,
                order_by=qualifications.c.expires_on,
                lazy="selectin",
                cascade="all, delete-orphan",
            ),
            "ppe": relationship(
                PpeIssue,
                order_by=ppe_issues.c.replace_by,
                lazy="selectin",
                cascade="all, delete-orphan",
            ),
        },
    )
    m(FloorTask, floor_tasks)
    orm_floor_records.map_floor_records(m)


# The tables of areas kept in modules of their own, on the same metadata (their modules
# import this one).
from revalo.adapters import (  # noqa: E402,F401
    orm_compliance,
    orm_cost_ledger,
    orm_floor_records,
    orm_portal,
)
