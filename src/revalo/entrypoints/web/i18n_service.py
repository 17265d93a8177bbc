"""The labels of customer service's desk (search, a return's history, notes, the label sent
again, exceptions), satisfaction, the webhook endpoints and the public survey page, in
English and French; ``i18n`` adds them to its tables."""

from __future__ import annotations

EN: dict[str, str] = {
    "nav.service": "Customer service",
    "service.title": "Customer service",
    "service.lead": "Find a return by its order, the customer's name or e-mail, or the parcel "
    "(SSCC, scanned or typed); see its whole history; note what was said; send the label "
    "again; authorise an exception with its reason.",
    "service.search": "Order, customer, e-mail or parcel",
    "service.search_hint": "WEB-7781, Claire Dubois, claire@…, 00 3 7000…",
    "service.find": "Find",
    "service.found": "{n} return(s) found (the newest 50 shown).",
    "service.return_title": "Return {number}: customer service",
    "service.return_page": "the return's page",
    "service.history": "History",
    "service.history_link": "Its whole history with customer service: notes, contacts, e-mails",
    "service.what": "What",
    "service.entry.requested": "asked for",
    "service.entry.decided": "decided",
    "service.entry.exception": "exception",
    "service.entry.label": "label booked",
    "service.entry.event": "unit",
    "service.entry.message": "message",
    "service.entry.refund": "refund",
    "service.entry.note": "note",
    "service.note_title": "Note or contact",
    "service.channel": "How",
    "service.channel.note": "internal note",
    "service.channel.phone": "phone call",
    "service.channel.email": "e-mail",
    "service.channel.chat": "chat",
    "service.note_text": "What was said",
    "service.note_add": "Write it down",
    "service.notes": "Notes and contacts",
    "service.no_notes": "No note yet.",
    "service.noted_flash": "Note written on {number}.",
    "service.label_title": "Send the label again",
    "service.label_hint": "A new e-mail to the customer with the parcel label as a PDF and its "
    "QR code's link; a second click within a minute sends nothing more.",
    "service.label_send": "E-mail the label",
    "service.label_flash": "The label of {number} is in the outbox.",
    "service.exception_title": "Authorise an exception",
    "service.exception_hint": "The policy rejected this return or asked for a review: authorise "
    "it anyway, with the reason. The policy's answer is kept.",
    "service.policy_said": "The policy said:",
    "service.exception_add": "Authorise by exception",
    "service.excepted_flash": "Return {number} is authorised by exception.",
    "service.exceptions": "Exceptions",
    "service.csat_title": "Satisfaction (last 90 days)",
    "service.csat_hint": "One question sent with the refunded e-mail: 1 to 5 and a comment. "
    "CSAT is the share of answers scoring 4 or 5; time to refund in days from the "
    "withdrawal notice.",
    "service.csat": "CSAT",
    "service.answers": "Answers",
    "service.group": "By",
    "service.mean_score": "Mean score",
    "service.days_to_refund": "Days to refund (median)",
    "service.by.reason": "reason",
    "service.by.category": "category",
    "service.by.country": "country",
    "service.csv": "Download as CSV",
    "service.no_answers": "No survey answered yet.",
    "service.hooks_title": "Clients' webhooks",
    "service.hooks_hint": "Each change of a client's return is posted to its endpoints, signed "
    "with HMAC-SHA256 (the Revalo-Signature header), retried until the endpoint takes it.",
    "service.hooks_pending": "{n} webhook message(s) wait in the outbox: an endpoint does not "
    "answer. They are kept and tried again.",
    "service.hooks_events": "Events",
    "service.hook_active": "active",
    "service.hook_inactive": "deactivated",
    "service.no_hooks": "No endpoint.",
    "survey.title": "Your opinion",
    "survey.question": "How happy are you with your return {number}?",
    "survey.scale": "1: not at all · 5: very",
    "survey.comment": "A comment (if you wish)",
    "survey.send": "Send",
    "survey.thanks": "Thank you: your answer is recorded.",
    "survey.window": "You may change your answer for {n} days.",
    "survey.closed": "Your answer ({score} out of 5) is recorded; it can no longer be changed.",
    "survey.unknown": "This survey link is not known: check the link of the e-mail.",
    "perm.view_service": "find a return by order, customer, e-mail or parcel; see its whole "
    "history",
    "perm.view_satisfaction": "see the customers' satisfaction (CSAT) and the time to refund "
    "(a client: its own returns')",
    "perm.record_contact": "write notes and contacts with the customer on a return",
    "perm.resend_label": "send the customer a return's parcel label again",
    "perm.authorise_exception": "authorise a return the policy rejected or left for review, "
    "with the reason",
    "perm.manage_webhooks": "add and deactivate the clients' webhook endpoints",
    "said.audit.svc_note": "contact: {kind}",
    "said.audit.svc_exception": "exception: {raw}",
    "said.audit.svc_label": "label of parcel {id}",
    "said.audit.svc_hook": "endpoint {raw}",
}

