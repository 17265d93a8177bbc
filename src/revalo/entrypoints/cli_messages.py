"""The ``revalo`` command's own messages (its errors, and what it says it did) in the
language of the environment: French when ``LC_ALL``, ``LC_MESSAGES`` or ``LANG`` (the first
one set, as POSIX reads them) names it, English otherwise.

Each message is written in English where it is made; ``said`` recognises it from its
English wording and writes it again in French; the API's own (a busy database) and the
domain's and services' refusals are written in French too, from the same wordings as the
pages and the API.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from functools import lru_cache

from revalo.entrypoints import (
    cli_words,
    cli_words_assignment,
    cli_words_carriers,
    cli_words_lots,
    cli_words_resale,
    cli_words_routing,
)
from revalo.entrypoints.api.messages import speak
from revalo.entrypoints.wording import Wordings

EN: dict[str, str] = {
    "act_as": "{message}; act as a user who may, with --as LOGIN",
    "busy": "{message} (REVALO_LOCK_TIMEOUT): nothing was changed; try again",
    "not_url": "not a database URL Revalo can use: {reason}",
    "database": "database error: {reason}",
    "db_or_url": "give --db or --url, not both",
    "backend": "unknown database {backend}: use sqlite:///FILE or postgresql://...",
    "no_directory": "{path}: no such directory",
    "no_database": "{path}: no such database: create it with `revalo db upgrade --db {again}` "
    "(or build the demo with `revalo demo`)",
    "driver": "the PostgreSQL driver is missing: pip install 'revalo[postgres]'",
    "no_tables": "the database has no Revalo tables: run `revalo db upgrade` on {db} first",
    "out_of_date": "the database schema is out of date ({version}): run `revalo db upgrade` on "
    "{db} first",
    "no_tables_yet": "{db} has no Revalo tables: create them with `revalo db upgrade` first",
    "too_new": "{db} is at schema revision {revision}, newer than this version of Revalo "
    "knows: upgrade Revalo",
    "deactivated": "user {login} is deactivated: it cannot act",
    "no_administrator": "the database has no administrator yet: add one first with `revalo "
    "users add NAME --login LOGIN --role administrator`",
    "not_a_date": "{option} {text}: not a date (YYYY-MM-DD)",
    "no_file": "{file}: no such file",
    "bad_lines": "{file}: {n} bad line(s): nothing was imported",
    "no_place": "{file}: not a file in an existing directory",
    "parcel": "parcel {text}: write it as WEIGHTkg@LxWxH in cm, e.g. 2.5kg@40x30x20",
    "at_revision": "Database {db} is at schema revision {revision}.",
    "open": "Open http://{address}/ (web pages; API documentation at /docs); Ctrl+C stops.",
    "separated": "{file}: read as separated by {name}",
    "wrote_units": "Wrote {n} unit(s) to {file}.",
    "wrote": "Wrote {file}.",
    "wrote_events": "Wrote {n} EPCIS event(s) to {file}.",
    "captured": "Captured {file}: {n} change(s) applied, {already} already captured before.",
    "not_json": "{file}: not a JSON document ({reason})",
    "committed": "Committed: {n} collections booked, their returns in transit; {handed} "
    "handed to a carrier, their parcels booked.",
    "client_added": "Added client {code} ({name}).",
    "client_deactivated": "Client {code} is deactivated.",
    "first_administrator": "The database has no administrator yet: who is its first one?",
    "administrator_added": "Added the administrator {login}: sign in with it at /login.",
    "user_deactivated": "Deactivated user {login} ({name}).",
    "password_set": "New password set for {login} ({name}).",
    "token_revoked": "Revoked token {id} ({name}).",
    "bins_imported": "Imported {n} bin(s) into {site}.",
    "wrote_document": "Wrote the document {what} to {file}.",
    "medium_recorded": "Recorded the medium {serial} on {order}: certificate {number} once the "
    "wipe is done.",
    "facility_kept": "Kept the certificate {number} of {site}, in force until {day}.",
    "not_pdf_or_json": "{file}: write a .pdf or a .json file",
    "not_csv_or_json": "{file}: write a .csv or a .json file",
    "job_state": "Job {reference} is {state}.",
    "fired": "Fired {name} for {day}: {jobs}.",
    "choose_among": "{option} {text}: choose among {allowed}",
    "svc_noted": "Note written on {rma}.",
    "svc_excepted": "Return {rma} is authorised by exception.",
    "svc_label": "The label of {rma} is in the outbox.",
    "svc_label_again": "The label of {rma} was in the outbox already.",
    "svc_wrote_groups": "Wrote {n} group(s) to {file}.",
    "svc_hook_added": "Webhook endpoint {id} added; its secret (shown once):",
    "svc_hook_off": "Webhook endpoint {id} deactivated.",
    "svc_hooks_sent": "Sent {n} webhook(s); {failed} not sent, tried again later.",
    "refund_opened": "Refund of {rma} recorded: due by {day}.",
    "proof_recorded": "Proof of sending of {rma} recorded.",
    "refund_settled": "Refund of {rma} recorded: settled.",
    "refund_owed": "Refund of {rma} recorded: {sum} EUR owed.",
    "wrote_refunds": "Wrote {n} refund(s) to {file}.",
    "not_euros": "{option} {text}: not an amount in EUR (e.g. 129.90)",
    "sent_emails": "Sent {n} e-mail(s); {failed} not sent, tried again later.",
    "return_cancelled": "Return {rma} is cancelled.",
    "return_closed": "Return {rma} is closed.",
    "returns_closed": "Closed {n} return(s).",
    "no_smtp": "no mail server is set (REVALO_SMTP_HOST): the outbox keeps the e-mails",
}

FR: dict[str, str] = {
    "act_as": "{message} ; agissez en tant qu'utilisateur qui en a le droit, avec --as LOGIN",
    "busy": "{message} (REVALO_LOCK_TIMEOUT) : rien n'a été modifié ; réessayez",
    "not_url": "ce n'est pas une URL de base de données que Revalo sait utiliser : {reason}",
    "database": "erreur de la base de données : {reason}",
    "db_or_url": "donnez --db ou --url, pas les deux",
    "backend": "base de données inconnue {backend} : utilisez sqlite:///FICHIER ou "
    "postgresql://...",
    "no_directory": "{path} : ce dossier n'existe pas",
    "no_database": "{path} : cette base de données n'existe pas : créez-la avec `revalo db "
    "upgrade --db {again}` (ou construisez la démo avec `revalo demo`)",
    "driver": "le pilote PostgreSQL manque : pip install 'revalo[postgres]'",
    "no_tables": "la base de données n'a pas de tables Revalo : lancez d'abord `revalo db "
    "upgrade` sur {db}",
    "out_of_date": "le schéma de la base de données n'est pas à jour ({version}) : lancez "
    "d'abord `revalo db upgrade` sur {db}",
    "no_tables_yet": "{db} n'a pas de tables Revalo : créez-les d'abord avec `revalo db upgrade`",
    "too_new": "{db} est à la révision de schéma {revision}, plus récente que ce que connaît "
    "cette version de Revalo : mettez Revalo à jour",
    "deactivated": "l'utilisateur {login} est désactivé : il ne peut pas agir",
    "no_administrator": "la base de données n'a pas encore d'administrateur : ajoutez-en un "
    "d'abord avec `revalo users add NOM --login IDENTIFIANT --role administrator`",
    "not_a_date": "{option} {text} : ce n'est pas une date (AAAA-MM-JJ)",
    "no_file": "{file} : ce fichier n'existe pas",
    "bad_lines": "{file} : {n} ligne(s) incorrecte(s) : rien n'a été importé",
    "no_place": "{file} : ce n'est pas un fichier dans un dossier existant",
    "parcel": "colis {text} : écrivez-le POIDSkg@LxlxH en cm, par ex. 2.5kg@40x30x20",
    "at_revision": "La base de données {db} est à la révision de schéma {revision}.",
    "open": "Ouvrez http://{address}/ (pages web ; documentation de l'API sur /docs) ; "
    "Ctrl+C arrête.",
    "separated": "{file} : lu comme séparé par {name}",
    "wrote_units": "{n} unité(s) écrite(s) dans {file}.",
    "wrote": "{file} écrit.",
    "wrote_events": "{n} événement(s) EPCIS écrit(s) dans {file}.",
    "captured": "{file} reçu : {n} changement(s) appliqué(s), {already} déjà reçu(s) avant.",
    "not_json": "{file} : ce n'est pas un document JSON ({reason})",
    "committed": "Validé : {n} collecte(s) réservée(s), leurs retours en transit ; {handed} "
    "confié(s) à un transporteur, leurs colis réservés.",
    "client_added": "Client {code} ({name}) ajouté.",
    "client_deactivated": "Le client {code} est désactivé.",
    "first_administrator": "La base de données n'a pas encore d'administrateur : qui est le "
    "premier ?",
    "administrator_added": "Administrateur {login} ajouté : connectez-vous avec lui sur /login.",
    "user_deactivated": "Utilisateur {login} ({name}) désactivé.",
    "password_set": "Nouveau mot de passe pour {login} ({name}).",
    "token_revoked": "Jeton {id} ({name}) révoqué.",
    "bins_imported": "{n} emplacement(s) importé(s) dans {site}.",
    "wrote_document": "Document {what} écrit dans {file}.",
    "medium_recorded": "Support {serial} enregistré sur {order} : certificat {number} une fois "
    "l'effacement fait.",
    "facility_kept": "Certificat {number} de {site} enregistré, en vigueur jusqu'au {day}.",
    "not_pdf_or_json": "{file} : écrivez un fichier .pdf ou .json",
    "not_csv_or_json": "{file} : écrivez un fichier .csv ou .json",
    "job_state": "La tâche de fond {reference} est {state}.",
    "fired": "{name} lancé pour le {day} : {jobs}.",
    "choose_among": "{option} {text} : choisissez parmi {allowed}",
    "svc_noted": "Note écrite sur {rma}.",
    "svc_excepted": "Le retour {rma} est autorisé par exception.",
    "svc_label": "L'étiquette de {rma} est dans la file d'envoi.",
    "svc_label_again": "L'étiquette de {rma} était déjà dans la file d'envoi.",
    "svc_wrote_groups": "{n} groupe(s) écrit(s) dans {file}.",
    "svc_hook_added": "Point d'accès webhook {id} ajouté ; son secret (affiché une fois) :",
    "svc_hook_off": "Point d'accès webhook {id} désactivé.",
    "svc_hooks_sent": "{n} webhook(s) envoyé(s) ; {failed} non envoyé(s), réessayé(s) plus tard.",
    "refund_opened": "Remboursement de {rma} enregistré : dû au plus tard le {day}.",
    "proof_recorded": "Preuve d'expédition de {rma} enregistrée.",
    "refund_settled": "Remboursement de {rma} enregistré : réglé.",
    "refund_owed": "Remboursement de {rma} enregistré : {sum} EUR encore dus.",
    "wrote_refunds": "{n} remboursement(s) écrit(s) dans {file}.",
    "not_euros": "{option} {text} : ce n'est pas un montant en EUR (par ex. 129.90)",
    "sent_emails": "{n} e-mail(s) envoyé(s) ; {failed} non envoyé(s), réessayé(s) plus tard.",
    "return_cancelled": "Le retour {rma} est annulé.",
    "return_closed": "Le retour {rma} est clôturé.",
    "returns_closed": "{n} retour(s) clôturé(s).",
    "no_smtp": "aucun serveur de messagerie n'est défini (REVALO_SMTP_HOST) : la boîte "
    "d'envoi garde les e-mails",
}

MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        **EN,
        **cli_words.EN,
        **cli_words_assignment.EN,
        **cli_words_lots.EN,
        **cli_words_resale.EN,
        **cli_words_routing.EN,
        **cli_words_carriers.EN,
    },
    "fr": {
        **FR,
        **cli_words.FR,
        **cli_words_assignment.FR,
        **cli_words_lots.FR,
        **cli_words_resale.FR,
        **cli_words_routing.FR,
        **cli_words_carriers.FR,
    },
}
#: How an error's line starts.
ERROR = {"en": "error: {message}", "fr": "erreur : {message}"}
#: The placeholders holding a message of their own, recognised in turn.
_NESTED = ("message", "reason", "why", "name")
_NUMBER = re.compile(r"[+-]?\d[\d,]*(?:\.\d+)?( %)?")


def language(environ: Mapping[str, str] | None = None) -> str:
    """The language of the environment's locale (the first of ``LC_ALL``, ``LC_MESSAGES``
    and ``LANG`` that is set): French or English."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


