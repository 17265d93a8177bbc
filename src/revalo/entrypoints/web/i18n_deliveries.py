"""A partner's deliveries: the page and the refusals, in English and in French; ``i18n``
adds them to its tables."""

from __future__ import annotations

_R = "said.refusal.deliveries_"

EN: dict[str, str] = {
    "deliveries.title": "Deliveries",
    "deliveries.link": "Deliveries",
    "deliveries.lead": "The units handed over to a partner for good — sent to it, or in a B2B "
    "lot it bought — each accepted once by scanning its LPN or serial at the partner's, so "
    "that both sides know what arrived.",
    "deliveries.scan": "Scan a unit (LPN or serial)",
    "deliveries.accept": "Accept",
    "deliveries.hint": "A unit that did not come, or came damaged, is a dispute:",
    "deliveries.handed": "{n} unit(s) handed over, {unaccepted} not accepted yet",
    "deliveries.serial": "Serial",
    "deliveries.product": "Product",
    "deliveries.lot": "Lot",
    "deliveries.accepted": "Accepted",
    "deliveries.waiting": "waiting",
    "deliveries.none": "Nothing was handed over to this partner.",
    "deliveries.accepted_flash": "Unit {lpn} accepted.",
    _R + "scan": "scan the unit's LPN or serial",
    _R + "unknown": "{code} is no unit handed over to {site}: scan its LPN (a unit that did "
    "not come is a dispute)",
    _R + "again": "unit {lpn} was accepted already, by {login}",
}

FR: dict[str, str] = {
    "deliveries.title": "Livraisons",
    "deliveries.link": "Livraisons",
    "deliveries.lead": "Les unités remises pour de bon à un partenaire — envoyées chez lui, ou "
    "dans un lot B2B qu'il a acheté — chacune acceptée une fois en scannant son LPN ou son "
    "numéro de série chez le partenaire, pour que chacun sache ce qui est arrivé.",
    "deliveries.scan": "Scanner une unité (LPN ou numéro de série)",
    "deliveries.accept": "Accepter",
    "deliveries.hint": "Une unité qui n'est pas venue, ou venue abîmée, est un litige :",
    "deliveries.handed": "{n} unité(s) remise(s), {unaccepted} pas encore acceptée(s)",
    "deliveries.serial": "Numéro de série",
    "deliveries.product": "Produit",
    "deliveries.lot": "Lot",
    "deliveries.accepted": "Acceptée",
    "deliveries.waiting": "en attente",
    "deliveries.none": "Rien n'a été remis à ce partenaire.",
    "deliveries.accepted_flash": "Unité {lpn} acceptée.",
    _R + "scan": "scannez le LPN ou le numéro de série de l'unité",
    _R + "unknown": "{code} n'est pas une unité remise à {site} : scannez son LPN (une unité "
    "qui n'est pas venue est un litige)",
    _R + "again": "l'unité {lpn} a déjà été acceptée, par {login}",
}
