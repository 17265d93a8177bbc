"""The demo's people who sign in: one user per role of the warehouse and its partners, all
with the same demonstration password, printed in the demo's summary.

Their logins are the roles' own, so that a newcomer sees at once whom to sign in as to try
a role; the flow manager is the one who decides the demo's returns (``MANAGER``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from revalo.bootstrap import App
from revalo.demo.floor import MANAGER
from revalo.domain.catalog import Site, SiteKind
from revalo.domain.people import Language, Role, User
from revalo.services import users
from revalo.services.people_ports import PasswordHasher
from revalo.services.ports import UnitOfWork
from revalo.services.users import UserDraft

#: The password of every demo user (a demonstration database, never a real one).
DEMO_PASSWORD = "revalo-demo"
#: The repair centre whose partner user the demo has, and the client firm of its client user.
PARTNER_SITE = "REP-FR-IT"
#: The resale partner whose user makes offers on the demo's lots.
RESELLER_SITE = "RES-FR"
CLIENT = "MAISON-BOREA"


@dataclass(frozen=True, slots=True)
class DemoLogin:
    login: str
    name: str
    role: Role
    language: Language = Language.EN
    #: The partner's site, or the client's code: what the user is kept to.
    scope: str = ""


TEAM: tuple[DemoLogin, ...] = (
    DemoLogin("admin", "Noor Haddad", Role.ADMINISTRATOR),
    DemoLogin(MANAGER, "Claire Moreau", Role.FLOW_MANAGER),
    DemoLogin("supervisor", "Julien Dubois", Role.TEAM_SUPERVISOR, Language.FR),
    DemoLogin("handler", "Léa Martin", Role.HANDLER),
    DemoLogin("forklift", "Karim Benali", Role.FORKLIFT_DRIVER, Language.FR),
    DemoLogin("technician", "Sofia Rossi", Role.TECHNICIAN),
    DemoLogin("service", "Emma Laurent", Role.CUSTOMER_SERVICE, Language.FR),
    DemoLogin("finance", "Hugo Petit", Role.FINANCE),
    DemoLogin("partner", "Atelier Numérique du Nord", Role.PARTNER, scope=PARTNER_SITE),
    DemoLogin("charity", "Solidarité Paris", Role.PARTNER, Language.FR, scope="CHA-FR"),
    DemoLogin(
        "reseller", "Déstockage Île-de-France", Role.PARTNER, Language.FR, scope=RESELLER_SITE
    ),
    DemoLogin("client", "Maison Borea", Role.CLIENT, Language.FR, scope=CLIENT),
    DemoLogin("auditor", "Inès Garnier", Role.AUDITOR, Language.FR),
)


#: The integrations of the demo's shops, which ask for returns (a return portal) and sell
#: refurbished units (a marketplace's order feed): users with an API token in real life.
INTEGRATIONS: tuple[DemoLogin, ...] = (
    DemoLogin("web-portal", "Web shop return portal", Role.CUSTOMER_SERVICE),
    DemoLogin("b2b-portal", "B2B lease-return portal", Role.CUSTOMER_SERVICE),
    DemoLogin("web-shop", "Marketplace order feed", Role.FINANCE),
)
#: What each of a returns hub's four staff does, in the order of ``Floor.who``'s index:
#: receives; ships and dispatches; inspects; repairs and refurbishes.
HUB_ROLES = (Role.HANDLER, Role.TEAM_SUPERVISOR, Role.HANDLER, Role.TECHNICIAN)


def enrol_administrator(app: App, team: tuple[DemoLogin, ...] = TEAM) -> User:
    """The demo's first user, its administrator, who sets up the catalogue and adds the
    others."""
    return users.add_first_administrator(
        app.uow(), app.passwords, _draft(team[0]), DEMO_PASSWORD, at=None
    )


def enrol_team(app: App, admin: User, team: tuple[DemoLogin, ...] = TEAM) -> dict[str, User]:
    """Add the demo's other users who sign in, and its integrations (their partner sites
    and clients exist by then), by login."""
    added = {admin.login: admin}
    hasher = _HashedOnce(app.passwords)
    for person in [*team[1:], *INTEGRATIONS]:
        user = users.add_user(app.uow(), hasher, admin, _draft(person), DEMO_PASSWORD)
        added[user.login] = user
    return added


class _HashedOnce:
    """The application's password hasher, hashing each password once: every demo login has
    the same published password, and an Argon2id hash takes a fifth of a second. Each of
    them gets the same hash (the same salt), which only a demo may do."""

    def __init__(self, hasher: PasswordHasher) -> None:
        self._hasher = hasher
        self._hashes: dict[str, str] = {}

    def hash(self, password: str) -> str:
        if password not in self._hashes:
            self._hashes[password] = self._hasher.hash(password)
        return self._hashes[password]

    def verify(self, password: str, hashed: str) -> tuple[bool, str | None]:
        return self._hasher.verify(password, hashed)


def enrol_staff(
    uow: UnitOfWork, sites: Mapping[str, Site], handles: Mapping[str, list[str]]
) -> dict[str, list[User]]:
    """The staff of every site as users, by site: a returns hub's by ``HUB_ROLES``, a
    partner's kept to its own site. They have no password (nobody signs in as them until an
    administrator gives them one); their logins are what the history names."""
    taken: set[str] = set()
    staff: dict[str, list[User]] = {}
    with uow:
        taken |= {u.login for u in uow.users.all()}
        for code, site in sites.items():
            people = []
            for i, handle in enumerate(handles[code]):
                login = _free(handle, taken)
                hub = site.kind is SiteKind.RETURNS_HUB
                user = User(
                    login=login,
                    name=login,
                    roles=frozenset({HUB_ROLES[i % len(HUB_ROLES)] if hub else Role.PARTNER}),
                    partner_sites=frozenset() if hub else frozenset({code}),
                )
                uow.users.add(user)
                people.append(user)
            staff[code] = people
        uow.commit()
    return staff


def _free(handle: str, taken: set[str]) -> str:
    login, n = handle, 1
    while login in taken:
        n += 1
        login = f"{handle}{n}"
    taken.add(login)
    return login


def _draft(person: DemoLogin) -> UserDraft:
    return UserDraft(
        login=person.login,
        name=person.name,
        roles=frozenset({person.role}),
        language=person.language,
        partner_sites=frozenset({person.scope}) if person.role is Role.PARTNER else frozenset(),
        client_code=person.scope if person.role is Role.CLIENT else None,
    )
