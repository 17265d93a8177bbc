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
    "repair or test done (repairing or inspecting, conformant or non_conformant) finishes "
    "the work order in progress there; anything else goes on the unit's timeline. Checked "
    "against GS1's schema first, and applied whole or not at all.",
    "trace.file": "EPCIS document (JSON or JSON-LD)",
    "trace.send": "Send",
    "trace.applied": "{n} change(s) applied, {already} already captured before.",
    "trace.no_file": "choose the EPCIS document to send",
    "trace.too_big": "the document is larger than {mb} MB: send it in parts, or by the API",
    "trace.not_json": "the file is not a JSON document",
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
    "arrivée ; une réparation ou un test terminé (repairing ou inspecting, conformant ou "
    "non_conformant) clôt l'ordre de travail en cours sur place ; le reste s'inscrit dans "
    "l'historique de l'unité. Vérifié d'abord selon le schéma de GS1, et appliqué en entier "
    "ou pas du tout.",
    "trace.file": "Document EPCIS (JSON ou JSON-LD)",
    "trace.send": "Envoyer",
    "trace.applied": "{n} changement(s) appliqué(s), {already} déjà reçu(s) avant.",
    "trace.no_file": "choisissez le document EPCIS à envoyer",
    "trace.too_big": "le document dépasse {mb} Mo : envoyez-le en plusieurs fois, ou par l'API",
    "trace.not_json": "le fichier n'est pas un document JSON",
    "perm.export_events": "interroger et exporter les événements des unités en GS1 EPCIS 2.0",
    "perm.capture_events": "envoyer les événements EPCIS 2.0 du travail fait sur le site d'un "
    "partenaire (réceptions, réparations, tests)",
}
