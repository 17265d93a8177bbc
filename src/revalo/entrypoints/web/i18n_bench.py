"""The labels of the technician's bench (work orders: start, record, finish, the data
wipe's certificate), in English and French; ``i18n`` adds them to its tables."""

from __future__ import annotations

EN: dict[str, str] = {
    "nav.bench": "Bench",
    "bench.title": "Bench: work orders",
    "bench.lead": "The work orders at your sites, the oldest first.",
    "bench.all_sites": "All my sites",
    "bench.state.todo": "To do (open or in progress)",
    "bench.state.all": "Every state",
    "bench.order": "Work order",
    "bench.order_title": "Work order {number}",
    "bench.unit": "Unit",
    "bench.opened": "Opened",
    "bench.started_at": "Started",
    "bench.completed_at": "Finished",
    "bench.start": "Start the work",
    "bench.start_hint": "The unit moves to the work-in-progress location, with you as its "
    "technician.",
    "bench.start_button": "Start",
    "bench.record": "Record the work",
    "bench.record_hint": "As often as needed: each record adds its minutes, results and parts "
    "to the order's.",
    "bench.minutes": "Minutes worked",
    "bench.results": "Results",
    "bench.results_hint": "what was found, tested, done",
    "bench.parts": "Parts used",
    "bench.part_reference": "Reference",
    "bench.part_quantity": "Quantity",
    "bench.part_cost": "Cost of one (EUR)",
    "bench.part_label": "Part {n}: {what}",
    "bench.record_button": "Record",
    "bench.finish": "Finish the work",
    "bench.finish_hint": "Done: when it is the unit's last open order, the unit is ready to "
    "leave. Failed: the unit's other orders are cancelled and it waits for a new decision.",
    "bench.outcome": "Outcome",
    "bench.outcome_done": "Done",
    "bench.outcome_failed": "Failed",
    "bench.finish_button": "Finish",
    "bench.wipe": "Certificate of sanitisation (NIST SP 800-88)",
    "bench.wipe_hint": "A data wipe is done only with its method, its tool and a verified "
    "result; it then gets the number of its certificate.",
    "bench.wipe_method": "Method",
    "bench.wipe_tool": "Tool (and its version)",
    "bench.wipe_verified": "The result was verified",
    "bench.certificate": "Certificate number",
    "bench.verified_yes": "verified",
    "bench.verified_no": "not verified",
    "bench.not_yours": "This needs the permission {permission}.",
    "bench.closed": "This work order is {state}: there is nothing more to do on it.",
    "bench.none_parts": "No part recorded.",
    "bench.on_its_way": "The unit is on its way to {site}: the work starts when it is received "
    "there.",
    "bench.started_flash": "{number} is started: the unit is in the workshop.",
    "bench.recorded_flash": "{number}: the work is recorded.",
    "bench.done_flash": "{number} is done.",
    "bench.certified_flash": "{number} is done: certificate of sanitisation {certificate}.",
    "bench.failed_flash": "{number} failed: the unit waits for a new decision.",
}

FR: dict[str, str] = {
    "bench.on_its_way": "L'unité est en route vers {site} : le travail commence quand elle y "
    "est reçue.",
    "nav.bench": "Atelier",
    "bench.title": "Atelier : ordres de travail",
    "bench.lead": "Les ordres de travail de vos sites, les plus anciens d'abord.",
    "bench.all_sites": "Tous mes sites",
    "bench.state.todo": "À faire (ouverts ou en cours)",
    "bench.state.all": "Tous les états",
    "bench.order": "Ordre de travail",
    "bench.order_title": "Ordre de travail {number}",
    "bench.unit": "Unité",
    "bench.opened": "Ouvert le",
    "bench.started_at": "Commencé le",
    "bench.completed_at": "Terminé le",
    "bench.start": "Commencer le travail",
    "bench.start_hint": "L'unité passe à l'emplacement des travaux en cours, avec vous pour "
    "technicien.",
    "bench.start_button": "Commencer",
    "bench.record": "Noter le travail",
    "bench.record_hint": "Autant de fois qu'il le faut : chaque saisie ajoute ses minutes, "
    "ses résultats et ses pièces à ceux de l'ordre.",
    "bench.minutes": "Minutes travaillées",
    "bench.results": "Résultats",
    "bench.results_hint": "ce qui a été constaté, testé, fait",
    "bench.parts": "Pièces utilisées",
    "bench.part_reference": "Référence",
    "bench.part_quantity": "Quantité",
    "bench.part_cost": "Coût unitaire (EUR)",
    "bench.part_label": "Pièce {n} : {what}",
    "bench.record_button": "Noter",
    "bench.finish": "Terminer le travail",
    "bench.finish_hint": "Réussi : si c'est le dernier ordre ouvert de l'unité, elle est prête "
    "à partir. Échoué : ses autres ordres sont annulés et elle attend une nouvelle décision.",
    "bench.outcome": "Issue",
    "bench.outcome_done": "Réussi",
    "bench.outcome_failed": "Échoué",
    "bench.finish_button": "Terminer",
    "bench.wipe": "Certificat d'effacement des données (NIST SP 800-88)",
    "bench.wipe_hint": "Un effacement n'est réussi qu'avec sa méthode, son outil et un "
    "résultat vérifié ; il reçoit alors le numéro de son certificat.",
    "bench.wipe_method": "Méthode",
    "bench.wipe_tool": "Outil (et sa version)",
    "bench.wipe_verified": "Le résultat a été vérifié",
    "bench.certificate": "Numéro du certificat",
    "bench.verified_yes": "vérifié",
    "bench.verified_no": "non vérifié",
    "bench.not_yours": "Il faut pour cela le droit {permission}.",
    "bench.closed": "Cet ordre de travail est {state} : il n'y a plus rien à y faire.",
    "bench.none_parts": "Aucune pièce notée.",
    "bench.started_flash": "{number} est commencé : l'unité est à l'atelier.",
    "bench.recorded_flash": "{number} : le travail est noté.",
    "bench.done_flash": "{number} est terminé.",
    "bench.certified_flash": "{number} est terminé : certificat d'effacement {certificate}.",
    "bench.failed_flash": "{number} a échoué : l'unité attend une nouvelle décision.",
}

#: The NIST SP 800-88 methods, and the timeline's event of work recorded.
VALUES_EN: dict[str, str] = {
    "clear": "clear",
    "purge": "purge",
    "destroy": "destroy",
    "work_recorded": "work recorded",
}
VALUES_FR: dict[str, str] = {
    "work_recorded": "travail noté",
    "clear": "effacement simple (clear)",
    "purge": "purge",
    "destroy": "destruction",
}
