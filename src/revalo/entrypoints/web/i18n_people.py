"""The labels of the people's pages (signing in, the permission table, the audit trail),
in English and French; ``i18n`` adds them to its tables."""

from __future__ import annotations

EN: dict[str, str] = {
    "nav.access": "Roles and permissions",
    "nav.audit": "Audit trail",
    "login.title": "Sign in",
    "login.lead": "Sign in with the login and password your administrator gave you.",
    "login.login": "Login",
    "login.password": "Password",
    "login.sign_in": "Sign in",
    "login.sign_out": "Sign out",
    "access.title": "Roles and permissions",
    "access.lead": "You are signed in as {login} ({roles}). Your permissions are highlighted.",
    "access.permission": "Permission",
    "access.yes": "allowed",
    "access.no": "not allowed",
    "access.scoped": "A partner sees and handles only the units at or sent to its own sites; "
    "a client sees only its own returns, units and figures, and changes nothing.",
    "audit.title": "Audit trail",
    "audit.entries": "entries",
    "audit.action": "Action",
    "audit.outcome": "Outcome",
    "audit.target": "On",
    "audit.detail": "Detail",
    "audit.outcome.allowed": "done",
    "audit.outcome.refused": "refused",
    "audit.outcome.login": "signed in",
    "audit.outcome.failed_login": "failed sign-in",
    "unit.not_yours": "Deciding what becomes of a unit needs the permission {permission}: "
    "a flow manager's.",
}

FR: dict[str, str] = {
    "nav.access": "Rôles et droits",
    "nav.audit": "Journal d'audit",
    "login.title": "Connexion",
    "login.lead": "Connectez-vous avec l'identifiant et le mot de passe donnés par votre "
    "administrateur.",
    "login.login": "Identifiant",
    "login.password": "Mot de passe",
    "login.sign_in": "Se connecter",
    "login.sign_out": "Se déconnecter",
    "access.title": "Rôles et droits",
    "access.lead": "Vous êtes connecté en tant que {login} ({roles}). Vos droits sont surlignés.",
    "access.permission": "Droit",
    "access.yes": "autorisé",
    "access.no": "non autorisé",
    "access.scoped": "Un partenaire ne voit et ne traite que les unités présentes sur ses "
    "sites ou envoyées vers eux ; un client ne voit que ses propres retours, unités et "
    "chiffres, et ne modifie rien.",
    "audit.title": "Journal d'audit",
    "audit.entries": "entrées",
    "audit.action": "Action",
    "audit.outcome": "Résultat",
    "audit.target": "Sur",
    "audit.detail": "Détail",
    "audit.outcome.allowed": "fait",
    "audit.outcome.refused": "refusé",
    "audit.outcome.login": "connexion",
    "audit.outcome.failed_login": "connexion refusée",
    "unit.not_yours": "Décider du devenir d'une unité demande le droit {permission} : celui "
    "d'un responsable des flux.",
}

#: The roles' names in French (English shows the value itself).
VALUES_FR: dict[str, str] = {
    "administrator": "administrateur",
    "flow_manager": "responsable des flux",
    "team_supervisor": "chef d'équipe",
    "handler": "manutentionnaire",
    "forklift_driver": "cariste",
    "technician": "technicien",
    "customer_service": "service client",
    "finance": "finance",
    "partner": "partenaire",
    "client": "client",
}