@lru_cache(maxsize=1)
def _wordings() -> Wordings:
    return Wordings(MESSAGES["en"], {"n": r"[\d,]+"})


def error_line(message: str, lang: str | None = None) -> str:
    """The line an error is told on, in ``lang`` (by default, the environment's)."""
    lang = lang or language()
    return ERROR.get(lang, ERROR["en"]).format(message=said(message, lang))


def _number(text: str) -> str:
    """A number as the command wrote it ("1,587.25") as French writes it ("1 587,25");
    any other value as it is."""
    if not _NUMBER.fullmatch(text):
        return text
    return text.replace(",", "\u202f").replace(".", ",")


def _counted(text: str, lang: str) -> str:
    """Counts of kinds ("1,000 parcel, 200 pallet"), each kind by its name in ``lang``."""
    from revalo.entrypoints.web.i18n import VALUES

    names = VALUES.get(lang, {})
    counts = (item.partition(" ") for item in text.split(", "))
    return ", ".join(f"{_number(n)} {names.get(kind, kind)}" for n, _, kind in counts)


def said(text: str, lang: str | None = None) -> str:
    """One of the command's own messages in ``lang`` (by default, the environment's)."""
    lang = lang or language()
    if lang == "en":
        return text
    found = _wordings().find(text)
    if found is None:
        return speak(text, lang)
    values = {
        k: said(v, lang) if k in _NESTED else _counted(v, lang) if k == "kinds" else _number(v)
        for k, v in found.values.items()
    }
    return MESSAGES[lang][found.key].format(**values)
