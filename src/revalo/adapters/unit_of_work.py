"""The SQLAlchemy unit of work: one session, one transaction per use case.

Inside ``batch()`` every use case runs in a savepoint of one longer transaction: a failed
use case rolls back its own work only, and the whole batch commits once at the end. With
``batch(isolate_failures=False)`` there are no savepoints: the first failed use case makes
the whole batch roll back. The demo uses that to drive thousands of use cases through the
service layer quickly.

A read-only unit of work (``read_only()``, ``App.read_uow()``) has sessions of the reader
engine: the database refuses any write made through it. A lock or a connection awaited
longer than the timeout leaves the unit of work as the port's ``DatabaseBusy``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Self

import sqlalchemy as sa
from sqlalchemy.orm import Session, SessionTransaction, sessionmaker

from revalo.adapters import people_repositories as people
from revalo.adapters import repositories as r
from revalo.adapters.billing_activities import SqlBillableActivities
from revalo.adapters.billing_repository import SqlBillingRepository
from revalo.adapters.capacity_plan_repository import SqlCapacityPlanRepository
from revalo.adapters.certificate_repository import SqlCertificateRepository
from revalo.adapters.client_repositories import SqlClientRepository
from revalo.adapters.compliance_repository import SqlComplianceRepository
from revalo.adapters.conflicts import as_write_conflict
from revalo.adapters.cost_ledger import SETTLES
from revalo.adapters.cost_queries import SqlCostQueries
from revalo.adapters.cost_target_repository import SqlCostTargetRepository
from revalo.adapters.counters import SqlSequences, session_info
from revalo.adapters.db import DEFAULT_LOCK_TIMEOUT_S, Engines, busy_error
from revalo.adapters.delivery_repository import SqlDeliveryRepository
from revalo.adapters.disposition_batch_repository import SqlDispositionBatchRepository
from revalo.adapters.donation_repository import SqlDonationRepository
from revalo.adapters.floor_records_repository import SqlCountRepository, SqlSafetyRepository
from revalo.adapters.floor_repository import SqlFloorRepository
from revalo.adapters.floor_stats_repository import SqlFloorStatsRepository
from revalo.adapters.job_repository import SqlJobRepository
from revalo.adapters.lot_repository import SqlLotRepository, SqlPartRepository
from revalo.adapters.network_history import SqlNetworkHistory
from revalo.adapters.outbox_repository import SqlOutboxRepository
from revalo.adapters.partner_payment_repository import SqlPartnerPaymentRepository
from revalo.adapters.partner_repository import SqlPartnerRepository
from revalo.adapters.portal_repository import SqlPortalRepository
from revalo.adapters.refund_repository import SqlRefundRepository
from revalo.adapters.reports import SqlReportRepository
from revalo.adapters.resale_repository import SqlListingRepository
from revalo.adapters.return_imports import SqlReturnImports
from revalo.adapters.routing_repository import SqlRoutingRepository
from revalo.adapters.service_repository import (
    SqlServiceDeskRepository,
    SqlSurveyRepository,
    SqlWebhookRepository,
)
from revalo.adapters.trace_repository import SqlTraceRepository
from revalo.services import (
    compliance_ports,
    epcis_ports,
    import_ports,
    job_ports,
    people_ports,
    ports,
)
from revalo.services.billing_ports import BillableActivities, BillingRepository
from revalo.services.capacity_plan_ports import CapacityPlanRepository, DispositionBatchRepository
from revalo.services.certificate_ports import CertificateRepository
from revalo.services.cost_ports import CostQueries, CostTargetRepository
from revalo.services.delivery_ports import DeliveryRepository, PartnerPaymentRepository
from revalo.services.donation_ports import DonationRepository
from revalo.services.floor.ports import FloorRepository
from revalo.services.floor.records_ports import CountRepository, SafetyRepository
from revalo.services.floor.stats_ports import FloorStatsRepository
from revalo.services.lot_ports import LotRepository, PartRepository
from revalo.services.network_ports import NetworkHistory
from revalo.services.notification_ports import OutboxRepository
from revalo.services.partner_ports import PartnerRepository
from revalo.services.portal_ports import PortalRepository
from revalo.services.refund_ports import RefundRepository
from revalo.services.resale_ports import ListingRepository
from revalo.services.routing_ports import RoutingRepository
from revalo.services.service_ports import (
    ServiceDeskRepository,
    SurveyRepository,
    WebhookRepository,
)


class SqlAlchemyUnitOfWork:
    # Typed as the ports say, so that this class satisfies services.ports.UnitOfWork.
    session: Session
    clients: ports.ClientRepository
    products: ports.ProductRepository
    sites: ports.SiteRepository
    customers: ports.CustomerRepository
    returns: ports.ReturnRepository
    units: ports.UnitRepository
    inspections: ports.InspectionRepository
    dispositions: ports.DispositionRepository
    work_orders: ports.WorkOrderRepository
    events: ports.EventRepository
    ledger: ports.LedgerRepository
    consignments: ports.ConsignmentRepository
    legs: ports.LegRepository
    collection_plans: ports.CollectionPlanRepository
    sequences: ports.Sequences
    return_imports: import_ports.ReturnImportStore
    reports: ports.ReportRepository
    users: people_ports.UserRepository
    tokens: people_ports.TokenRepository
    audit: people_ports.AuditRepository
    sessions: people_ports.SessionRepository
    traces: epcis_ports.TraceRepository
    floor: FloorRepository
    compliance: compliance_ports.ComplianceRepository
    certificates: CertificateRepository
    network_history: NetworkHistory
    counts: CountRepository
    safety: SafetyRepository
    floor_stats: FloorStatsRepository
    jobs: job_ports.JobRepository
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

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        *,
        read_factory: sessionmaker[Session] | None = None,
        lock_timeout_s: float = DEFAULT_LOCK_TIMEOUT_S,
    ) -> None:
        self.session_factory = session_factory
        #: Sessions of the reader engine, for ``read_only()``; None: this one reads only.
        self.read_factory = read_factory
        self.lock_timeout_s = lock_timeout_s
        self._batch_session: Session | None = None
        self._savepoint: SessionTransaction | None = None
        self._isolate = True
        self._batch_failed = False
        self._depth = 0

    def __enter__(self) -> Self:
        if self._depth:
            raise RuntimeError("a unit of work is not re-entrant; use batch() to group use cases")
        if self._batch_failed:
            raise RuntimeError("a use case failed earlier in this batch: it will be rolled back")
        self._depth += 1
        if self._batch_session is None:
            self._bind(self.session_factory())
            return self
        if getattr(self, "session", None) is not self._batch_session:
            self._bind(self._batch_session)
        if self._isolate:
            self._savepoint = self.session.begin_nested()
        return self

    def _bind(self, s: Session) -> None:
        self.session = s
        self.clients = SqlClientRepository(s)
        self.products = r.SqlProductRepository(s)
        self.sites = r.SqlSiteRepository(s)
        self.customers = r.SqlCustomerRepository(s)
        self.returns = r.SqlReturnRepository(s)
        self.units = r.SqlUnitRepository(s)
        self.inspections = r.SqlInspectionRepository(s)
        self.dispositions = r.SqlDispositionRepository(s)
        self.work_orders = r.SqlWorkOrderRepository(s)
        self.events = r.SqlEventRepository(s)
        self.ledger = r.SqlLedgerRepository(s)
        self.consignments = r.SqlConsignmentRepository(s)
        self.legs = r.SqlLegRepository(s)
        self.collection_plans = r.SqlCollectionPlanRepository(s)
        self.sequences = SqlSequences(s)
        self.return_imports = SqlReturnImports(s)
        self.reports = SqlReportRepository(s)
        self.users = people.SqlUserRepository(s)
        self.tokens = people.SqlTokenRepository(s)
        self.audit = people.SqlAuditRepository(s)
        self.sessions = people.SqlSessionRepository(s)
        self.traces = SqlTraceRepository(s)
        self.floor = SqlFloorRepository(s)
        self.compliance = SqlComplianceRepository(s)
        self.certificates = SqlCertificateRepository(s)
        self.network_history = SqlNetworkHistory(s)
        self.counts = SqlCountRepository(s)
        self.safety = SqlSafetyRepository(s)
        self.floor_stats = SqlFloorStatsRepository(s)
        self.jobs = SqlJobRepository(s)
        self.refunds = SqlRefundRepository(s)
        self.costs = SqlCostQueries(s)
        self.cost_targets = SqlCostTargetRepository(s)
        self.capacity_plans = SqlCapacityPlanRepository(s)
        self.disposition_batches = SqlDispositionBatchRepository(s)
        self.listings = SqlListingRepository(s)
        self.outbox = SqlOutboxRepository(s)
        self.lots = SqlLotRepository(s)
        self.parts = SqlPartRepository(s)
        self.partners = SqlPartnerRepository(s)
        self.routing = SqlRoutingRepository(s)
        self.donations = SqlDonationRepository(s)
        self.deliveries = SqlDeliveryRepository(s)
        self.partner_payments = SqlPartnerPaymentRepository(s)
        self.portal = SqlPortalRepository(s)
        self.billing = SqlBillingRepository(s)
        self.billable = SqlBillableActivities(s)
        self.service_desk = SqlServiceDeskRepository(s)
        self.surveys = SqlSurveyRepository(s)
        self.webhooks = SqlWebhookRepository(s)

    def __exit__(self, *exc_info: object) -> None:
        exc = exc_info[1] if len(exc_info) > 1 and isinstance(exc_info[1], BaseException) else None
        # What was not committed is rolled back. Closing the session does that without
        # expiring what was loaded, so the objects a query returns stay readable.
        try:
            if self._batch_session is None:
                self.session.close()
            elif self._isolate:
                self.rollback()
            elif exc is not None:
                self._batch_failed = True
        finally:
            self._depth -= 1
        # A collision with another transaction, or a lock awaited too long, told in the
        # port's words (rolled back above).
        conflict = as_write_conflict(exc)
        if conflict is not None:
            raise conflict from exc
        busy = busy_error(exc, self.lock_timeout_s) if exc is not None else None
        if busy is not None:
            raise busy from exc

    def read_only(self) -> SqlAlchemyUnitOfWork:
        if self._batch_session is not None or self.read_factory is None:
            return self
        return SqlAlchemyUnitOfWork(self.read_factory, lock_timeout_s=self.lock_timeout_s)

    def commit(self) -> None:
        if self._batch_session is not None and not self._isolate:
            # Written at the next flush: before a query that needs it, or at the batch's end.
            pass
        elif self._savepoint is not None:
            self._savepoint.commit()
            self._savepoint = None
        else:
            self.session.commit()

    def rollback(self) -> None:
        if self._batch_session is not None:
            if self._savepoint is not None and self._savepoint.is_active:
                self._savepoint.rollback()
            self._savepoint = None
        else:
            self.session.rollback()

    @contextmanager
    def batch(self, *, isolate_failures: bool = True) -> Iterator[None]:
        """Group many use cases into one transaction. Each runs in its own savepoint, unless
        ``isolate_failures`` is false: then a failed use case fails the whole batch, even
        when its caller carries on."""
        session = self.session_factory()
        self._batch_session, self._isolate, self._batch_failed = session, isolate_failures, False
        try:
            with session.begin():
                yield
                if self._batch_failed:
                    raise RuntimeError("a use case failed in the batch: nothing was written")
        except (sa.exc.DBAPIError, sa.exc.TimeoutError) as exc:
            busy = busy_error(exc, self.lock_timeout_s)
            if busy is None:
                raise
            raise busy from exc
        finally:
            self._batch_session, self._isolate, self._batch_failed = None, True, False
            session.close()


def session_factories(engines: Engines) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
    """Sessions that write, and sessions that only read. A SQLite file's reader engine
    cannot write at all; elsewhere each read transaction is declared read only."""
    writer = sessionmaker(
        bind=engines.writer, expire_on_commit=False, info={**session_info(), SETTLES: True}
    )
    reading = engines.reader
    if reading.dialect.name == "postgresql":
        # The driver then opens each transaction with BEGIN READ ONLY (no statement more),
        # and the pool resets the connection when it comes back.
        reading = reading.execution_options(postgresql_readonly=True)
    reader = sessionmaker(bind=reading, expire_on_commit=False)
    return writer, reader
