"""A partner's payments: the page and the refusals, in English and in French; ``i18n`` adds
them to its tables."""

from __future__ import annotations

_R = "said.refusal.payments_"

EN: dict[str, str] = {
    "perm.record_payments": "record a partner's payment for the units handed over to it for "
    "good, each unit once (a partner: its own)",
    "payments.title": "Payments",
    "payments.link": "Payments",
    "payments.lead": "What a partner paid for the units handed over to it for good — a resale "
    "partner's price, a recycler's statement, a vendor's credit — each unit once. A unit sold "
    "in a B2B lot is paid with the lot's invoice; a donation is a gift.",
    "payments.record": "Record a payment",
    "payments.codes": "Units (LPNs or serials)",
    "payments.reference": "Reference (remittance advice, statement)",
    "payments.amount": "Amount paid (EUR)",
    "payments.amount_hint": "Leave the amount empty to pay at the price share of the "
    "partner's terms in force on the day paid; an amount is shared by the units' prices as "
    "new.",
    "payments.paid_on": "Paid on",
    "payments.save": "Record",
    "payments.count": "{n} payment(s)",
    "payments.number": "Payment",
    "payments.units": "Units",
    "payments.recorded_by": "Recorded by",
    "payments.none": "No payment from this partner yet.",
    "payments.recorded_flash": "Payment {number} of {sum} recorded.",
    "said.event.paid_by": "paid by {site} ({ref})",
    _R + "reference": "a payment needs its reference (the partner's remittance advice, a "
    "statement's number)",
    _R + "reference_long": "a payment's reference has at most {most} characters, not {n}",
    _R + "amount": "a payment is more than 0 and at most {most} EUR, not {sum}",
    _R + "cents": "a payment is in whole cents, not {sum}",
    _R + "no_unit": "name at least one unit: its LPN or its serial",
    _R + "too_many": "a payment covers at most {most} units, not {n}",
    _R + "not_payable": "{code} is no unit handed over to {site} for good outside a lot (a lot "
    "is paid with its invoice, a donation is a gift)",
    _R + "paid": "unit {lpn} was paid for already, by payment {number}",
    _R + "no_share": "no price share agreed with {site} on {day} gives what these units are "
    "paid: give the amount paid",
    _R + "future": "a payment is recorded once paid, not on {day}",
}

FR: dict[str, str] = {
    "perm.record_payments": "enregistrer le paiement d'un partenaire pour les unités qui lui "
    "ont été remises pour de bon, chaque unité une fois (un partenaire : les siens)",
    "payments.title": "Paiements",
    "payments.link": "Paiements",
    "payments.lead": "Ce qu'un partenaire a payé pour les unités qui lui ont été remises pour "
    "de bon — le prix d'un revendeur, le relevé d'un recycleur, l'avoir d'un fabricant — "
    "chaque unité une fois. Une unité vendue dans un lot B2B est payée avec la facture du "
    "lot ; un don est gratuit.",
    "payments.record": "Enregistrer un paiement",
    "payments.codes": "Unités (LPN ou numéros de série)",
    "payments.reference": "Référence (avis de paiement, relevé)",
    "payments.amount": "Montant payé (EUR)",
    "payments.amount_hint": "Sans montant, chaque unité est payée à la part du prix des "
    "conditions du partenaire en vigueur le jour du paiement ; un montant est réparti selon "
    "les prix à neuf des unités.",
    "payments.paid_on": "Payé le",
    "payments.save": "Enregistrer",
    "payments.count": "{n} paiement(s)",
    "payments.number": "Paiement",
    "payments.units": "Unités",
    "payments.recorded_by": "Enregistré par",
    "payments.none": "Aucun paiement de ce partenaire pour l'instant.",
    "payments.recorded_flash": "Paiement {number} de {sum} enregistré.",
    "said.event.paid_by": "payée par {site} ({ref})",
    _R + "reference": "un paiement a besoin de sa référence (l'avis de paiement du "
    "partenaire, le numéro d'un relevé)",
    _R + "reference_long": "la référence d'un paiement a au plus {most} caractères, pas {n}",
    _R + "amount": "un paiement est de plus de 0 et d'au plus {most} EUR, pas {sum}",
    _R + "cents": "un paiement se fait en centimes entiers, pas {sum}",
    _R + "no_unit": "nommez au moins une unité : son LPN ou son numéro de série",
    _R + "too_many": "un paiement couvre au plus {most} unités, pas {n}",
    _R + "not_payable": "{code} n'est pas une unité remise pour de bon à {site} hors d'un lot "
    "(un lot est payé avec sa facture, un don est gratuit)",
    _R + "paid": "l'unité {lpn} a déjà été payée, par le paiement {number}",
    _R + "no_share": "aucune part du prix convenue avec {site} le {day} ne donne ce que ces "
    "unités rapportent : indiquez le montant payé",
    _R + "future": "un paiement s'enregistre une fois payé, pas le {day}",
}