FR: dict[str, str] = {
    "nav.service": "Service client",
    "service.title": "Service client",
    "service.lead": "Trouvez un retour par sa commande, le nom ou l'e-mail du client, ou le "
    "colis (SSCC, scanné ou saisi) ; voyez tout son historique ; notez ce qui a été dit ; "
    "renvoyez l'étiquette ; autorisez une exception avec son motif.",
    "service.search": "Commande, client, e-mail ou colis",
    "service.search_hint": "WEB-7781, Claire Dubois, claire@…, 00 3 7000…",
    "service.find": "Chercher",
    "service.found": "{n} retour(s) trouvé(s) (les 50 plus récents affichés).",
    "service.return_title": "Retour {number} : service client",
    "service.return_page": "la page du retour",
    "service.history": "Historique",
    "service.history_link": "Tout son historique au service client : notes, échanges, e-mails",
    "service.what": "Quoi",
    "service.entry.requested": "demandé",
    "service.entry.decided": "décidé",
    "service.entry.exception": "exception",
    "service.entry.label": "étiquette réservée",
    "service.entry.event": "unité",
    "service.entry.message": "message",
    "service.entry.refund": "remboursement",
    "service.entry.note": "note",
    "service.note_title": "Note ou contact",
    "service.channel": "Comment",
    "service.channel.note": "note interne",
    "service.channel.phone": "appel téléphonique",
    "service.channel.email": "e-mail",
    "service.channel.chat": "messagerie",
    "service.note_text": "Ce qui a été dit",
    "service.note_add": "Noter",
    "service.notes": "Notes et contacts",
    "service.no_notes": "Aucune note pour l'instant.",
    "service.noted_flash": "Note écrite sur {number}.",
    "service.label_title": "Renvoyer l'étiquette",
    "service.label_hint": "Un nouvel e-mail au client avec l'étiquette du colis en PDF et le "
    "lien de son code QR ; un second clic dans la minute n'envoie rien de plus.",
    "service.label_send": "Envoyer l'étiquette par e-mail",
    "service.label_flash": "L'étiquette de {number} est dans la file d'envoi.",
    "service.exception_title": "Autoriser une exception",
    "service.exception_hint": "La politique a refusé ce retour ou demandé un examen : "
    "autorisez-le quand même, avec le motif. La réponse de la politique est conservée.",
    "service.policy_said": "La politique a dit :",
    "service.exception_add": "Autoriser par exception",
    "service.excepted_flash": "Le retour {number} est autorisé par exception.",
    "service.exceptions": "Exceptions",
    "service.csat_title": "Satisfaction (90 derniers jours)",
    "service.csat_hint": "Une question envoyée avec l'e-mail de remboursement : de 1 à 5 et un "
    "commentaire. Le CSAT est la part des réponses notées 4 ou 5 ; le délai de remboursement "
    "en jours depuis la notification de la rétractation.",
    "service.csat": "CSAT",
    "service.answers": "Réponses",
    "service.group": "Par",
    "service.mean_score": "Note moyenne",
    "service.days_to_refund": "Jours jusqu'au remboursement (médiane)",
    "service.by.reason": "motif",
    "service.by.category": "catégorie",
    "service.by.country": "pays",
    "service.csv": "Télécharger en CSV",
    "service.no_answers": "Aucune enquête n'a encore de réponse.",
    "service.hooks_title": "Webhooks des clients",
    "service.hooks_hint": "Chaque changement d'un retour d'un client est envoyé à ses points "
    "d'accès, signé en HMAC-SHA256 (l'en-tête Revalo-Signature), réessayé jusqu'à ce que le "
    "point d'accès le prenne.",
    "service.hooks_pending": "{n} message(s) webhook attendent dans la file d'envoi : un point "
    "d'accès ne répond pas. Ils sont conservés et réessayés.",
    "service.hooks_events": "Événements",
    "service.hook_active": "actif",
    "service.hook_inactive": "désactivé",
    "service.no_hooks": "Aucun point d'accès.",
    "survey.title": "Votre avis",
    "survey.question": "Êtes-vous satisfait de votre retour {number} ?",
    "survey.scale": "1 : pas du tout · 5 : très",
    "survey.comment": "Un commentaire (si vous le souhaitez)",
    "survey.send": "Envoyer",
    "survey.thanks": "Merci : votre réponse est enregistrée.",
    "survey.window": "Vous pouvez modifier votre réponse pendant {n} jours.",
    "survey.closed": "Votre réponse ({score} sur 5) est enregistrée ; elle ne peut plus être "
    "modifiée.",
    "survey.unknown": "Ce lien d'enquête est inconnu : vérifiez le lien de l'e-mail.",
    "perm.view_service": "trouver un retour par commande, client, e-mail ou colis ; voir tout "
    "son historique",
    "perm.view_satisfaction": "voir la satisfaction des clients (CSAT) et le délai de "
    "remboursement (un donneur d'ordre : celle de ses retours)",
    "perm.record_contact": "noter les échanges avec le client sur un retour",
    "perm.resend_label": "renvoyer au client l'étiquette du colis d'un retour",
    "perm.authorise_exception": "autoriser un retour que la politique a refusé ou laissé à "
    "examiner, avec le motif",
    "perm.manage_webhooks": "ajouter et désactiver les points d'accès webhook des clients",
    "said.audit.svc_note": "contact : {kind}",
    "said.audit.svc_exception": "exception : {raw}",
    "said.audit.svc_label": "étiquette du colis {id}",
    "said.audit.svc_hook": "point d'accès {raw}",
}

VALUES_EN: dict[str, str] = {
    "label": "parcel label",
    "chat": "chat",
    "email": "e-mail",
}
VALUES_FR: dict[str, str] = {
    "label": "étiquette du colis",
    "chat": "messagerie",
    "email": "e-mail",
}
