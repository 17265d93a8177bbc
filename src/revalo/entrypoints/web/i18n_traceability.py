"""The labels of the traceability page (EPCIS 2.0 export and capture), in English and French;
``i18n`` adds them to its tables."""

from __future__ import annotations

EN: dict[str, str] = {
    "nav.traceability": "Traceability",
    "trace.title": "Traceability: EPCIS 2.0 events",
    "trace.lead": "Every event of the units you may see, as GS1 EPCIS 2.0 events (CBV 2.0 "
    "business steps and dispositions, sites by their GLN): for an auditor, a brand or a "
    "partner's system. The API answers the same query at /api/v1/epcis/events.",
    "trace.export": "Download the events of a period",
    "trace.from": "From (day, UTC)",
    "trace.to": "To (day, UTC, included)",
    "trace.site": "Site (code, optional)",
    "trace.download": "Download the EPCIS document",
    "trace.capture": "Send a partner's EPCIS document",
    "trace.capture_lead": "Receipts at the site a unit is on its way to are its arrival; a "
    "repair or test begun (repairing or inspecting, in_progress) starts the open work order "
    "there, and one done (conformant or non_conformant) finishes the one in progress, with "
    "revalo:labourMinutes, revalo:partsCostEur and revalo:notes; anything else goes on the "
    "unit's timeline. Checked against GS1's schema first, and applied whole or not at all.",
    "trace.file": "EPCIS document (JSON or JSON-LD)",
    "trace.send": "Send",
    "trace.applied": "{n} change(s) applied, {already} already captured before.",
    "trace.no_file": "choose the EPCIS document to send",
    "trace.too_big": "the document is larger than {mb} MB: send it in parts, or by the API",
    "trace.not_json": "the file is not a JSON document",
    "said.refusal.epcis_offset": "an EPCIS event's time must say its offset from UTC",
    "said.refusal.epcis_word": "{name} {text} is not a CBV 2.0 word (nor a URI of another "
    "vocabulary)",
    "said.refusal.epcis_not_time": "{name} must be a date and time, not {text}",
    "said.refusal.epcis_not_iso": "{name} {text} is not an ISO 8601 date and time",
    "said.refusal.epcis_no_offset": "{name} {text} does not say its offset from UTC",
    "said.refusal.epcis_uris": "{name} must be a list of identifiers (URIs)",
    "said.refusal.epcis_place": '{name} must be an object with its "id" (a URI)',
    "said.refusal.epcis_pairs": '{name} must be a list of objects, each with its "{field}"',
    "said.refusal.epcis_typed": 'each of {name} must say its "type"',
    "said.refusal.epcis_not_object": "{where} is not a JSON object",
    "said.refusal.epcis_kind": "{where}: type {text} is not one of {types}",
    "said.refusal.epcis_where": "{where} of the document: {message}",
    "said.refusal.epcis_document": "an EPCIS document is a JSON object",
    "said.refusal.epcis_doc_type": "type {text}: an EPCISDocument or EPCISQueryDocument is "
    "expected",
    "said.refusal.epcis_no_list": "the document has no epcisBody.eventList",
    "said.refusal.epcis_limit": "limit must be 1 to {n}",
    "said.refusal.epcis_offset_param": "offset must be zero or more",
    "said.refusal.epcis_period": "the end of the period must come after its start",
    "said.refusal.epcis_no_id": "it has no eventID: each event is applied once, by its eventID",
    "said.refusal.epcis_future": "it happens in the future ({at})",
    "said.refusal.epcis_no_place": "it says no place (bizLocation or readPoint)",
    "said.refusal.epcis_no_site": "no site of Revalo is {uri}",
    "said.refusal.epcis_no_unit": "no unit of Revalo is {uri}",
    "said.refusal.epcis_no_object": "it names no unit (epcList, childEPCs, inputEPCList ...)",
    "said.refusal.epcis_parts": "revalo:partsCostEur must be an amount in EUR as text, from 0 "
    "to {n} with at most 2 decimals, not {text}",
    "said.refusal.epcis_notes": "revalo:notes must be text of at most {n} characters",
    "said.refusal.epcis_nothing": "nothing was captured: {events}",
    "said.refusal.epcis_event": "event {n}: {why}",
    "said.refusal.gln_digits": "GLN {text} must be 13 digits",
    "said.refusal.gln_check": "GLN {text} has a wrong check digit",
    "perm.export_events": "query and export the units' events as GS1 EPCIS 2.0",
    "perm.capture_events": "send the EPCIS 2.0 events of work done at a partner's site "
    "(receipts, repairs, tests)",
}

