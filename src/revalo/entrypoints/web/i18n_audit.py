"""What the audit trail says of an entry (its detail column): why a sign-in failed, which
token, what changed on a user; in English as the services write it, and in French. The
refusals it records are the domain's (``i18n_refusals``)."""

from __future__ import annotations

EN: dict[str, str] = {
    "said.audit.locked": "locked",
    "said.audit.unknown_login": "unknown login",
    "said.audit.wrong_password": "wrong password",
    "said.audit.wrong_password_n": "wrong password ({n} in a row)",
    "said.audit.deactivated_user": "deactivated user",
    "said.audit.token": "token {id} ({name}, {prefix}...)",
    "said.audit.unknown_token": "unknown token",
    "said.audit.revoked_token": "revoked token {id}",
    "said.audit.token_deactivated": "token {id} of a deactivated user",
    "said.audit.roles": "roles: {roles}",
    "said.audit.name": "name: {person}",
    "said.audit.language": "language: {language}",
}

FR: dict[str, str] = {
    "said.audit.locked": "verrouillé",
    "said.audit.unknown_login": "identifiant inconnu",
    "said.audit.wrong_password": "mot de passe incorrect",
    "said.audit.wrong_password_n": "mot de passe incorrect ({n} de suite)",
    "said.audit.deactivated_user": "utilisateur désactivé",
    "said.audit.token": "jeton {id} ({name}, {prefix}...)",
    "said.audit.unknown_token": "jeton inconnu",
    "said.audit.revoked_token": "jeton révoqué {id}",
    "said.audit.token_deactivated": "jeton {id} d'un utilisateur désactivé",
    "said.audit.roles": "rôles : {roles}",
    "said.audit.name": "nom : {person}",
    "said.audit.language": "langue : {language}",
}
