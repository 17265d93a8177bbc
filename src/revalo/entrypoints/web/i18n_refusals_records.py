"""Why the cycle counts and the safety records refuse, in English as they say it, and in
French; recognised and written again like the domain's (``i18n_refusals``)."""

from __future__ import annotations

EN: dict[str, str] = {
    "said.refusal.count_decided": "count {id} of {bin} is {state}: it awaits no approval",
    "said.refusal.count_own": "{login} counted {bin}: someone else approves the count",
    "said.refusal.count_no_adjustment": "count {id} has no adjustment {ids}",
    "said.refusal.count_priority": "priority {n} must be 1, 2 or 3",
    "said.refusal.count_scans": "a count takes at most {n} scans",
    "said.refusal.count_scan_long": "scan {text}... is longer than 200 characters",
    "said.refusal.no_count": "no count {id}",
    "said.refusal.count_in_bin": "{lpn} is in {bin} already: reject its adjustment, or count again",
    "said.refusal.count_bin_full": "{lpn} cannot be moved into {bin}: {why}; move a unit out first",
    "said.refusal.count_days": "days {n} must be 1 to 3660",
    "said.refusal.count_bins": "bins {n} must be 1 to 500",
    "said.refusal.count_task_open": "bin {bin} has a count task open already: task {id}",
    "said.refusal.count_awaiting": "bin {bin} has count {id} awaiting approval: decide it first",
    "said.refusal.count_not_count": "task {id} is a {kind}, not a count",
    "said.refusal.count_gone": "{lpn} is no longer in {bin} (the ledger puts it at {place}): "
    "reject its adjustment, or count again",
    "said.refusal.safety_login_long": "a login of the {field} is at most 64 characters",
    "said.refusal.safety_needed": "the {field} is needed",
    "said.refusal.safety_too_long": "the {field} is at most {n} characters",
    "said.refusal.safety_reported_after": "an incident is reported after it happened",
    "said.refusal.safety_near_miss": "a near miss hurt nobody: its severity is none, not {state}",
    "said.refusal.safety_severity": "an incident has a severity: first_aid, medical_treatment "
    "or lost_time (one that hurt nobody is a near miss)",
    "said.refusal.safety_lost_days": "a lost-time accident lost 1 to 366 days, not {given}",
    "said.refusal.safety_no_lost_days": "only a lost-time accident loses days, not a {state} one",
    "said.refusal.safety_attendee": "a briefing has at least one attendee",
    "said.refusal.safety_minutes": "a briefing lasts 1 to 480 minutes, not {given}",
    "said.refusal.safety_no_user": "no user {logins} among the {field}",
    "said.refusal.safety_period": "the period ends ({last}) before it starts ({first})",
    "said.refusal.safety_ten_years": "a period is at most ten years",
    "said.refusal.safety_hours": "hours {given} must be more than 0",
    "said.refusal.safety_held": "a briefing is recorded once it was held",
    "said.refusal.safety_bin_site": "bin {code} is at another site than {site}",
    "said.refusal.safety_bin_zone": "bin {code} is in the {zone} zone, not {given}",
    "said.refusal.siret_abroad": "a SIRET names an establishment in France, not in {country}",
    "said.refusal.siret_digits": "SIRET {raw} must be 14 digits",
    "said.refusal.siret_check": "SIRET {raw} has a wrong check digit: check it on the INSEE's "
    "register",
    "said.refusal.operation_code": "{raw} is not a treatment operation: R1 to R13 (recovery) or "
    "D1 to D15 (disposal), Directive 2008/98/EC Annexes I and II",
}

FR: dict[str, str] = {
    "said.refusal.count_decided": "l'inventaire {id} de {bin} est {state} : il n'attend "
    "aucune validation",
    "said.refusal.count_own": "{login} a compté {bin} : quelqu'un d'autre valide l'inventaire",
    "said.refusal.count_no_adjustment": "l'inventaire {id} n'a pas d'écart {ids}",
    "said.refusal.count_priority": "la priorité {n} doit valoir 1, 2 ou 3",
    "said.refusal.count_scans": "un inventaire prend au plus {n} scans",
    "said.refusal.count_scan_long": "le scan {text}... dépasse 200 caractères",
    "said.refusal.no_count": "aucun inventaire {id}",
    "said.refusal.count_in_bin": "{lpn} est déjà dans {bin} : rejetez son écart, ou recomptez",
    "said.refusal.count_bin_full": "{lpn} ne peut pas entrer dans {bin} : {why} ; sortez "
    "d'abord une unité",
    "said.refusal.count_days": "days {n} doit aller de 1 à 3660",
    "said.refusal.count_bins": "bins {n} doit aller de 1 à 500",
    "said.refusal.count_task_open": "l'emplacement {bin} a déjà une tâche d'inventaire "
    "ouverte : la tâche {id}",
    "said.refusal.count_awaiting": "l'emplacement {bin} a l'inventaire {id} en attente de "
    "validation : décidez-le d'abord",
    "said.refusal.count_not_count": "la tâche {id} est un(e) {kind}, pas un inventaire",
    "said.refusal.count_gone": "{lpn} n'est plus dans {bin} (le registre la met à {place}) : "
    "rejetez son écart, ou recomptez",
    "said.refusal.safety_login_long": "un identifiant de {field} fait au plus 64 caractères",
    "said.refusal.safety_needed": "le champ {field} est obligatoire",
    "said.refusal.safety_too_long": "le champ {field} fait au plus {n} caractères",
    "said.refusal.safety_reported_after": "un accident est déclaré après qu'il est survenu",
    "said.refusal.safety_near_miss": "un presque-accident n'a blessé personne : sa gravité "
    "est « aucune », pas {state}",
    "said.refusal.safety_severity": "un accident a une gravité : premiers soins, soins "
    "médicaux ou arrêt de travail (s'il n'a blessé personne, c'est un presque-accident)",
    "said.refusal.safety_lost_days": "un accident avec arrêt a fait perdre de 1 à 366 jours, "
    "pas {given}",
    "said.refusal.safety_no_lost_days": "seul un accident avec arrêt fait perdre des jours, "
    "pas un accident {state}",
    "said.refusal.safety_attendee": "une causerie sécurité a au moins un participant",
    "said.refusal.safety_minutes": "une causerie sécurité dure de 1 à 480 minutes, pas {given}",
    "said.refusal.safety_no_user": "aucun utilisateur {logins} parmi {field}",
    "said.refusal.safety_period": "la période finit ({last}) avant de commencer ({first})",
    "said.refusal.safety_ten_years": "une période dure au plus dix ans",
    "said.refusal.safety_hours": "les heures {given} doivent être plus de 0",
    "said.refusal.safety_held": "une causerie sécurité est enregistrée une fois tenue",
    "said.refusal.safety_bin_site": "l'emplacement {code} est sur un autre site que {site}",
    "said.refusal.safety_bin_zone": "l'emplacement {code} est dans la zone {zone}, pas {given}",
    "said.refusal.siret_abroad": "un SIRET désigne un établissement en France, pas en {country}",
    "said.refusal.siret_digits": "le SIRET {raw} doit compter 14 chiffres",
    "said.refusal.siret_check": "le SIRET {raw} a une clé de contrôle fausse : vérifiez-le au "
    "répertoire SIRENE de l'INSEE",
    "said.refusal.operation_code": "{raw} n'est pas une opération de traitement : R1 à R13 "
    "(valorisation) ou D1 à D15 (élimination), directive 2008/98/CE annexes I et II",
}
