"""The demo's people who sign in: one user per role of the warehouse and its partners, all
with the same demonstration password, printed in the demo's summary.

Their logins are the roles' own, so that a newcomer sees at once whom to sign in as to try
a role; the flow manager is the one who decides the demo's returns (``MANAGER``).
"""

from __future__ import annotations

from dataclasses import dataclass

from revalo.bootstrap import App
from revalo.demo.floor import MANAGER
from revalo.domain.people import Language, Role
from revalo.services import users
from revalo.services.users import UserDraft

#: The password of every demo user (a demonstration database, never a real one).
DEMO_PASSWORD = "revalo-demo"
#: The repair centre whose partner user the demo has.
PARTNER_SITE = "REP-FR-IT"


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
)


def enrol_team(app: App, team: tuple[DemoLogin, ...] = TEAM) -> list[DemoLogin]:
    """Add the demo's users (the first one the administrator, who adds the others)."""
    first, *others = team
    admin = users.add_first_administrator(
        app.uow(), app.passwords, _draft(first), DEMO_PASSWORD, at=None
    )
    for person in others:
        users.add_user(app.uow(), app.passwords, admin, _draft(person), DEMO_PASSWORD)
    return list(team)


def _draft(person: DemoLogin) -> UserDraft:
    return UserDraft(
        login=person.login,
        name=person.name,
        roles=frozenset({person.role}),
        language=person.language,
        partner_sites=frozenset({person.scope}) if person.role is Role.PARTNER else frozenset(),
        client_code=person.scope if person.role is Role.CLIENT else None,
    )