FR: dict[str, str] = {
    "nav.traceability": "Traçabilité",
    "trace.title": "Traçabilité : événements EPCIS 2.0",
    "trace.lead": "Chaque événement des unités que vous pouvez voir, en événements GS1 EPCIS "
    "2.0 (étapes métier et dispositions du CBV 2.0, sites par leur GLN) : pour un auditeur, "
    "une marque ou le système d'un partenaire. L'API répond à la même requête sur "
    "/api/v1/epcis/events.",
    "trace.export": "Télécharger les événements d'une période",
    "trace.from": "Du (jour, UTC)",
    "trace.to": "Au (jour, UTC, inclus)",
    "trace.site": "Site (code, facultatif)",
    "trace.download": "Télécharger le document EPCIS",
    "trace.capture": "Envoyer le document EPCIS d'un partenaire",
    "trace.capture_lead": "Une réception sur le site où une unité est en route est son "
    "arrivée ; une réparation ou un test commencé (repairing ou inspecting, in_progress) "
    "ouvre l'ordre de travail prévu sur place, et un terminé (conformant ou non_conformant) "
    "clôt celui en cours, avec revalo:labourMinutes, revalo:partsCostEur et revalo:notes ; "
    "le reste s'inscrit dans l'historique de l'unité. Vérifié d'abord selon le schéma de GS1, "
    "et appliqué en entier ou pas du tout.",
    "trace.file": "Document EPCIS (JSON ou JSON-LD)",
    "trace.send": "Envoyer",
    "trace.applied": "{n} changement(s) appliqué(s), {already} déjà reçu(s) avant.",
    "trace.no_file": "choisissez le document EPCIS à envoyer",
    "trace.too_big": "le document dépasse {mb} Mo : envoyez-le en plusieurs fois, ou par l'API",
    "trace.not_json": "le fichier n'est pas un document JSON",
    "said.refusal.epcis_offset": "l'heure d'un événement EPCIS doit dire son décalage par "
    "rapport à UTC",
    "said.refusal.epcis_word": "{name} {text} n'est pas un mot du CBV 2.0 (ni l'URI d'un "
    "autre vocabulaire)",
    "said.refusal.epcis_not_time": "{name} doit être une date et une heure, pas {text}",
    "said.refusal.epcis_not_iso": "{name} {text} n'est pas une date et heure ISO 8601",
    "said.refusal.epcis_no_offset": "{name} {text} ne dit pas son décalage par rapport à UTC",
    "said.refusal.epcis_uris": "{name} doit être une liste d'identifiants (URI)",
    "said.refusal.epcis_place": '{name} doit être un objet avec son "id" (une URI)',
    "said.refusal.epcis_pairs": '{name} doit être une liste d\'objets, chacun avec son "{field}"',
    "said.refusal.epcis_typed": 'chacun de {name} doit dire son "type"',
    "said.refusal.epcis_not_object": "{where} n'est pas un objet JSON",
    "said.refusal.epcis_kind": "{where} : le type {text} n'est pas l'un de {types}",
    "said.refusal.epcis_where": "{where} du document : {message}",
    "said.refusal.epcis_document": "un document EPCIS est un objet JSON",
    "said.refusal.epcis_doc_type": "type {text} : un EPCISDocument ou un EPCISQueryDocument "
    "est attendu",
    "said.refusal.epcis_no_list": "le document n'a pas d'epcisBody.eventList",
    "said.refusal.epcis_limit": "limit doit aller de 1 à {n}",
    "said.refusal.epcis_offset_param": "offset doit être zéro ou plus",
    "said.refusal.epcis_period": "la fin de la période doit venir après son début",
    "said.refusal.epcis_no_id": "il n'a pas d'eventID : chaque événement est appliqué une "
    "fois, par son eventID",
    "said.refusal.epcis_future": "il a lieu dans le futur ({at})",
    "said.refusal.epcis_no_place": "il ne dit aucun lieu (bizLocation ou readPoint)",
    "said.refusal.epcis_no_site": "aucun site de Revalo n'est {uri}",
    "said.refusal.epcis_no_unit": "aucune unité de Revalo n'est {uri}",
    "said.refusal.epcis_no_object": "il ne nomme aucune unité (epcList, childEPCs, "
    "inputEPCList ...)",
    "said.refusal.epcis_parts": "revalo:partsCostEur doit être un montant en EUR écrit en "
    "texte, de 0 à {n} avec au plus 2 décimales, et non {text}",
    "said.refusal.epcis_notes": "revalo:notes doit être un texte d'au plus {n} caractères",
    "said.refusal.epcis_nothing": "rien n'a été reçu : {events}",
    "said.refusal.epcis_event": "événement {n} : {why}",
    "said.refusal.gln_digits": "le GLN {text} doit avoir 13 chiffres",
    "said.refusal.gln_check": "le GLN {text} a une clé de contrôle fausse",
    "perm.export_events": "interroger et exporter les événements des unités en GS1 EPCIS 2.0",
    "perm.capture_events": "envoyer les événements EPCIS 2.0 du travail fait sur le site d'un "
    "partenaire (réceptions, réparations, tests)",
}
