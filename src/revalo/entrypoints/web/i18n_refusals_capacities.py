"""Why the capacity plan refuses (a week, a skill, hours, price steps, a plan file), in
English as it says it, and in French; recognised and written again like the domain's
(``i18n_refusals``)."""

from __future__ import annotations

_R = "said.refusal.capacity_plan."

EN: dict[str, str] = {
    _R + "hours_nan": "{skill} hours {figure}: not a number",
    _R + "hours_range": "{skill} hours must be between 0 and {high}, not {figure}",
    _R + "needs_site": "a capacity names its site",
    _R + "one_step": "a demand curve has at least one step",
    _R + "most_steps": "a demand curve has at most {n} steps",
    _R + "needs_channel": "a demand names its channel",
    _R + "needs_category": "a demand names its product category",
    _R + "monday": "a week starts on a Monday: {day} is not one (its week starts {monday})",
    _R + "steps": "demand steps: {reason}",
    _R + "kind": "kind {name}: capacity or demand",
    _R + "no_room": "no capacity is left this week on the routes open to unit {lpn}: it "
    "waits (see the capacity plan)",
    _R + "no_channel": "no resale channel {code}: one of {codes}",
    _R + "step_written": "step {n} {text}: write units@share, e.g. 40@1 or 20@0.85",
    _R + "step_share": "step {n}: the price share must be above 0 and at most 1",
    _R + "step_rise": "step {n}: the price share must not rise ({share} after {before})",
    _R + "step_units": "step {n}: units must not be negative",
    _R + "storage_nan": "storage places {figure}: not a whole number",
    _R + "storage_negative": "storage places must not be negative",
    _R + "sold_negative": "units sold must not be negative",
    _R + "skill": "unknown skill {name}: one of {names}",
    _R + "week": "week {text}: write its Monday as YYYY-MM-DD",
    _R + "batch_day": "the batch of {day} cannot be decided before that day",
    _R + "no_batch": "no disposition batch {id}",
    _R + "batch_done": "batch {id} was committed already, by {login}: preview a new one",
    _R + "batch_stale": "{n} units changed since batch {id} was previewed ({lpns}): preview again",
}

FR: dict[str, str] = {
    _R + "hours_nan": "heures de {skill} {figure} : ce n'est pas un nombre",
    _R + "hours_range": "les heures de {skill} doivent être entre 0 et {high}, pas {figure}",
    _R + "needs_site": "une capacité nomme son site",
    _R + "one_step": "une courbe de demande a au moins un palier",
    _R + "most_steps": "une courbe de demande a au plus {n} paliers",
    _R + "needs_channel": "une demande nomme son canal",
    _R + "needs_category": "une demande nomme sa catégorie de produits",
    _R + "monday": "une semaine commence un lundi : le {day} n'en est pas un (sa semaine "
    "commence le {monday})",
    _R + "steps": "paliers de demande : {reason}",
    _R + "kind": "type {name} : capacity ou demand",
    _R + "no_room": "il ne reste aucune capacité cette semaine sur les voies ouvertes à "
    "l'unité {lpn} : elle attend (voir le plan de capacité)",
    _R + "no_channel": "aucun canal de revente {code} : l'un de {codes}",
    _R + "step_written": "palier {n} {text} : écrivez unités@part, par ex. 40@1 ou 20@0.85",
    _R + "step_share": "palier {n} : la part du prix doit être au-dessus de 0 et au plus 1",
    _R + "step_rise": "palier {n} : la part du prix ne doit pas monter ({share} après {before})",
    _R + "step_units": "palier {n} : les unités ne doivent pas être négatives",
    _R + "storage_nan": "places de stockage {figure} : ce n'est pas un nombre entier",
    _R + "storage_negative": "les places de stockage ne doivent pas être négatives",
    _R + "sold_negative": "les unités vendues ne doivent pas être négatives",
    _R + "skill": "compétence inconnue {name} : l'une de {names}",
    _R + "week": "semaine {text} : écrivez son lundi en AAAA-MM-JJ",
    _R + "batch_day": "le lot du {day} ne peut pas être décidé avant ce jour",
    _R + "no_batch": "aucun lot de dispositions {id}",
    _R + "batch_done": "le lot {id} a déjà été validé, par {login} : prévisualisez-en un nouveau",
    _R + "batch_stale": "{n} unités ont changé depuis la prévisualisation du lot {id} "
    "({lpns}) : prévisualisez à nouveau",
}
