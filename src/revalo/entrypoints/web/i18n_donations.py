"""Donations to charities: the page, the permissions, the receipt's reasons and the
refusals, in English and in French; ``i18n`` adds them to its tables."""

from __future__ import annotations

_R = "said.refusal.donations_"

EN: dict[str, str] = {
    "perm.acknowledge_donations": "acknowledge the units donated to a charity (a partner: to "
    "its own)",
    "perm.value_donations": "value a donation at the cost price of its units, for the "
    "charity's tax receipt",
    "donations.title": "Donations",
    "donations.lead": "The units donated to the charities: each charity acknowledges those it "
    "received, the owner's finance values them at their cost price, and the data of the tax "
    "receipt follows where the French reduction for corporate giving applies.",
    "donations.link": "Donations",
    "donations.waiting": "Donated, not acknowledged yet",
    "donations.none_waiting": "Nothing waits for this charity's acknowledgment.",
    "donations.charity": "Charity",
    "donations.choose": "Show",
    "donations.acknowledge": "Acknowledge the units ticked",
    "donations.note": "Note",
    "donations.list": "Acknowledged",
    "donations.none": "No donation acknowledged.",
    "donations.number": "Donation",
    "donations.units": "Units",
    "donations.by": "Acknowledged by",
    "donations.value": "Value at cost price (EUR)",
    "donations.set_value": "Value",
    "donations.receipt": "Tax receipt",
    "donations.donor": "Donor",
    "donations.reduction": "Reduction before the ceiling",
    "donations.form": "Form",
    "donations.basis": "Legal basis",
    "donations.ceiling": "Ceiling: {eur} EUR or {per_mille} ‰ of the donor's turnover before "
    "tax a year, whichever is higher (not applied here).",
    "donations.rules": "60 % of the value; 40 % of the part of the donor's gifts of the year "
    "above 2 million EUR. Rules of the loi de finances pour 2020: check the current CGI "
    "art. 238 bis.",
    "donations.eligible": "Applies",
    "donations.not_eligible": "Does not apply",
    "donations.depends": "Depends on the donor",
    "donations.why.eligible": "a French company's gift in kind to a French organisation",
    "donations.why.client": "the reduction applies if the client is taxed in France",
    "donations.why.donor_abroad": "the donor is not taxed in France",
    "donations.why.charity_abroad": "the French reduction needs a French organisation (or "
    "one approved in another EU country)",
    "donations.acknowledged_flash": "Donation {number} acknowledged: {n} unit(s).",
    "donations.valued_flash": "Donation {number} valued at {value} EUR.",
    "donations.tick": "tick at least one unit",
    _R + "owners": "these units have different owners: acknowledge each owner's on its own",
    _R + "valued": "donation {number} is valued already ({sum} EUR)",
    _R + "range": "a donation's value is from 0 to {max} EUR",
    _R + "empty": "acknowledge at least one unit",
    _R + "many": "one acknowledgment takes at most {n} units",
    _R + "charity": "no charity {code}",
    _R + "twice": "a unit is given twice",
    _R + "taken": "unit {lpn} is on donation {number} already",
    _R + "not_donated": "unit {lpn} was not donated to {code}",
    _R + "amount": "{text} is not an amount in EUR",
    _R + "meanwhile": "donation {number} was valued by someone else meanwhile",
    _R + "none": "no donation {id}",
}

FR: dict[str, str] = {
    "perm.acknowledge_donations": "accuser réception des unités données à une association (un "
    "partenaire : à la sienne)",
    "perm.value_donations": "valoriser un don au coût de revient de ses unités, pour le reçu "
    "fiscal de l'association",
    "donations.title": "Dons",
    "donations.lead": "Les unités données aux associations : chaque association accuse "
    "réception de celles qu'elle a reçues, la comptabilité du propriétaire les valorise à leur "
    "coût de revient, et les données du reçu fiscal suivent là où la réduction d'impôt au "
    "titre du mécénat d'entreprise s'applique.",
    "donations.link": "Dons",
    "donations.waiting": "Données, réception pas encore accusée",
    "donations.none_waiting": "Rien n'attend l'accusé de réception de cette association.",
    "donations.charity": "Association",
    "donations.choose": "Afficher",
    "donations.acknowledge": "Accuser réception des unités cochées",
    "donations.note": "Note",
    "donations.list": "Réception accusée",
    "donations.none": "Aucun don reçu.",
    "donations.number": "Don",
    "donations.units": "Unités",
    "donations.by": "Réception accusée par",
    "donations.value": "Valeur au coût de revient (EUR)",
    "donations.set_value": "Valoriser",
    "donations.receipt": "Reçu fiscal",
    "donations.donor": "Donateur",
    "donations.reduction": "Réduction avant plafond",
    "donations.form": "Formulaire",
    "donations.basis": "Base légale",
    "donations.ceiling": "Plafond : {eur} EUR ou {per_mille} ‰ du chiffre d'affaires hors "
    "taxes du donateur par an, le plus élevé des deux (non appliqué ici).",
    "donations.rules": "60 % de la valeur ; 40 % de la part des dons de l'année du donateur "
    "au-delà de 2 millions d'EUR. Règles de la loi de finances pour 2020 : vérifiez l'article "
    "238 bis du CGI en vigueur.",
    "donations.eligible": "S'applique",
    "donations.not_eligible": "Ne s'applique pas",
    "donations.depends": "Dépend du donateur",
    "donations.why.eligible": "un don en nature d'une entreprise française à un organisme français",
    "donations.why.client": "la réduction s'applique si le client est imposé en France",
    "donations.why.donor_abroad": "le donateur n'est pas imposé en France",
    "donations.why.charity_abroad": "la réduction française demande un organisme français (ou "
    "agréé dans un autre pays de l'UE)",
    "donations.acknowledged_flash": "Réception du don {number} accusée : {n} unité(s).",
    "donations.valued_flash": "Don {number} valorisé à {value} EUR.",
    "donations.tick": "cochez au moins une unité",
    _R + "owners": "ces unités ont des propriétaires différents : accusez réception de celles "
    "de chaque propriétaire à part",
    _R + "valued": "le don {number} est déjà valorisé ({sum} EUR)",
    _R + "range": "la valeur d'un don va de 0 à {max} EUR",
    _R + "empty": "accusez réception d'au moins une unité",
    _R + "many": "un accusé de réception porte sur {n} unités au plus",
    _R + "charity": "aucune association {code}",
    _R + "twice": "une unité est donnée deux fois",
    _R + "taken": "l'unité {lpn} est déjà sur le don {number}",
    _R + "not_donated": "l'unité {lpn} n'a pas été donnée à {code}",
    _R + "amount": "{text} n'est pas un montant en EUR",
    _R + "meanwhile": "le don {number} a été valorisé entre-temps par quelqu'un d'autre",
    _R + "none": "aucun don {id}",
}
