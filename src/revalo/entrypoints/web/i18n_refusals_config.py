"""Why a configuration file of the engines (carriers, collection, disposition, the floor's
assignment, the return policy) or a ``REVALO_*`` setting is refused, in English as it says
it, and in French; recognised and written again like the domain's (``i18n_refusals``).

A TOML file's problem comes after its file, line and key ("carriers.toml:12:
parcel[0].max_weight_kg: must be positive, not 0"): the outer wordings keep those as they
are and hold the problem (``{problem}``), itself one of the inner wordings."""

from __future__ import annotations

_R = "said.refusal.config."

EN: dict[str, str] = {
    # Where: the file, its line and the key, before the problem.
    _R + "at_line": "{config}:{lineno}: {dotted}: {problem}",
    _R + "at_key": "{config}: {dotted}: {problem}",
    _R + "in_file": "{config}: {problem}",
    _R + "line_of": "{config}:{lineno}: {dotted}",
    _R + "shipped": "{config} (shipped): {problem}",
    _R + "not_toml": "{config}: not valid TOML: {detail}",
    # A value of a TOML file (``TomlReader``'s getters).
    _R + "missing_key": "missing key '{name}'",
    _R + "missing_table": "missing table [{name}]",
    _R + "number": "must be a number, not {raw}",
    _R + "positive": "must be positive, not {raw}",
    _R + "zero_or_more": "must be zero or more, not {raw}",
    _R + "whole": "must be a whole number >= 0, not {raw}",
    _R + "text": "must be a non-empty string, not {raw}",
    _R + "flag": "must be true or false, not {raw}",
    _R + "numbers": "must be a non-empty list of numbers, not {raw}",
    _R + "numbers_held": "must hold numbers >= 0, found {raw}",
    _R + "list": "must be a non-empty list, not {raw}",
    _R + "form": "{item} does not have the form {form}",
    _R + "unknown_key": "unknown key (expected one of {keys})",
    _R + "tables": "must be written as [[{dotted}]] tables",
    _R + "table": "must be a table",
    _R + "at_least_one": "must be at least 1",
    # The carriers file.
    _R + "no_service": "no service: add at least one [[parcel]], [[pallet]], [[truck]] or "
    "[[fleet]]",
    _R + "service_twice": "service id {raw} is used twice",
    _R + "country_factors": "must be a table of country = factor",
    _R + "country_code": "{item} is not an ISO country code",
    _R + "vehicle": "unknown vehicle {raw} (known: {names})",
    _R + "damaged_lithium": "a service that takes damaged lithium batteries must accept "
    "lithium batteries",
    _R + "zones": "needs at least one [[...zone]] with its lanes and prices",
    _R + "lane_twice": "lane {origin}>{destination} is already in zone {zone}",
    _R + "prices": "has {n} prices for {breaks} weight breaks",
    _R + "breaks": "must be positive and increasing",
    _R + "max_weight": "{weight} kg is above the last weight break ({last} kg): such parcels "
    "would have no price",
    _R + "day_hours": "cannot exceed 24",
    _R + "circuity_range": "circuity {name} = {figure} must be between 1.0 and 3.0 (road km "
    "are never shorter than the straight line)",
    _R + "circuity_urban": "circuity urban_below_km must not be negative and speed_kmh must "
    "be positive",
    _R + "co2_weight": "CO2 weight {figure} EUR/kg must not be negative",
    # The collection file.
    _R + "hubs": "must be a table of [hubs.CODE] sections",
    _R + "window": 'must be ["HH:MM", "HH:MM"], not {raw}',
    _R + "window_order": "starts at {starts}, after it ends at {ends}",
    _R + "hub_hours": "the hub closes before it opens",
    _R + "shift": "must be at most 24, not {figure}",
    _R + "no_fleet": "no fleet: add at least one [[{dotted}]]",
    _R + "weekdays": "must be a list of days among {names}, not {raw}",
    _R + "time": 'must be a time "HH:MM", not {raw}',
    _R + "too_late": "{clock} is past {latest}:00, the latest time of a plan day",
    # The disposition engine's and the floor's assignment's parameters.
    _R + "table_named": "[{name}] must be a table",
    _R + "unknown_key_of": "[{name}] has an unknown key {raw}",
    _R + "categories": "[categories]: {detail}",
    _R + "default_category": "categories need a 'default' entry",
    _R + "decay_rate": "decay_rate {figure} must be in [0, 1)",
    _R + "decay_period": "decay_period_days must be positive",
    _R + "circuity_one": "circuity {figure} must be at least 1",
    _R + "time_limit": "time_limit_s must be positive",
    _R + "work_minutes": "work minutes must not be negative",
    _R + "lead_days": "route lead days must not be negative",
    _R + "max_hours": "max_hours {figure} must be over 0 and at most 24",
    _R + "walking": "metres_per_minute must be positive",
    _R + "priorities": "priority_weights are three positive weights",
    _R + "task_time": "no standard time for a {kind} task",
    _R + "assignment_key": "unknown assignment parameter: {detail}",
    # The settings of the environment.
    _R + "smtp_port": "REVALO_SMTP_PORT {figure} must be 1 to 65535",
    _R + "seconds": "{name}={raw}: give seconds over 0 and at most {most}",
    _R + "positive_number": "{name}={raw}: a positive number is expected",
    _R + "positive_whole": "{name}={raw}: a positive whole number is expected",
    _R + "whole_from": "{name}={raw} must be a whole number, {least} or more",
    _R + "clock": "{name}={raw}: a time of day, HH:MM (UTC)",
    _R + "queue": "REVALO_JOB_QUEUE={raw}: 1 to 100 letters, digits, '.', '_' or '-'",
    _R + "regions": "REVALO_COLLECTION_PLANS_AT is set: name the regions in "
    "REVALO_COLLECTION_REGIONS (FR;BE,NL)",
    _R + "schedule_as": "scheduled runs are set: name the flow manager they run as in "
    "REVALO_SCHEDULE_AS (a login)",
}

