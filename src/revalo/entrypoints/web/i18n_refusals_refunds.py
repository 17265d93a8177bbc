"""Why the refunds' rules refuse (what a return owes back, its dates, its refunds, the
finance export), in English as they say it, and in French; recognised and written again
like the domain's (``i18n_refusals``)."""

from __future__ import annotations

EN: dict[str, str] = {
    "said.refusal.paid_positive": "What was paid is a positive amount, not {sum}.",
    "said.refusal.paid_decimals": "What was paid has at most two decimals, not {sum}.",
    "said.refusal.refund_other_return": "The refund is for {id}, not {rma}.",
    "said.refusal.refund_settled": "The refund of {id} is settled already.",
    "said.refusal.refund_method": "{id} is settled by {kind}: pay it back by {kinds}, not "
    "{target}.",
    "said.refusal.refund_date_early": "The refund date {day} is before the withdrawal notice "
    "({notice}).",
    "said.refusal.refund_date_future": "The refund date {day} is in the future.",
    "said.refusal.proof_future": "The proof of sending date {day} is in the future.",
    "said.refusal.notice_future": "The withdrawal notice {day} is in the future.",
    "said.refusal.owes_nothing": "return {id} is {state}: it owes nothing back",
    "said.refusal.case_exists": "return {id} has its refund case already",
    "said.refusal.no_case": "return {id} has no refund case: record what the customer paid first",
    "said.refusal.export_span": "the export's end {day} is not after its start {start}",
    "said.refusal.export_long": "an export covers at most {n} days, not {count}",
    "said.refusal.closes_when_received": "return {id} is {state}: only a received return closes",
    "said.refusal.units_in_stock": "{n} unit(s) still in the parallel stock: {lpns}",
    "said.refusal.not_settled": "its {kind} is not settled: {sum} EUR still owed",
    "said.refusal.cancel_received": "return {id} has units received: it can no longer be cancelled",
    "said.refusal.cancel_state": "return {id} is {state}: only one not yet received is cancelled",
    "said.refusal.cancel_refunded": "return {id} has refunds recorded: it can no longer be "
    "cancelled",
    "said.refusal.cancel_reason": "a cancellation needs a reason the customer can read",
}

FR: dict[str, str] = {
    "said.refusal.paid_positive": "Le montant payé est un montant positif, pas {sum}.",
    "said.refusal.paid_decimals": "Le montant payé a au plus deux décimales, pas {sum}.",
    "said.refusal.refund_other_return": "Le remboursement est pour {id}, pas pour {rma}.",
    "said.refusal.refund_settled": "Le remboursement de {id} est déjà réglé.",
    "said.refusal.refund_method": "{id} se règle par {kind} : remboursez par {kinds}, pas "
    "par {target}.",
    "said.refusal.refund_date_early": "La date de remboursement {day} précède la "
    "notification de la rétractation ({notice}).",
    "said.refusal.refund_date_future": "La date de remboursement {day} est dans le futur.",
    "said.refusal.proof_future": "La date de la preuve d'expédition {day} est dans le futur.",
    "said.refusal.notice_future": "La notification de la rétractation {day} est dans le futur.",
    "said.refusal.owes_nothing": "le retour {id} est {state} : il n'y a rien à rembourser",
    "said.refusal.case_exists": "le retour {id} a déjà son dossier de remboursement",
    "said.refusal.no_case": "le retour {id} n'a pas de dossier de remboursement : "
    "enregistrez d'abord ce que le client a payé",
    "said.refusal.export_span": "la fin de l'export {day} n'est pas après son début {start}",
    "said.refusal.export_long": "un export couvre au plus {n} jours, pas {count}",
    "said.refusal.closes_when_received": "le retour {id} est {state} : seul un retour reçu "
    "se clôture",
    "said.refusal.units_in_stock": "{n} unité(s) encore dans le stock parallèle : {lpns}",
    "said.refusal.not_settled": "son {kind} n'est pas réglé : {sum} EUR encore dus",
    "said.refusal.cancel_received": "le retour {id} a des unités reçues : il ne peut plus "
    "être annulé",
    "said.refusal.cancel_state": "le retour {id} est {state} : seul un retour pas encore "
    "reçu s'annule",
    "said.refusal.cancel_refunded": "le retour {id} a des remboursements enregistrés : il ne "
    "peut plus être annulé",
    "said.refusal.cancel_reason": "une annulation demande une raison que le client peut lire",
}
