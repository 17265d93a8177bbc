"""What the services need from the outside: the unit of work and its repositories.

The SQLAlchemy adapter implements these; tests may implement them too.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Generic, Protocol, Self, TypeVar

from revalo.domain.catalog import Customer, Location, Product, Site, SiteKind
from revalo.domain.clients import Client
from revalo.domain.collection_plan import CollectionPlanRecord
from revalo.domain.disposition import DispositionRecord
from revalo.domain.events import EventType, UnitEvent
from revalo.domain.inspection import Inspection
from revalo.domain.journey import Consignment, UnitLeg
from revalo.domain.ledger import StockMove
from revalo.domain.partner_records import SeenEvent
from revalo.domain.returns import ReturnReason, ReturnRequest, ReturnState
from revalo.domain.units import ReturnedUnit, UnitState
from revalo.domain.work_orders import WorkOrder, WorkOrderState

if TYPE_CHECKING:  # the report rows are read models of the services, defined with them
    from revalo.services.billing_ports import BillableActivities, BillingRepository
    from revalo.services.capacity_plan_ports import (
        CapacityPlanRepository,
        DispositionBatchRepository,
    )
    from revalo.services.certificate_ports import CertificateRepository
    from revalo.services.compliance_ports import ComplianceRepository
    from revalo.services.cost_ports import CostQueries, CostTargetRepository
    from revalo.services.dashboard import AgeCount, Flow, Inflow, StaleUnit, WorkCost
    from revalo.services.delivery_ports import DeliveryRepository, PartnerPaymentRepository
    from revalo.services.donation_ports import DonationRepository
    from revalo.services.epcis_ports import TraceRepository
    from revalo.services.floor.ports import FloorRepository
    from revalo.services.floor.records_ports import CountRepository, SafetyRepository
    from revalo.services.floor.stats_ports import FloorStatsRepository
    from revalo.services.import_ports import ReturnImportStore
    from revalo.services.job_ports import JobRepository
    from revalo.services.lot_ports import LotRepository, PartRepository
    from revalo.services.network_ports import NetworkHistory
    from revalo.services.notification_ports import OutboxRepository
    from revalo.services.partner_ports import PartnerRepository
    from revalo.services.people_ports import (
        AuditRepository,
        SessionRepository,
        TokenRepository,
        UserRepository,
    )
    from revalo.services.portal_ports import PortalRepository
    from revalo.services.refund_ports import RefundRepository
    from revalo.services.reports import Dwell, ReturnCount, SiteStock
    from revalo.services.resale_ports import ListingRepository
    from revalo.services.routing_ports import RoutingRepository
    from revalo.services.service_ports import (
        ServiceDeskRepository,
        SurveyRepository,
        WebhookRepository,
    )

T = TypeVar("T")


class WriteConflict(Exception):
    """The database refused a write because another transaction changed or created the same
    thing at the same time: ``what`` was taken or contended. Nothing of the transaction was
    written; the use case may be tried again (services/retry.py)."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: list[T]
    total: int


@dataclass(frozen=True, slots=True)
class ReturnFilter:
    state: ReturnState | None = None
    reason: ReturnReason | None = None
    customer_code: str | None = None
    country: str | None = None
    category: str | None = None
    requested_from: datetime | None = None
    requested_to: datetime | None = None
    search: str | None = None
    client_code: str | None = None


@dataclass(frozen=True, slots=True)
class UnitFilter:
    states: frozenset[UnitState] = field(default_factory=frozenset)
    site_code: str | None = None
    location_code: str | None = None
    sku: str | None = None
    category: str | None = None
    rma_number: str | None = None
    in_stock: bool | None = None
    client_code: str | None = None
    #: Only the units at one of these sites or on their way to one (a partner's).
    seen_at: frozenset[str] | None = None


class ClientRepository(Protocol):
    def add(self, client: Client) -> None: ...
    def get(self, code: str, *, lock: bool = False) -> Client | None: ...
    def list(self, *, active: bool | None = None) -> Sequence[Client]:
        """By code; ``active`` True or False: only those."""
        ...

    def existing_codes(self, codes: set[str], *, active: bool | None = None) -> set[str]: ...


class ProductRepository(Protocol):
    def add(self, product: Product) -> None: ...
    def get(self, sku: str) -> Product | None: ...
    def by_gtin(self, gtin: str) -> Product | None: ...
    def list(
        self, *, category: str | None, limit: int, offset: int, client_code: str | None = None
    ) -> Page[Product]: ...
    def all(self) -> Sequence[Product]: ...


class SiteRepository(Protocol):
    def add(self, site: Site) -> None: ...
    def get(self, code: str) -> Site | None: ...
    def list(self, *, kind: SiteKind | None = None) -> Sequence[Site]: ...
    def locations(self, site_code: str) -> Sequence[Location]: ...
    def location(self, code: str) -> Location | None: ...


class CustomerRepository(Protocol):
    def add(self, customer: Customer) -> None: ...
    def get(self, code: str) -> Customer | None: ...
    def existing_codes(self, codes: set[str]) -> set[str]: ...


