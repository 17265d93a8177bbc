"""The API's own messages (those its entrypoints and adapters make: sign in first, too many
tries, a body too large, the database busy, a body that is no JSON...) in the language the
request asks for with Accept-Language: English, or French.

Each message is raised in English, where it is made; the error answer recognises it from its
English wording and writes it in the request's language. What the domain and the services
say (their rules and refusals) is recognised the same way, from the wordings the pages use
(``web.system_texts``): one catalogue for the pages, the API and the command line.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

from revalo.entrypoints.languages import preferred
from revalo.entrypoints.wording import Wordings

if TYPE_CHECKING:
    from starlette.types import Scope

DEFAULT = "en"

EN: dict[str, str] = {
    "sign_in": "sign in first: send 'Authorization: Bearer <API token>', or sign in at /login",
    "bearer": "the Authorization header must be 'Bearer <API token>'",
    "csrf_site": "a request from another site may not change anything here",
    "csrf_token": "the form's security token is missing or out of date: reload the page and "
    "send it again",
    "too_many": "too many tries from this address: wait {wait} s",
    "too_large": "the request body is larger than {limit} bytes, the most this server accepts",
    "busy": "{what}: nothing was changed; try again in {wait} s",
    "busy_pool": "every database connection stayed busy for {seconds} s",
    "busy_database": "the database stayed locked for {seconds} s",
    "busy_row": "a row stayed locked for {seconds} s",
    "internal": "internal error: the request was not applied; the error is logged",
    "not_found": "Not Found",
    "method": "Method Not Allowed",
    "json_at": "the body is not valid JSON at character {at}: {detail}",
    "json": "the body is not valid JSON: {detail}",
    "json_object": "the body must be a JSON object (Content-Type: application/json)",
    "key_form": "the Idempotency-Key must be 1 to 255 printable ASCII characters, no spaces",
    "key_reused": "the Idempotency-Key {key} was used for {other}: send a new key with a new "
    "request",
    "key_other_body": "another body",
    "key_pending": "the request with Idempotency-Key {key} is still being processed: retry "
    "later for its answer",
}

FR: dict[str, str] = {
    "sign_in": "connectez-vous d'abord : envoyez « Authorization: Bearer <jeton d'API> », ou "
    "connectez-vous sur /login",
    "bearer": "l'en-tête Authorization doit être « Bearer <jeton d'API> »",
    "csrf_site": "une requête venue d'un autre site ne peut rien modifier ici",
    "csrf_token": "le jeton de sécurité du formulaire manque ou a expiré : rechargez la page "
    "et envoyez-le de nouveau",
    "too_many": "trop d'essais depuis cette adresse : attendez {wait} s",
    "too_large": "le corps de la requête dépasse {limit} octets, le plus que ce serveur accepte",
    "busy": "{what} : rien n'a été modifié ; réessayez dans {wait} s",
    "busy_pool": "toutes les connexions à la base de données sont restées occupées {seconds} s",
    "busy_database": "la base de données est restée verrouillée {seconds} s",
    "busy_row": "une ligne est restée verrouillée {seconds} s",
    "internal": "erreur interne : la requête n'a pas été appliquée ; l'erreur est consignée",
    "not_found": "Introuvable",
    "method": "Méthode non permise",
    "json_at": "le corps n'est pas du JSON valide au caractère {at} : {detail}",
    "json": "le corps n'est pas du JSON valide : {detail}",
    "json_object": "le corps doit être un objet JSON (Content-Type: application/json)",
    "key_form": "l'Idempotency-Key doit compter de 1 à 255 caractères ASCII imprimables, sans "
    "espace",
    "key_reused": "l'Idempotency-Key {key} a servi pour {other} : envoyez une nouvelle clé "
    "avec une nouvelle requête",
    "key_other_body": "un autre corps",
    "key_pending": "la requête d'Idempotency-Key {key} est encore en cours : redemandez plus "
    "tard sa réponse",
}

MESSAGES: dict[str, dict[str, str]] = {"en": EN, "fr": FR}

#: Pydantic's checks of a request's values, by the kind of error, in French (in English
#: the API answers with pydantic's own words).
VALIDATION_FR: dict[str, str] = {
    "missing": "champ obligatoire",
    "extra_forbidden": "champ inconnu",
    "string_type": "doit être un texte",
    "string_too_short": "doit compter au moins {min_length} caractère(s)",
    "string_too_long": "doit compter au plus {max_length} caractères",
    "int_type": "doit être un nombre entier",
    "int_parsing": "doit être un nombre entier",
    "int_from_float": "doit être un nombre entier",
    "float_type": "doit être un nombre",
    "float_parsing": "doit être un nombre",
    "decimal_type": "doit être un nombre",
    "decimal_parsing": "doit être un nombre",
    "bool_type": "doit être vrai ou faux",
    "bool_parsing": "doit être vrai ou faux",
    "greater_than": "doit être plus grand que {gt}",
    "greater_than_equal": "doit être supérieur ou égal à {ge}",
    "less_than": "doit être plus petit que {lt}",
    "less_than_equal": "doit être inférieur ou égal à {le}",
    "enum": "doit être parmi : {expected}",
    "literal_error": "doit être parmi : {expected}",
    "list_type": "doit être une liste",
    "dict_type": "doit être un objet",
    "model_attributes_type": "doit être un objet",
    "too_short": "doit compter au moins {min_length} élément(s)",
    "too_long": "doit compter au plus {max_length} éléments",
    "date_parsing": "doit être une date (AAAA-MM-JJ)",
    "date_from_datetime_parsing": "doit être une date (AAAA-MM-JJ)",
    "datetime_parsing": "doit être une date et une heure (ISO 8601)",
    "datetime_from_date_parsing": "doit être une date et une heure (ISO 8601)",
    "timezone_aware": "doit avoir un fuseau horaire",
}

#: The placeholders holding a message of their own, recognised in turn.
_NESTED = ("what", "other")


def language_of(accept_language: str | None) -> str:
    """The language a request asks for (English unless it prefers French)."""
    return preferred(accept_language, MESSAGES) or DEFAULT


def language_of_scope(scope: Scope) -> str:
    """The same, read from an ASGI scope's headers."""
    for name, value in scope.get("headers", ()):
        if name == b"accept-language":
            return language_of(value.decode("latin-1"))
    return DEFAULT


@lru_cache(maxsize=1)
def _wordings() -> Wordings:
    return Wordings(EN, {"wait": r"\d+", "limit": r"[\d,]+", "at": r"\d+"})


def speak(message: str, lang: str) -> str:
    """The API's own ``message`` in ``lang``; any other that Revalo writes (the domain's
    refusals, the services') recognised from the catalogue's wordings
    (``web.system_texts``); a message it does not know as it is."""
    if lang == DEFAULT:
        return message
    found = _wordings().find(message)
    if found is None:
        # Loaded at the first message to write again: a command that says nothing in
        # French never loads the catalogue.
        from revalo.entrypoints.web.system_texts import in_language

        return in_language(message, lang)
    values = {
        k: speak(v, lang) if k in _NESTED else v.replace(",", "\u202f") if k == "limit" else v
        for k, v in found.values.items()
    }
    return MESSAGES[lang][found.key].format(**values)


def validation_message(
    kind: str | None, context: Mapping[str, object], english: str, lang: str
) -> str:
    """One of pydantic's checks of a value in ``lang`` (its own words in English, and for a
    check of ours, our validators' words)."""
    french = VALIDATION_FR.get(kind or "") if lang == "fr" else None
    if french is None:
        return english
    try:
        return french.format(**context)
    except (KeyError, IndexError):
        return english