FR: dict[str, str] = {
    _R + "at_line": "{config}:{lineno} : {dotted} : {problem}",
    _R + "at_key": "{config} : {dotted} : {problem}",
    _R + "in_file": "{config} : {problem}",
    _R + "line_of": "{config}:{lineno} : {dotted}",
    _R + "shipped": "{config} (livré avec Revalo) : {problem}",
    _R + "not_toml": "{config} : TOML non valide : {detail}",
    _R + "missing_key": "clé '{name}' manquante",
    _R + "missing_table": "table [{name}] manquante",
    _R + "number": "doit être un nombre, pas {raw}",
    _R + "positive": "doit être positif, pas {raw}",
    _R + "zero_or_more": "doit valoir zéro ou plus, pas {raw}",
    _R + "whole": "doit être un nombre entier >= 0, pas {raw}",
    _R + "text": "doit être un texte non vide, pas {raw}",
    _R + "flag": "doit être true ou false, pas {raw}",
    _R + "numbers": "doit être une liste non vide de nombres, pas {raw}",
    _R + "numbers_held": "doit contenir des nombres >= 0, et contient {raw}",
    _R + "list": "doit être une liste non vide, pas {raw}",
    _R + "form": "{item} n'a pas la forme {form}",
    _R + "unknown_key": "clé inconnue (attendue : l'une de {keys})",
    _R + "tables": "doit s'écrire en tables [[{dotted}]]",
    _R + "table": "doit être une table",
    _R + "at_least_one": "doit valoir au moins 1",
    _R + "no_service": "aucun service : ajoutez au moins un [[parcel]], [[pallet]], [[truck]] "
    "ou [[fleet]]",
    _R + "service_twice": "l'identifiant de service {raw} est employé deux fois",
    _R + "country_factors": "doit être une table pays = facteur",
    _R + "country_code": "{item} n'est pas un code de pays ISO",
    _R + "vehicle": "véhicule inconnu {raw} (connus : {names})",
    _R + "damaged_lithium": "un service qui prend les batteries au lithium endommagées doit "
    "accepter les batteries au lithium",
    _R + "zones": "il faut au moins une [[...zone]] avec ses liaisons et ses prix",
    _R + "lane_twice": "la liaison {origin}>{destination} est déjà dans la zone {zone}",
    _R + "prices": "a {n} prix pour {breaks} paliers de poids",
    _R + "breaks": "doivent être positifs et croissants",
    _R + "max_weight": "{weight} kg dépasse le dernier palier de poids ({last} kg) : de tels "
    "colis n'auraient pas de prix",
    _R + "day_hours": "ne peut pas dépasser 24",
    _R + "circuity_range": "le facteur de détour {name} = {figure} doit être entre 1.0 et 3.0 "
    "(les km par la route ne sont jamais plus courts que la ligne droite)",
    _R + "circuity_urban": "détour : urban_below_km ne doit pas être négatif et speed_kmh doit "
    "être positif",
    _R + "co2_weight": "le poids du CO2 {figure} EUR/kg ne doit pas être négatif",
    _R + "hubs": "doit être une table de sections [hubs.CODE]",
    _R + "window": 'doit être ["HH:MM", "HH:MM"], pas {raw}',
    _R + "window_order": "commence à {starts}, après sa fin à {ends}",
    _R + "hub_hours": "le hub ferme avant d'ouvrir",
    _R + "shift": "doit valoir au plus 24, pas {figure}",
    _R + "no_fleet": "aucune flotte : ajoutez au moins un [[{dotted}]]",
    _R + "weekdays": "doit être une liste de jours parmi {names}, pas {raw}",
    _R + "time": 'doit être une heure "HH:MM", pas {raw}',
    _R + "too_late": "{clock} dépasse {latest}:00, la dernière heure d'un jour de plan",
    _R + "table_named": "[{name}] doit être une table",
    _R + "unknown_key_of": "[{name}] a une clé inconnue {raw}",
    _R + "categories": "[categories] : {detail}",
    _R + "default_category": "les catégories ont besoin d'une entrée 'default'",
    _R + "decay_rate": "decay_rate {figure} doit être dans [0, 1)",
    _R + "decay_period": "decay_period_days doit être positif",
    _R + "circuity_one": "circuity {figure} doit valoir au moins 1",
    _R + "time_limit": "time_limit_s doit être positif",
    _R + "work_minutes": "les minutes de travail ne doivent pas être négatives",
    _R + "lead_days": "les délais des filières ne doivent pas être négatifs",
    _R + "max_hours": "max_hours {figure} doit être au-dessus de 0 et au plus 24",
    _R + "walking": "metres_per_minute doit être positif",
    _R + "priorities": "priority_weights sont trois poids positifs",
    _R + "task_time": "aucun temps standard pour une tâche de type {kind}",
    _R + "assignment_key": "paramètre d'affectation inconnu : {detail}",
    _R + "smtp_port": "REVALO_SMTP_PORT {figure} doit aller de 1 à 65535",
    _R + "seconds": "{name}={raw} : donnez des secondes au-dessus de 0 et au plus {most}",
    _R + "positive_number": "{name}={raw} : un nombre positif est attendu",
    _R + "positive_whole": "{name}={raw} : un nombre entier positif est attendu",
    _R + "whole_from": "{name}={raw} doit être un nombre entier, {least} ou plus",
    _R + "clock": "{name}={raw} : une heure du jour, HH:MM (UTC)",
    _R + "queue": "REVALO_JOB_QUEUE={raw} : de 1 à 100 lettres, chiffres, '.', '_' ou '-'",
    _R + "regions": "REVALO_COLLECTION_PLANS_AT est réglé : nommez les régions dans "
    "REVALO_COLLECTION_REGIONS (FR;BE,NL)",
    _R + "schedule_as": "des exécutions planifiées sont réglées : nommez dans "
    "REVALO_SCHEDULE_AS (un identifiant) le gestionnaire de flux au nom duquel elles tournent",
}
