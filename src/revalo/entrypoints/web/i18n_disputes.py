"""The disputes with partners: the page, the permissions and the refusals, in English and
in French; ``i18n`` adds them to its tables."""

from __future__ import annotations

_R = "said.refusal.disputes_"

EN: dict[str, str] = {
    "perm.open_disputes": "open a dispute with a partner about a unit, a delivery, its work or "
    "a payment (a partner: with the company, at its own sites)",
    "perm.settle_disputes": "settle a partner's dispute: accept it with the credit agreed, or "
    "reject it with the reason (not one's own)",
    "disputes.title": "Disputes",
    "disputes.lead": "Claims with the partners, opened by a partner (about what it received "
    "or was paid) or by the company (about what the partner did), each settled once: "
    "accepted with the credit agreed, or rejected with the reason, by someone other than the "
    "one who opened it.",
    "disputes.link": "Disputes",
    "disputes.number": "Dispute",
    "disputes.kind": "Kind",
    "disputes.unit": "Unit (LPN)",
    "disputes.text": "Claim",
    "disputes.amount": "Claimed (EUR)",
    "disputes.opened": "Opened by",
    "disputes.partner": "partner",
    "disputes.settlement": "Settlement",
    "disputes.credit": "credit",
    "disputes.note": "note (a rejection's reason)",
    "disputes.outcome": "outcome",
    "disputes.accept": "accept",
    "disputes.reject": "reject",
    "disputes.settle": "Settle",
    "disputes.none": "No dispute.",
    "disputes.open": "Open a dispute",
    "disputes.open_button": "Open the dispute",
    "disputes.opened_flash": "Dispute {number} opened with {site}.",
    "disputes.accepted_flash": "Dispute {number} accepted: credit {credit} EUR.",
    "disputes.rejected_flash": "Dispute {number} rejected.",
    "disputes.outcome_needed": "choose to accept or reject",
    "partners.disputes": "Disputes (open / all)",
    _R + "kind": "a dispute's kind is one of {allowed}, not {text}",
    _R + "say": "say what the {what} is about",
    _R + "long": "the {what} has at most {n} characters",
    _R + "amount_text": "{name} must be an amount in EUR, not {text}",
    _R + "amount_range": "{name} must be from 0 to {max} EUR",
    _R + "done": "dispute {number} is {state} already",
    _R + "own": "dispute {number} was opened by {login}: someone else settles it",
    _R + "no_credit": "a rejected dispute credits nothing",
    _R + "never": "unit {lpn} never went to {site}",
    _R + "meanwhile": "dispute {number} was settled by someone else meanwhile",
    _R + "none": "no dispute {id}",
}

FR: dict[str, str] = {
    "perm.open_disputes": "ouvrir un litige avec un partenaire sur une unité, une livraison, "
    "ses travaux ou un paiement (un partenaire : avec l'entreprise, sur ses propres sites)",
    "perm.settle_disputes": "régler le litige d'un partenaire : l'accepter avec l'avoir "
    "convenu, ou le refuser avec le motif (pas le sien)",
    "disputes.title": "Litiges",
    "disputes.lead": "Les réclamations avec les partenaires, ouvertes par un partenaire (sur ce "
    "qu'il a reçu ou ce qui lui a été payé) ou par l'entreprise (sur ce que le partenaire a "
    "fait), chacune réglée une fois : acceptée avec l'avoir convenu, ou refusée avec le "
    "motif, par une autre personne que celle qui l'a ouverte.",
    "disputes.link": "Litiges",
    "disputes.number": "Litige",
    "disputes.kind": "Type",
    "disputes.unit": "Unité (LPN)",
    "disputes.text": "Réclamation",
    "disputes.amount": "Réclamé (EUR)",
    "disputes.opened": "Ouvert par",
    "disputes.partner": "partenaire",
    "disputes.settlement": "Règlement",
    "disputes.credit": "avoir",
    "disputes.note": "note (le motif d'un refus)",
    "disputes.outcome": "issue",
    "disputes.accept": "accepter",
    "disputes.reject": "refuser",
    "disputes.settle": "Régler",
    "disputes.none": "Aucun litige.",
    "disputes.open": "Ouvrir un litige",
    "disputes.open_button": "Ouvrir le litige",
    "disputes.opened_flash": "Litige {number} ouvert avec {site}.",
    "disputes.accepted_flash": "Litige {number} accepté : avoir de {credit} EUR.",
    "disputes.rejected_flash": "Litige {number} refusé.",
    "disputes.outcome_needed": "choisissez d'accepter ou de refuser",
    "partners.disputes": "Litiges (ouverts / tous)",
    _R + "kind": "le type d'un litige est l'un de {allowed}, pas {text}",
    _R + "say": "dites sur quoi porte la {what}",
    _R + "long": "la {what} a au plus {n} caractères",
    _R + "amount_text": "{name} doit être un montant en EUR, pas {text}",
    _R + "amount_range": "{name} doit être compris entre 0 et {max} EUR",
    _R + "done": "le litige {number} est déjà {state}",
    _R + "own": "le litige {number} a été ouvert par {login} : une autre personne le règle",
    _R + "no_credit": "un litige refusé ne donne lieu à aucun avoir",
    _R + "never": "l'unité {lpn} n'est jamais allée chez {site}",
    _R + "meanwhile": "le litige {number} a été réglé entre-temps par quelqu'un d'autre",
    _R + "none": "aucun litige {id}",
}
