"""Why customer service's desk, the surveys and the webhooks refuse, in English as they
say it, and in French; recognised and written again like the domain's (``i18n_refusals``)."""

from __future__ import annotations

EN: dict[str, str] = {
    "said.refusal.svc_score": "The score is 1 to 5, not {n}.",
    "said.refusal.svc_comment_long": "The comment is {n} characters long: at most {count}.",
    "said.refusal.svc_answer_closed": "The answer about return {id} was given more than 7 days "
    "ago: it can no longer be changed.",
    "said.refusal.svc_note_empty": "A note needs a text.",
    "said.refusal.svc_note_long": "A note is {n} characters long: at most {count}.",
    "said.refusal.svc_reason_empty": "An exception needs a reason.",
    "said.refusal.svc_reason_long": "The reason is {n} characters long: at most {count}.",
    "said.refusal.svc_exception_state": "Return {id} is {state}: an exception authorises only "
    "a return rejected or waiting for review.",
    "said.refusal.svc_query_short": "Search for at least {n} characters: an order, a name, an "
    "e-mail or a parcel.",
    "said.refusal.svc_query_long": "A search is at most {n} characters.",
    "said.refusal.svc_hook_url": "A webhook URL is http(s)://host/path, not {raw}.",
    "said.refusal.svc_hook_url_long": "A webhook URL is at most {n} characters.",
    "said.refusal.svc_hook_events": "An endpoint subscribes to at least one event.",
    "said.refusal.svc_hook_event": "No event {raw}: one of {kinds}.",
    "said.refusal.svc_survey_unknown": "This survey link is not known: check the link of the "
    "e-mail.",
    "said.refusal.svc_limit": "limit is 1 to {n}, not {count}",
    "said.refusal.svc_offset": "offset is 0 or more, not {n}",
    "said.refusal.svc_no_email": "the customer of {id} has no e-mail address: print the label "
    "instead",
    "said.refusal.svc_no_hook": "no webhook endpoint {id}",
}

FR: dict[str, str] = {
    "said.refusal.svc_score": "La note va de 1 à 5, pas {n}.",
    "said.refusal.svc_comment_long": "Le commentaire fait {n} caractères : {count} au plus.",
    "said.refusal.svc_answer_closed": "La réponse sur le retour {id} date de plus de 7 jours : "
    "elle ne peut plus être modifiée.",
    "said.refusal.svc_note_empty": "Une note a besoin d'un texte.",
    "said.refusal.svc_note_long": "La note fait {n} caractères : {count} au plus.",
    "said.refusal.svc_reason_empty": "Une exception a besoin d'un motif.",
    "said.refusal.svc_reason_long": "Le motif fait {n} caractères : {count} au plus.",
    "said.refusal.svc_exception_state": "Le retour {id} est {state} : une exception n'autorise "
    "qu'un retour refusé ou en attente d'examen.",
    "said.refusal.svc_query_short": "Cherchez au moins {n} caractères : une commande, un nom, "
    "un e-mail ou un colis.",
    "said.refusal.svc_query_long": "Une recherche fait au plus {n} caractères.",
    "said.refusal.svc_hook_url": "Une URL de webhook est http(s)://hôte/chemin, pas {raw}.",
    "said.refusal.svc_hook_url_long": "Une URL de webhook fait au plus {n} caractères.",
    "said.refusal.svc_hook_events": "Un point d'accès s'abonne à au moins un événement.",
    "said.refusal.svc_hook_event": "Pas d'événement {raw} : l'un de {kinds}.",
    "said.refusal.svc_survey_unknown": "Ce lien d'enquête est inconnu : vérifiez le lien de "
    "l'e-mail.",
    "said.refusal.svc_limit": "limit va de 1 à {n}, pas {count}",
    "said.refusal.svc_offset": "offset vaut 0 ou plus, pas {n}",
    "said.refusal.svc_no_email": "le client de {id} n'a pas d'adresse e-mail : imprimez "
    "l'étiquette",
    "said.refusal.svc_no_hook": "pas de point d'accès webhook {id}",
}
