"""Why the warehouse floor's rules and the refunds' refuse (bins, put-away, tasks, the
team; refund amounts and dates), in English as they say it, and in French; recognised and
written again like the domain's (``i18n_refusals``)."""

from __future__ import annotations

EN: dict[str, str] = {
    "said.refusal.bin_code": "bin code {code} must be SITE:AISLE-RACK-LEVEL-POS, e.g. "
    "HUB-CENTRAL:A-03-2-B (aisle 1-3 letters, rack 2-3 digits, level one digit from 0 at the "
    "floor, position one letter)",
    "said.refusal.zone_no_bins": "zone {zone} holds no bins",
    "said.refusal.bin_height": "only pallet racking has a height, of 0 m or more",
    "said.refusal.bin_positive": "{name} {text} must be positive",
    "said.refusal.bin_places": "places {n} must be at least 1",
    "said.refusal.task_not_assignable": "task {id} is {state}: it cannot be assigned",
    "said.refusal.task_other_site": "{login} works at {site}, task {id} is at {other}",
    "said.refusal.task_assigned": "task {id} is assigned to {login}",
    "said.refusal.task_not_startable": "task {id} is {state}: it cannot be started",
    "said.refusal.works_at": "{login} works at {site}",
    "said.refusal.ppe_size": "PPE is issued in a size",
    "said.refusal.ppe_dates": "PPE is replaced after it was issued",
    "said.refusal.caces_category": "CACES R489 category {code} must be one of {codes}",
    "said.refusal.qualification_dates": "a qualification expires after it was obtained",
    "said.refusal.bins_to_label": "site {site} has no bins to label",
    "said.refusal.column_kind": "{column} {text} must be {kind}",
    "said.refusal.column_one_of": "{column} {text} must be one of {codes}",
    "said.refusal.bin_not_at_site": "bin {code} is not at site {site}",
    "said.refusal.left_parallel_stock": "unit {lpn} has left the parallel stock",
    "said.refusal.no_bin": "no bin {code}",
    "said.refusal.bin_elsewhere": "bin {code} is not at {site}, where {lpn} is",
    "said.refusal.bin_zone": "bin {code} is in the {zone} zone and {lpn} in {other}: a "
    "put-away stays in the unit's zone",
    "said.refusal.task_not_putaway": "task {id} is a {kind}, not a put-away",
    "said.refusal.no_task": "no task {id}",
    "said.refusal.expiry_days": "days {n} must be 0 to 366",
    "said.refusal.not_team": "{login} is not a member of the floor's team",
    "said.refusal.on_team": "{login} is on the team already",
    "said.refusal.refund_too_much": "Refunding {sum} would bring the refunds of {id} to "
    "{total}, more than the {paid} paid.",
    "said.refusal.refund_partial": "{sum} is less than the {rest} still to refund: give "
    "the reason for the partial refund.",
    "said.refusal.refund_before_notice": "The {what} ({day}) is before the withdrawal notice "
    "({notice}).",
    "said.refusal.refund_positive": "A refund is a positive amount, not {sum}.",
    "said.refusal.refund_decimals": "A refund has at most two decimals, not {sum}.",
    "said.refusal.refund_by": "A refund names who recorded it.",
}

FR: dict[str, str] = {
    "said.refusal.bin_code": "le code d'emplacement {code} doit être SITE:ALLÉE-RACK-NIVEAU-"
    "POSITION, par ex. HUB-CENTRAL:A-03-2-B (allée de 1 à 3 lettres, rack de 2 ou 3 chiffres, "
    "niveau d'un chiffre à partir de 0 au sol, position d'une lettre)",
    "said.refusal.zone_no_bins": "la zone {zone} n'a pas d'emplacements",
    "said.refusal.bin_height": "seul un rack à palettes a une hauteur, de 0 m ou plus",
    "said.refusal.bin_positive": "{name} {text} doit être positif",
    "said.refusal.bin_places": "places {n} doit valoir au moins 1",
    "said.refusal.task_not_assignable": "la tâche {id} est {state} : elle ne peut pas être "
    "attribuée",
    "said.refusal.task_other_site": "{login} travaille à {site}, la tâche {id} est à {other}",
    "said.refusal.task_assigned": "la tâche {id} est attribuée à {login}",
    "said.refusal.task_not_startable": "la tâche {id} est {state} : elle ne peut pas être "
    "commencée",
    "said.refusal.works_at": "{login} travaille à {site}",
    "said.refusal.ppe_size": "un EPI est remis dans une taille",
    "said.refusal.ppe_dates": "un EPI est remplacé après avoir été remis",
    "said.refusal.caces_category": "la catégorie CACES R489 {code} doit être l'une de {codes}",
    "said.refusal.qualification_dates": "une habilitation expire après avoir été obtenue",
    "said.refusal.bins_to_label": "le site {site} n'a pas d'emplacement à étiqueter",
    "said.refusal.column_kind": "{column} {text} doit être {kind}",
    "said.refusal.column_one_of": "{column} {text} doit être l'un de {codes}",
    "said.refusal.bin_not_at_site": "l'emplacement {code} n'est pas sur le site {site}",
    "said.refusal.left_parallel_stock": "l'unité {lpn} a quitté le stock parallèle",
    "said.refusal.no_bin": "aucun emplacement {code}",
    "said.refusal.bin_elsewhere": "l'emplacement {code} n'est pas à {site}, où est {lpn}",
    "said.refusal.bin_zone": "l'emplacement {code} est dans la zone {zone} et {lpn} dans "
    "{other} : un rangement reste dans la zone de l'unité",
    "said.refusal.task_not_putaway": "la tâche {id} est un(e) {kind}, pas un rangement",
    "said.refusal.no_task": "aucune tâche {id}",
    "said.refusal.expiry_days": "days {n} doit aller de 0 à 366",
    "said.refusal.not_team": "{login} n'est pas membre de l'équipe de l'entrepôt",
    "said.refusal.on_team": "{login} est déjà dans l'équipe",
    "said.refusal.refund_too_much": "Rembourser {sum} porterait les remboursements de {id} "
    "à {total}, plus que les {paid} payés.",
    "said.refusal.refund_partial": "{sum} est moins que les {rest} restant à rembourser : "
    "donnez la raison du remboursement partiel.",
    "said.refusal.refund_before_notice": "La date {what} ({day}) précède la notification de "
    "la rétractation ({notice}).",
    "said.refusal.refund_positive": "Un remboursement est un montant positif, pas {sum}.",
    "said.refusal.refund_decimals": "Un remboursement a au plus deux décimales, pas {sum}.",
    "said.refusal.refund_by": "Un remboursement nomme qui l'a enregistré.",
}