class ReturnRepository(Protocol):
    def add(self, rma: ReturnRequest) -> None: ...
    def get(self, number: str, *, lock: bool = False) -> ReturnRequest | None: ...
    def list(self, flt: ReturnFilter, *, limit: int, offset: int) -> Page[ReturnRequest]: ...
    def expecting(self, sku: str, serial: str | None) -> Sequence[str]:
        """Numbers of the open returns still expecting a unit of ``sku``, best first."""
        ...

    def existing_order_refs(self, refs: set[str]) -> set[str]: ...


class UnitRepository(Protocol):
    def add(self, unit: ReturnedUnit) -> None: ...
    # lock: the unit's row is locked until the transaction ends and read as committed
    # (a use case that changes the unit); without, the session's copy may be older.
    def get(self, unit_id: int, *, lock: bool = False) -> ReturnedUnit | None: ...
    def by_lpn(self, lpn: str, *, lock: bool = False) -> ReturnedUnit | None: ...
    def by_gtin_serial(
        self, gtin: str, serial: str, *, lock: bool = False
    ) -> ReturnedUnit | None: ...
    def by_sscc(self, sscc: str, *, lock: bool = False) -> ReturnedUnit | None: ...
    def by_scanned_code(self, code: str, *, lock: bool = False) -> ReturnedUnit | None: ...
    def list(self, flt: UnitFilter, *, limit: int, offset: int) -> Page[ReturnedUnit]: ...
    def count_by_state(self) -> dict[str, int]: ...


class InspectionRepository(Protocol):
    def add(self, inspection: Inspection) -> None: ...
    def for_unit(self, unit_id: int) -> Sequence[Inspection]: ...
    def latest(self, unit_id: int) -> Inspection | None: ...


class DispositionRepository(Protocol):
    def add(self, record: DispositionRecord) -> None: ...
    def for_unit(self, unit_id: int) -> Sequence[DispositionRecord]: ...
    def latest(self, unit_id: int) -> DispositionRecord | None: ...


class WorkOrderRepository(Protocol):
    def add(self, order: WorkOrder) -> None: ...
    def get(self, order_id: int, *, lock: bool = False) -> WorkOrder | None: ...
    def for_unit(self, unit_id: int) -> Sequence[WorkOrder]: ...
    def list(
        self,
        *,
        site_codes: frozenset[str] | None,
        states: frozenset[WorkOrderState] | None,
        limit: int,
        offset: int,
    ) -> Page[WorkOrder]:
        """The orders at these sites (None: all) in these states (None: any), in the order
        they were opened."""
        ...


class EventRepository(Protocol):
    def add(self, event: UnitEvent) -> None: ...
    def for_unit(self, unit_id: int) -> Sequence[UnitEvent]: ...
    def seen_between(
        self, start: datetime, end: datetime, types: frozenset[EventType]
    ) -> Sequence[SeenEvent]:
        """The events of these types from ``start`` (included) to ``end``, in time order."""
        ...


class LedgerRepository(Protocol):
    def add(self, move: StockMove) -> None: ...
    def for_unit(self, unit_id: int) -> Sequence[StockMove]: ...
    def balances(
        self, *, site_code: str | None = None, client_code: str | None = None
    ) -> dict[str, int]: ...


@dataclass(frozen=True, slots=True)
class LegTotals:
    units: int
    legs: int
    km: float
    cost: Decimal
    co2e_g: int
    consignments_by_kind: dict[str, int]


class ConsignmentRepository(Protocol):
    def add(self, consignment: Consignment) -> None: ...
    def get(self, consignment_id: int) -> Consignment | None: ...
    def for_rma(self, rma_number: str) -> Consignment | None: ...
    def by_sscc(self, sscc: str) -> Consignment | None: ...
    def shipped_from(self, origin: str, *, since: datetime) -> dict[str, tuple[int, float]]:
        """Units and kg sent from ``origin`` to each destination since then."""
        ...


class LegRepository(Protocol):
    def add(self, leg: UnitLeg) -> None: ...
    def for_unit(self, unit_id: int) -> Sequence[UnitLeg]: ...
    def for_consignment(self, consignment_id: int) -> Sequence[UnitLeg]: ...
    def totals(
        self,
        start: datetime | None = None,
        end: datetime | None = None,
        *,
        client_code: str | None = None,
    ) -> LegTotals:
        """Units that travelled, their legs, and the sums of km, cost and CO2e (g), of the
        legs travelled between ``start`` and ``end`` (all when None); with ``client_code``,
        of that client's units only (and the consignments that carried them or its
        returns)."""
        ...


