"""A partner's resales: the form beside its deliveries, the timeline's wording and the
refusals, in English and in French; ``i18n`` adds them to its tables."""

from __future__ import annotations

_R = "said.refusal.resales_"

EN: dict[str, str] = {
    "perm.record_resales": "record a partner's resale of a unit handed over to it for good "
    "and accepted, each unit once (a partner: at its own sites)",
    "resales.record": "Record a resale",
    "resales.hint": "A unit accepted here and sold again: what the buyer paid, on what day, "
    "under which receipt, once.",
    "resales.code": "Unit (LPN or serial)",
    "resales.price": "Price paid by the buyer (EUR)",
    "resales.sold_on": "Sold on",
    "resales.receipt": "Receipt or invoice (optional)",
    "resales.save": "Record the resale",
    "resales.resold": "Resold",
    "resales.in_stock": "in stock",
    "resales.count": "{n} resold",
    "resales.recorded_flash": "Resale of {lpn} for {sum} recorded.",
    "said.event.resold_by": "resold by {site} for {price}",
    _R + "not_amount": "a resale price is an amount in EUR, not {sum}",
    _R + "price": "a resale price is more than 0 and at most {most} EUR, not {sum}",
    _R + "cents": "a resale price is in whole cents, not {sum}",
    _R + "receipt_long": "a receipt number has at most {most} characters, not {n}",
    _R + "future": "a resale is recorded once made, not on {day}",
    _R + "before": "the unit was accepted on {day}: it was not resold before, on {sum}",
    _R + "not_reseller": "{code} does not resell what it is handed: an outlet or a resale "
    "partner records its resales",
    _R + "again": "unit {lpn} was resold already, on {day} for {price}",
    _R + "not_accepted": "unit {lpn} was not accepted at {code} yet: accept it by scan before "
    "its resale",
}

FR: dict[str, str] = {
    "perm.record_resales": "enregistrer la revente par un partenaire d'une unité qui lui a été "
    "remise pour de bon et qu'il a acceptée, chaque unité une fois (un partenaire : sur ses "
    "propres sites)",
    "resales.record": "Enregistrer une revente",
    "resales.hint": "Une unité acceptée ici et revendue : ce que l'acheteur a payé, quel jour, "
    "sous quel ticket, une fois.",
    "resales.code": "Unité (LPN ou numéro de série)",
    "resales.price": "Prix payé par l'acheteur (EUR)",
    "resales.sold_on": "Vendue le",
    "resales.receipt": "Ticket ou facture (facultatif)",
    "resales.save": "Enregistrer la revente",
    "resales.resold": "Revendue",
    "resales.in_stock": "en stock",
    "resales.count": "{n} revendue(s)",
    "resales.recorded_flash": "Revente de {lpn} pour {sum} enregistrée.",
    "said.event.resold_by": "revendue par {site} pour {price}",
    _R + "not_amount": "un prix de revente est un montant en EUR, pas {sum}",
    _R + "price": "un prix de revente est de plus de 0 et d'au plus {most} EUR, pas {sum}",
    _R + "cents": "un prix de revente se donne en centimes entiers, pas {sum}",
    _R + "receipt_long": "un numéro de ticket a au plus {most} caractères, pas {n}",
    _R + "future": "une revente est enregistrée une fois faite, pas le {day}",
    _R + "before": "l'unité a été acceptée le {day} : elle n'a pas été revendue avant, le {sum}",
    _R + "not_reseller": "{code} ne revend pas ce qui lui est remis : un magasin de "
    "déstockage ou un revendeur enregistre ses reventes",
    _R + "again": "l'unité {lpn} a déjà été revendue, le {day} pour {price}",
    _R + "not_accepted": "l'unité {lpn} n'a pas encore été acceptée chez {code} : acceptez-la "
    "par scan avant sa revente",
}
