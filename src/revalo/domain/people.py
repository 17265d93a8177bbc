"""People and access: users and their roles, what each role may do, API tokens, the audit.

What a role may do is one table, ``ROLE_PERMISSIONS``: a permission per use case of the
services. The services ask ``ensure_can(user, permission)`` before they act, so the API, the
web pages and the CLI obey the same rules. Partners and clients are kept to their part: a
partner user sees only what is at or sent to its sites, a client user only its own goods.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import datetime

from revalo.domain.catalog import check_code
from revalo.domain.errors import InvalidValue, PermissionDenied


class Role(enum.StrEnum):
    ADMINISTRATOR = "administrator"
    FLOW_MANAGER = "flow_manager"
    TEAM_SUPERVISOR = "team_supervisor"
    HANDLER = "handler"
    FORKLIFT_DRIVER = "forklift_driver"
    TECHNICIAN = "technician"
    CUSTOMER_SERVICE = "customer_service"
    FINANCE = "finance"
    PARTNER = "partner"
    CLIENT = "client"
    #: Reads everything and each unit's whole trail, changes nothing.
    AUDITOR = "auditor"


class Permission(enum.StrEnum):
    """One use case of the services (or a family of reads that go together)."""

    # The warehouse floor
    RECEIVE = "receive"
    QUARANTINE = "quarantine"
    RELEASE = "release"
    INSPECT = "inspect"
    MOVE = "move"
    START_WORK_ORDER = "start_work_order"
    FINISH_WORK_ORDER = "finish_work_order"
    DO_TASKS = "do_tasks"
    ASSIGN_TASKS = "assign_tasks"
    MANAGE_TEAM = "manage_team"
    MANAGE_BINS = "manage_bins"
    # What becomes of a unit
    DECIDE_DISPOSITION = "decide_disposition"
    PLAN_CAPACITIES = "plan_capacities"
    OVERRIDE_DISPOSITION = "override_disposition"
    ACCEPT_DECISIONS = "accept_decisions"
    DISPATCH = "dispatch"
    SELL = "sell"
    RECORD_PROCEEDS = "record_proceeds"
    # Returns
    REQUEST_RETURN = "request_return"
    AUTHORISE_RETURN = "authorise_return"
    REJECT_RETURN = "reject_return"
    IMPORT_RETURNS = "import_returns"
    # Transport
    QUOTE = "quote"
    BOOK_LABEL = "book_label"
    SHIP = "ship"
    BOOK_OUTBOUND = "book_outbound"
    PLAN_COLLECTIONS = "plan_collections"
    COMMIT_COLLECTION_PLAN = "commit_collection_plan"
    # Reading
    VIEW_RETURNS = "view_returns"
    VIEW_UNITS = "view_units"
    VIEW_STOCK = "view_stock"
    VIEW_WORK_ORDERS = "view_work_orders"
    VIEW_DECISIONS = "view_decisions"
    VIEW_COLLECTIONS = "view_collections"
    VIEW_CATALOGUE = "view_catalogue"
    VIEW_CUSTOMERS = "view_customers"
    VIEW_DASHBOARD = "view_dashboard"
    VIEW_FLOOR = "view_floor"
    VIEW_REPORTS = "view_reports"
    VIEW_COSTS = "view_costs"
    SET_COST_TARGETS = "set_cost_targets"
    EXPORT_UNITS = "export_units"
    EXPORT_EVENTS = "export_events"
    CAPTURE_EVENTS = "capture_events"
    # The catalogue and the people
    MANAGE_PRODUCTS = "manage_products"
    MANAGE_SITES = "manage_sites"
    MANAGE_CUSTOMERS = "manage_customers"
    MANAGE_CLIENTS = "manage_clients"
    MANAGE_USERS = "manage_users"
    MANAGE_TOKENS = "manage_tokens"
    VIEW_AUDIT = "view_audit"
    VIEW_COMPLIANCE = "view_compliance"
    AUDIT_UNITS = "audit_units"
    # The network
    PLAN_NETWORK = "plan_network"
    SET_ROUTING = "set_routing"
    # The floor's records
    APPROVE_COUNTS = "approve_counts"
    RECORD_SAFETY = "record_safety"
    # Jobs (long work run by workers)
    VIEW_JOBS = "view_jobs"
    OVERSEE_JOBS = "oversee_jobs"
    # After-sales
    RECORD_REFUND = "record_refund"
    VIEW_REFUNDS = "view_refunds"
    EXPORT_REFUNDS = "export_refunds"
    CANCEL_RETURN = "cancel_return"
    CLOSE_RETURN = "close_return"
    # B2B lots and harvested parts
    VIEW_LOTS = "view_lots"
    MANAGE_LOTS = "manage_lots"
    MAKE_OFFERS = "make_offers"
    VIEW_PARTS = "view_parts"
    HARVEST_PARTS = "harvest_parts"
    # The partners' records
    VIEW_PARTNERS = "view_partners"
    SET_PARTNER_TERMS = "set_partner_terms"
    OPEN_DISPUTES = "open_disputes"
    SETTLE_DISPUTES = "settle_disputes"
    ACKNOWLEDGE_DONATIONS = "acknowledge_donations"
    VALUE_DONATIONS = "value_donations"
    RECORD_PAYMENTS = "record_payments"
    RECORD_RESALES = "record_resales"
    ISSUE_PORTAL_LINK = "issue_portal_link"
    # Resale
    MANAGE_LISTINGS = "manage_listings"
    VIEW_LISTINGS = "view_listings"
    VIEW_PROFITABILITY = "view_profitability"
    # Billing the provider's clients
    MANAGE_RATE_CARDS = "manage_rate_cards"
    RUN_BILLING = "run_billing"
    CREDIT_INVOICES = "credit_invoices"
    VIEW_INVOICES = "view_invoices"
    # Customer service's desk, satisfaction and the clients' webhooks
    VIEW_SERVICE = "view_service"
    VIEW_SATISFACTION = "view_satisfaction"
    RECORD_CONTACT = "record_contact"
    RESEND_LABEL = "resend_label"
    AUTHORISE_EXCEPTION = "authorise_exception"
    MANAGE_WEBHOOKS = "manage_webhooks"

    @property
    def description(self) -> str:
        return PERMISSION_DESCRIPTIONS[self]


P = Permission
PERMISSION_DESCRIPTIONS: dict[Permission, str] = {
    P.RECEIVE: "receive a unit (scan it in, or quarantine an unidentified item)",
    P.QUARANTINE: "put a unit in quarantine",
    P.RELEASE: "release a unit from quarantine",
    P.INSPECT: "inspect and grade a unit",
    P.MOVE: "move a unit between locations of a site",
    P.START_WORK_ORDER: "start a work order (test, clean, wipe, repair, refurbish)",
    P.FINISH_WORK_ORDER: "record a work order's labour, results and parts, and finish it (done "
    "or failed)",
    P.DO_TASKS: "take, start and finish one's own tasks on the floor (put away, pick, count)",
    P.ASSIGN_TASKS: "assign the floor's tasks to the team",
    P.MANAGE_TEAM: "record the team's members, shifts, qualifications and PPE issued",
    P.MANAGE_BINS: "add and import a site's bins",
    P.DECIDE_DISPOSITION: "decide what becomes of a unit",
    P.OVERRIDE_DISPOSITION: "override a disposition already decided",
    P.ACCEPT_DECISIONS: "accept the day's batch of proposed decisions",
    P.DISPATCH: "dispatch a unit along the route decided for it",
    P.SELL: "record the sale of a listed unit",
    P.RECORD_PROCEEDS: "record the money a unit brought after it left",
    P.REQUEST_RETURN: "create a return request",
    P.AUTHORISE_RETURN: "authorise a return request",
    P.REJECT_RETURN: "reject a return request",
    P.IMPORT_RETURNS: "import return requests from a file",
    P.QUOTE: "ask the carriers' prices for a shipment",
    P.PLAN_CAPACITIES: "set the sites' weekly hours per skill and storage places, and the "
    "channels' weekly demand per product category with its price steps",
    P.BOOK_LABEL: "book a carrier for a return's label",
    P.SHIP: "ship units to another site (books a carrier)",
    P.BOOK_OUTBOUND: "book the consolidated outbound shipments of a site",
    P.PLAN_COLLECTIONS: "plan a day's collections",
    P.COMMIT_COLLECTION_PLAN: "commit a collection plan (books its pickups)",
    P.VIEW_RETURNS: "see return requests",
    P.VIEW_UNITS: "see units, their timeline and journey",
    P.VIEW_STOCK: "see the stock of the sites",
    P.VIEW_WORK_ORDERS: "see work orders",
    P.VIEW_DECISIONS: "see the decision queue and why the engine proposes a route",
    P.VIEW_COLLECTIONS: "see collection plans and what waits for a pickup",
    P.VIEW_CATALOGUE: "see products, sites and the network map",
    P.VIEW_CUSTOMERS: "see customers (names and addresses)",
    P.VIEW_DASHBOARD: "see the dashboard",
    P.VIEW_FLOOR: "see the floor: bins and their fill, the team, every task, what expires",
    P.VIEW_REPORTS: "see the reports",
    P.VIEW_COSTS: "see the cost ledger and its analysis (transport, handling, work, storage, "
    "fees, what units brought back)",
    P.SET_COST_TARGETS: "set and remove the targets of cost per return, km per unit, days in "
    "stock and share recovered",
    P.EXPORT_UNITS: "export units to a file",
    P.EXPORT_EVENTS: "query and export the units' events as GS1 EPCIS 2.0",
    P.CAPTURE_EVENTS: "send the EPCIS 2.0 events of work done at a partner's site (receipts, "
    "repairs, tests)",
    P.MANAGE_PRODUCTS: "add and change products",
    P.MANAGE_SITES: "add and change sites",
    P.MANAGE_CUSTOMERS: "add and change customers",
    P.MANAGE_CLIENTS: "add and deactivate the client firms whose returns are handled",
    P.MANAGE_USERS: "add, change and deactivate users",
    P.MANAGE_TOKENS: "create, see and revoke other users' API tokens",
    P.VIEW_AUDIT: "see the audit trail",
    P.VIEW_COMPLIANCE: "see and download the WEEE report and the ESPR and AGEC disclosure",
    P.AUDIT_UNITS: "see and export a unit's whole trail (events, decisions with their rule, "
    "documents)",
    P.PLAN_NETWORK: "plan the network: compare scenarios of sites to open and where returns go",
    P.SET_ROUTING: "adopt a network plan's routing: the hub each region's returns are "
    "authorised to, from a day on",
    P.APPROVE_COUNTS: "approve or reject the differences a cycle count found (not one's own count)",
    P.RECORD_SAFETY: "record incidents, near misses and safety briefings",
    P.VIEW_JOBS: "follow and cancel one's own jobs (plans, batches, imports, exports)",
    P.OVERSEE_JOBS: "see and cancel everybody's jobs",
    P.RECORD_REFUND: "record what a return owes back, its proof of sending, and its refunds, "
    "exchanges and store credit",
    P.VIEW_REFUNDS: "see the refunds due, due soon and late",
    P.EXPORT_REFUNDS: "export the refunds for accounting",
    P.CANCEL_RETURN: "cancel a return not yet received, with the reason",
    P.CLOSE_RETURN: "close a return whose units have left and whose refund is settled",
    P.VIEW_LOTS: "see the B2B lots, their units, offers and invoice data, and download a "
    "lot's manifest (a partner: the lots open to its buying sites, and those it made an offer "
    "on or bought, with its own offers)",
    P.MANAGE_LOTS: "make B2B lots of ready units, record the buyers' offers, accept the best "
    "and ship the lot",
    P.MAKE_OFFERS: "make an offer on an open B2B lot for a site that buys lots (a partner: "
    "for its own)",
    P.VIEW_PARTS: "see the harvested parts in stock",
    P.VIEW_PARTNERS: "see each partner's record: units handed over and sent for work, "
    "turnaround, work done right the first time, what the units brought back (a partner: "
    "its own)",
    P.SET_PARTNER_TERMS: "agree a partner's terms (price share, turnaround, first-time-right "
    "share): a new version from a day",
    P.OPEN_DISPUTES: "open a dispute with a partner about a unit, a delivery, its work or a "
    "payment (a partner: with the company, at its own sites)",
    P.SETTLE_DISPUTES: "settle a partner's dispute: accept it with the credit agreed, or "
    "reject it with the reason (not one's own)",
    P.ACKNOWLEDGE_DONATIONS: "acknowledge the units donated to a charity (a partner: to its own)",
    P.RECORD_PAYMENTS: "record a partner's payment for the units handed over to it for good, "
    "each unit once (a partner: its own)",
    P.RECORD_RESALES: "record a partner's resale of a unit handed over to it for good and "
    "accepted, each unit once (a partner: at its own sites)",
    P.VALUE_DONATIONS: "value a donation at the cost price of its units, for the charity's "
    "tax receipt",
    P.HARVEST_PARTS: "dismantle a unit decided for its parts into graded parts put into stock",
    P.ISSUE_PORTAL_LINK: "give a customer a link to follow their return on the portal",
    P.MANAGE_LISTINGS: "list units for sale on the channels, edit, reprice, reserve and "
    "withdraw their listings",
    P.VIEW_LISTINGS: "see the listings, their price history and the channels' feeds",
    P.VIEW_PROFITABILITY: "see what every resale fetched net of its costs, against the "
    "engine's expectation",
    P.MANAGE_RATE_CARDS: "load and change the clients' rate cards (a new version from a day)",
    P.RUN_BILLING: "run a client's monthly billing (issues its invoice, once)",
    P.CREDIT_INVOICES: "correct an issued invoice with a credit note",
    P.VIEW_INVOICES: "see invoices, credit notes and rate cards (a client: its own)",
    P.VIEW_SERVICE: "find a return by order, customer, e-mail or parcel; see its whole history",
    P.VIEW_SATISFACTION: "see the customers' satisfaction (CSAT) and the time to refund (a "
    "client: its own returns')",
    P.RECORD_CONTACT: "write notes and contacts with the customer on a return",
    P.RESEND_LABEL: "send the customer a return's parcel label again",
    P.AUTHORISE_EXCEPTION: "authorise a return the policy rejected or left for review, with "
    "the reason",
    P.MANAGE_WEBHOOKS: "add and deactivate the clients' webhook endpoints",
}

_FLOOR_READS = frozenset({P.VIEW_UNITS, P.VIEW_STOCK, P.VIEW_WORK_ORDERS, P.VIEW_CATALOGUE})
#: Every read of the goods and the figures (the audit trail is the administrator's alone).
_VIEWS = frozenset(p for p in Permission if p.value.startswith("view_"))
_ALL_READS = (_VIEWS - {P.VIEW_AUDIT}) | {P.EXPORT_UNITS, P.EXPORT_EVENTS}

#: What each role may do. A user with several roles may do what any of them may.
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    # The administrator runs the system (people, tokens, catalogue, audit) and sees all; the
    # work itself belongs to the roles that do it (give a person both roles when needed).
    Role.ADMINISTRATOR: _ALL_READS
    | {P.MANAGE_PRODUCTS, P.MANAGE_SITES, P.MANAGE_CUSTOMERS, P.MANAGE_CLIENTS, P.MANAGE_BINS}
    | {P.MANAGE_USERS, P.MANAGE_TOKENS, P.VIEW_AUDIT, P.AUDIT_UNITS, P.MANAGE_WEBHOOKS},
    Role.FLOW_MANAGER: frozenset(Permission)
    - {P.RECORD_PROCEEDS, P.MANAGE_USERS, P.MANAGE_TOKENS, P.VIEW_AUDIT},
    Role.TEAM_SUPERVISOR: _ALL_READS
    - {P.VIEW_CUSTOMERS, P.VIEW_COSTS, P.VIEW_REFUNDS, P.VIEW_PROFITABILITY}
    - {P.VIEW_CUSTOMERS, P.VIEW_COSTS, P.VIEW_REFUNDS, P.VIEW_INVOICES}
    - {P.VIEW_CUSTOMERS, P.VIEW_COSTS, P.VIEW_REFUNDS, P.VIEW_SERVICE, P.VIEW_SATISFACTION}
    | {P.RECEIVE, P.QUARANTINE, P.RELEASE, P.INSPECT, P.MOVE, P.DISPATCH}
    | {P.START_WORK_ORDER, P.FINISH_WORK_ORDER, P.PLAN_COLLECTIONS, P.QUOTE}
    | {P.DO_TASKS, P.ASSIGN_TASKS, P.MANAGE_TEAM}
    | {P.APPROVE_COUNTS, P.RECORD_SAFETY}
    | {P.HARVEST_PARTS},
    Role.HANDLER: _FLOOR_READS
    | {P.VIEW_RETURNS, P.RECEIVE, P.QUARANTINE, P.INSPECT, P.MOVE, P.DO_TASKS}
    | {P.RECORD_SAFETY},
    Role.FORKLIFT_DRIVER: _FLOOR_READS | {P.MOVE, P.DO_TASKS} | {P.RECORD_SAFETY},
    Role.TECHNICIAN: _FLOOR_READS
    | {P.QUARANTINE, P.INSPECT, P.START_WORK_ORDER, P.FINISH_WORK_ORDER}
    | {P.RECORD_SAFETY}
    | {P.VIEW_PARTS, P.HARVEST_PARTS},
    Role.CUSTOMER_SERVICE: frozenset(
        {P.VIEW_RETURNS, P.VIEW_UNITS, P.VIEW_CUSTOMERS, P.VIEW_CATALOGUE, P.MANAGE_CUSTOMERS}
        | {P.REQUEST_RETURN, P.AUTHORISE_RETURN, P.REJECT_RETURN, P.IMPORT_RETURNS, P.QUOTE}
        | {P.RECORD_REFUND, P.VIEW_REFUNDS, P.CANCEL_RETURN, P.CLOSE_RETURN}
        | {P.ISSUE_PORTAL_LINK}
        | {P.VIEW_SERVICE, P.RECORD_CONTACT, P.RESEND_LABEL, P.AUTHORISE_EXCEPTION}
        | {P.VIEW_SATISFACTION}
    ),
    # Billing: sales and what units brought after they left (a sales channel's order feed
    # is a finance user too).
    Role.FINANCE: frozenset(
        {P.VIEW_RETURNS, P.VIEW_UNITS, P.VIEW_STOCK, P.VIEW_WORK_ORDERS, P.VIEW_CATALOGUE}
        | {P.VIEW_DASHBOARD, P.VIEW_REPORTS, P.VIEW_COSTS, P.EXPORT_UNITS, P.RECORD_PROCEEDS}
        | {P.SELL, P.VIEW_LOTS, P.VIEW_PARTS, P.VIEW_PARTNERS}
        | {P.SELL, P.VIEW_LISTINGS, P.VIEW_PROFITABILITY}
        | {P.RECORD_REFUND, P.VIEW_REFUNDS, P.EXPORT_REFUNDS}
        | {P.MANAGE_RATE_CARDS, P.RUN_BILLING, P.CREDIT_INVOICES, P.VIEW_INVOICES}
        | {P.OPEN_DISPUTES, P.SETTLE_DISPUTES, P.VALUE_DONATIONS, P.RECORD_PAYMENTS}
        | {P.RECORD_RESALES}
    ),
    # Only at its own sites: accept a delivery, report a repair done, send the unit on,
    # record a sale, a payment, a resale.
    Role.PARTNER: frozenset(
        {P.VIEW_UNITS, P.VIEW_WORK_ORDERS, P.EXPORT_UNITS, P.EXPORT_EVENTS, P.CAPTURE_EVENTS}
        | {P.RECEIVE}
        | {P.START_WORK_ORDER, P.FINISH_WORK_ORDER, P.DISPATCH, P.SELL}
        | {P.VIEW_PARTNERS, P.OPEN_DISPUTES, P.ACKNOWLEDGE_DONATIONS}
        | {P.VIEW_LOTS, P.MAKE_OFFERS, P.RECORD_PAYMENTS, P.RECORD_RESALES}
    ),
    # Only its own goods, and it changes nothing of the warehouse's.
    Role.CLIENT: frozenset(
        {P.VIEW_RETURNS, P.VIEW_UNITS, P.VIEW_DASHBOARD, P.VIEW_REPORTS, P.VIEW_COSTS}
        | {P.EXPORT_UNITS, P.EXPORT_EVENTS}
        | {P.VIEW_COMPLIANCE}
        | {P.VIEW_INVOICES}
        | {P.VIEW_SATISFACTION}
    ),
    # An auditor (a regulator's, a producer-responsibility organisation's, the company's
    # own): every read and the units' whole trails; it changes nothing (the sign-ins and
    # refusals of the access audit stay the administrator's).
    Role.AUDITOR: _ALL_READS | {P.AUDIT_UNITS},
}

# Everybody follows the jobs they submitted; seeing and cancelling everybody's is the flow
# manager's (every permission) and the administrator's (who sees all).
for _role in Role:
    ROLE_PERMISSIONS[_role] = ROLE_PERMISSIONS[_role] | {P.VIEW_JOBS}
ROLE_PERMISSIONS[Role.ADMINISTRATOR] = ROLE_PERMISSIONS[Role.ADMINISTRATOR] | {P.OVERSEE_JOBS}

#: Roles kept to a part of the goods; a user with one of them has no other role.
SCOPED_ROLES = frozenset({Role.PARTNER, Role.CLIENT})


def roles_with(permission: Permission) -> list[Role]:
    return [r for r in Role if permission in ROLE_PERMISSIONS[r]]


def parse_role(value: str) -> Role:
    try:
        return Role(value.strip().lower().replace("-", "_").replace(" ", "_"))
    except ValueError:
        valid = ", ".join(r.value for r in Role)
        raise InvalidValue(f"unknown role {value!r}: use one of {valid}", field="roles") from None


class Language(enum.StrEnum):
    FR = "fr"
    EN = "en"


_LOGIN = re.compile(r"^[a-z0-9][a-z0-9._@-]{1,63}$")
MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 256


def check_login(value: str) -> str:
    v = value.strip().lower()
    if not _LOGIN.match(v):
        raise InvalidValue(
            f"login {value!r} must be 2 to 64 characters of a-z, 0-9, '.', '_', '@' or '-'",
            field="login",
        )
    return v


def check_password(password: str, login: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidValue(
            f"the password must have at least {MIN_PASSWORD_LENGTH} characters", field="password"
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise InvalidValue(
            f"the password must have at most {MAX_PASSWORD_LENGTH} characters", field="password"
        )
    if password.strip().lower() == login:
        raise InvalidValue("the password must not be the login", field="password")


def check_roles(
    roles: frozenset[Role], partner_sites: frozenset[str], client_code: str | None
) -> tuple[frozenset[str], str | None]:
    """The partner sites and client code, checked against the roles they go with."""
    if not roles:
        raise InvalidValue("a user needs at least one role", field="roles")
    scoped = roles & SCOPED_ROLES
    if scoped and len(roles) > 1:
        raise InvalidValue(
            f"a {min(scoped).value} user has that one role only: give another person the others",
            field="roles",
        )
    sites = frozenset(check_code(s, "partner site") for s in partner_sites)
    if Role.PARTNER in roles and not sites:
        raise InvalidValue("a partner user needs at least one partner site", field="partner_sites")
    if Role.PARTNER not in roles and sites:
        raise InvalidValue("partner sites go with the partner role only", field="partner_sites")
    code = check_code(client_code, "client code") if client_code else None
    if Role.CLIENT in roles and code is None:
        raise InvalidValue("a client user needs its client code", field="client_code")
    if Role.CLIENT not in roles and code is not None:
        raise InvalidValue("a client code goes with the client role only", field="client_code")
    return sites, code


@dataclass(eq=False)
class User:
    login: str
    name: str
    roles: frozenset[Role]
    language: Language = Language.FR
    active: bool = True
    partner_sites: frozenset[str] = frozenset()
    client_code: str | None = None
    password_hash: str = ""
    failed_logins: int = 0
    locked_until: datetime | None = None
    created_at: datetime | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        self.login = check_login(self.login)
        self.name = self.name.strip()
        if not self.name:
            raise InvalidValue("a user needs a name", field="name")
        self.roles = frozenset(self.roles)
        self.partner_sites, self.client_code = check_roles(
            self.roles, frozenset(self.partner_sites), self.client_code
        )

    def change_roles(
        self, roles: frozenset[Role], partner_sites: frozenset[str], client_code: str | None
    ) -> None:
        sites, code = check_roles(frozenset(roles), frozenset(partner_sites), client_code)
        self.roles, self.partner_sites, self.client_code = frozenset(roles), sites, code

    @property
    def permissions(self) -> frozenset[Permission]:
        if not self.active:
            return frozenset()
        return frozenset().union(*(ROLE_PERMISSIONS[r] for r in self.roles))

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions

    def is_locked(self, at: datetime) -> bool:
        return self.locked_until is not None and at < self.locked_until

    # -- scoping ----------------------------------------------------------------------------
    @property
    def visible_sites(self) -> frozenset[str] | None:
        """The sites whose goods the user may see and handle; None for every site."""
        return self.partner_sites if Role.PARTNER in self.roles else None

    @property
    def bound_client(self) -> str | None:
        """The client whose goods alone the user sees; None for a user of the warehouse."""
        return self.client_code if Role.CLIENT in self.roles else None

    def sees_site(self, site_code: str | None) -> bool:
        sites = self.visible_sites
        return sites is None or (site_code is not None and site_code.upper() in sites)

    def sees_client(self, client_code: str | None) -> bool:
        bound = self.bound_client
        return bound is None or (client_code is not None and client_code.upper() == bound)


def ensure_can(user: User, permission: Permission) -> None:
    """Raise PermissionDenied, naming the permission and who has it, unless the user may."""
    if user.can(permission):
        return
    if not user.active:
        raise PermissionDenied(f"user {user.login} is deactivated", permission=permission.value)
    holders = ", ".join(r.value for r in roles_with(permission))
    raise PermissionDenied(
        f"{user.login} may not {permission.description}: that needs the permission "
        f"{permission.value!r} (roles: {holders})",
        permission=permission.value,
    )


def _ensure_within(user: User, permission: Permission, allowed: bool, where: str) -> None:
    ensure_can(user, permission)
    if not allowed:
        raise PermissionDenied(
            f"{user.login} may {permission.description} only {where}",
            permission=permission.value,
        )


def ensure_sees_site(user: User, permission: Permission, site_code: str | None) -> None:
    sites = ", ".join(sorted(user.partner_sites))
    where = f"at the sites {sites}, not at {site_code or 'no site'}"
    _ensure_within(user, permission, user.sees_site(site_code), where)


def ensure_sees_client(user: User, permission: Permission, client_code: str | None) -> None:
    where = f"for the client {user.bound_client}, not for {client_code or 'goods of no client'}"
    _ensure_within(user, permission, user.sees_client(client_code), where)