class ReportRepository(Protocol):
    """Aggregations for the summary report, computed by the database."""

    def for_client(self, client_code: str | None) -> ReportRepository:
        """The same questions over one client's goods only (None: over all goods)."""
        ...

    def count_units(self) -> int: ...
    def count_returns(self) -> int: ...
    def units_by_state(self) -> dict[str, int]: ...
    def units_by_route(self) -> dict[str, int]: ...
    def units_by_site(self) -> Sequence[SiteStock]: ...
    def dwell_in_stock(self, as_of: datetime, *, by_site: bool) -> Sequence[Dwell]: ...
    def time_to_leave(self, *, by_site: bool) -> Sequence[Dwell]: ...
    def returns_by_state(self) -> dict[str, int]: ...
    def returns_by_reason(self) -> Sequence[ReturnCount]: ...
    def returns_by_category(self) -> Sequence[ReturnCount]: ...
    def latest_event_at(self) -> datetime | None: ...
    # -- the web dashboard's aggregations ---------------------------------------------------
    def units_received_by_day(self, start: datetime, end: datetime) -> dict[date, int]: ...
    def units_graded_by_day(self, start: datetime, end: datetime) -> dict[date, int]: ...
    def units_left_by_day(self, start: datetime, end: datetime) -> dict[date, int]: ...
    def stock_by_site_and_state(self) -> dict[tuple[str, str], int]: ...
    def stock_by_grade(self) -> dict[tuple[str, str], int]: ...
    def stock_ages(
        self, as_of: datetime, edges: Sequence[int], *, by: str, site_code: str | None = None
    ) -> Sequence[AgeCount]: ...
    def oldest_in_stock(
        self, as_of: datetime, *, min_days: float, limit: int, offset: int = 0
    ) -> tuple[list[StaleUnit], int]: ...
    def routes_of_units_received(self, start: datetime, end: datetime) -> dict[str, int]: ...
    def value_received(self, start: datetime, end: datetime) -> tuple[int, Decimal]: ...
    def value_recovered(self, start: datetime, end: datetime) -> tuple[int, Decimal, Decimal]:
        """Units that left the stock in the period: how many, their new price, and what
        they brought (sale prices, partners' payments; a restocked unit its new price)."""
        ...

    def returns_requested(self, start: datetime, end: datetime) -> int: ...
    def work_cost(self, start: datetime, end: datetime) -> WorkCost: ...
    def site_flows(self) -> Sequence[Flow]: ...
    def inflows(self) -> Sequence[Inflow]: ...


class CollectionPlanRepository(Protocol):
    def add(self, plan: CollectionPlanRecord) -> None: ...
    def get(self, plan_id: int, *, lock: bool = False) -> CollectionPlanRecord | None: ...
    def for_day(self, day: date, region: str | None = None) -> Sequence[CollectionPlanRecord]:
        """The plans made for ``day`` (in ``region`` only, when given), oldest first."""
        ...

    def recent(self, limit: int) -> Sequence[CollectionPlanRecord]:
        """The last plans made, newest first."""
        ...


class Sequences(Protocol):
    def next(self, name: str) -> int:
        """The next number of a named counter (units, returns, work orders)."""
        ...

    def reserve(self, name: str, count: int) -> list[int]:
        """``count`` new numbers of a named counter at once, in increasing order."""
        ...


class DatabaseBusy(Exception):
    """A lock or a database connection was awaited longer than the timeout: nothing was
    changed, and the same request may succeed in ``retry_after`` seconds."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after


class UnitOfWork(Protocol):
    clients: ClientRepository
    products: ProductRepository
    sites: SiteRepository
    customers: CustomerRepository
    returns: ReturnRepository
    units: UnitRepository
    inspections: InspectionRepository
    dispositions: DispositionRepository
    work_orders: WorkOrderRepository
    events: EventRepository
    ledger: LedgerRepository
    consignments: ConsignmentRepository
    legs: LegRepository
    collection_plans: CollectionPlanRepository
    sequences: Sequences
    return_imports: ReturnImportStore
    reports: ReportRepository
    users: UserRepository
    tokens: TokenRepository
    audit: AuditRepository
    sessions: SessionRepository
    traces: TraceRepository
    floor: FloorRepository
    compliance: ComplianceRepository
    certificates: CertificateRepository
    network_history: NetworkHistory
    counts: CountRepository
    safety: SafetyRepository
    floor_stats: FloorStatsRepository
    jobs: JobRepository
    refunds: RefundRepository
    costs: CostQueries
    cost_targets: CostTargetRepository
    capacity_plans: CapacityPlanRepository
    disposition_batches: DispositionBatchRepository
    listings: ListingRepository
    outbox: OutboxRepository
    lots: LotRepository
    parts: PartRepository
    partners: PartnerRepository
    routing: RoutingRepository
    donations: DonationRepository
    deliveries: DeliveryRepository
    partner_payments: PartnerPaymentRepository
    portal: PortalRepository
    billing: BillingRepository
    billable: BillableActivities
    service_desk: ServiceDeskRepository
    surveys: SurveyRepository
    webhooks: WebhookRepository

    def __enter__(self) -> Self: ...
    def __exit__(self, *args: object) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...
    def read_only(self) -> UnitOfWork:
        """A unit of work on the same data that may only read: long reading (before a
        plan is solved, a batch decided) takes no write lock there. Inside a batch, the
        batch itself, so that its reads see what it wrote."""
        ...


class BatchUnitOfWork(UnitOfWork, Protocol):
    """A unit of work that can also group many use cases into one transaction
    (``SqlAlchemyUnitOfWork.batch``)."""

    def batch(self, *, isolate_failures: bool = True) -> AbstractContextManager[None]: ...
