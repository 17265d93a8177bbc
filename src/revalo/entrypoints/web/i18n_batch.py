"""Tonight's batch page beyond its figures: the overrides a person chooses before accepting,
what changed since the last committed plan, the names of the limited resources in its
chart and of the engine's options at a channel's lower price steps; with the refusals of
an override, in English as the services say them and in French."""

from __future__ import annotations

_R = "said.batch."

EN: dict[str, str] = {
    "batch.override": "Another route",
    "batch.as_planned": "as planned",
    "batch.override_reason": "Why the routes chosen (needed when one is)",
    "batch.changes": "What changed since the last plan",
    "batch.changes_none": "Nothing changed since the last committed plan.",
    "batch.new_units": "{n} units are new since the last plan (no committed plan held them).",
    "batch.share": "% of the limit",
    "batch.limit_name": "Limit",
    "batch.usage_lead": "The {n} limits the plan uses most, as a share of what the week had "
    "left of each (hours and units compare only so).",
    "batch.usage_all": "Every limit of the batch ({n})",
    "batch.none_left": "none left for the batch (used up earlier in the week)",
    "batch.change_was": "was {route} in batch {id}",
    "batch.by_person": "chosen by {login}",
    "batch.held_route": "held",
    "said.option_on_step": "{route} on {channel} (price step {n})",
    "said.option_at_on_step": "{route} at {site} on {channel} (price step {n})",
    _R + "hours_at": "{kind} hours at {site}",
    _R + "places_at": "{kind} at {site}",
    _R + "sales_on": "sales on {channel}",
    _R + "sales_step": "{category} sales on {channel} at price step {n}",
    _R + "override": "override of {lpn} ({choice}): {why}",
    _R + "needs_reason": "the override of {lpn} needs a reason",
    _R + "unknown_route": "the override of {lpn}: unknown route {what}; one of {names}",
    _R + "written": "override {text}: write LPN=ROUTE[@SITE][:CHANNEL], e.g. LPN-1=repair@REP-1",
    _R + "not_in_batch": "override of {lpn}: the unit is not in batch {id}",
    _R + "twice": "override of {lpn}: the unit is overridden twice",
    _R + "with_commit": "overrides go with a commit's preview_id",
}

FR: dict[str, str] = {
    "batch.override": "Autre voie",
    "batch.as_planned": "comme prévu",
    "batch.override_reason": "Pourquoi les voies choisies (obligatoire s'il y en a)",
    "batch.changes": "Ce qui a changé depuis le dernier plan",
    "batch.changes_none": "Rien n'a changé depuis le dernier plan validé.",
    "batch.new_units": "{n} unités sont nouvelles depuis le dernier plan (aucun plan validé ne "
    "les tenait).",
    "batch.share": "% de la limite",
    "batch.limit_name": "Limite",
    "batch.usage_lead": "Les {n} limites que le plan utilise le plus, en part de ce qui restait "
    "de chacune dans la semaine (heures et unités ne se comparent qu'ainsi).",
    "batch.usage_all": "Toutes les limites du lot ({n})",
    "batch.none_left": "plus rien pour le lot (épuisée plus tôt dans la semaine)",
    "batch.change_was": "était {route} dans le lot {id}",
    "batch.by_person": "choisie par {login}",
    "batch.held_route": "en attente",
    "said.option_on_step": "{route} sur {channel} (palier de prix {n})",
    "said.option_at_on_step": "{route} chez {site} sur {channel} (palier de prix {n})",
    _R + "hours_at": "{kind} : heures à {site}",
    _R + "places_at": "{kind} à {site}",
    _R + "sales_on": "ventes sur {channel}",
    _R + "sales_step": "{category} : ventes sur {channel} au palier de prix {n}",
    _R + "override": "dérogation pour {lpn} ({choice}) : {why}",
    _R + "needs_reason": "la dérogation pour {lpn} demande une raison",
    _R + "unknown_route": "la dérogation pour {lpn} : voie inconnue {what} ; l'une de {names}",
    _R + "written": "dérogation {text} : écrivez LPN=VOIE[@SITE][:CANAL], par ex. "
    "LPN-1=repair@REP-1",
    _R + "not_in_batch": "dérogation pour {lpn} : l'unité n'est pas dans le lot {id}",
    _R + "twice": "dérogation pour {lpn} : l'unité a deux dérogations",
    _R + "with_commit": "les dérogations vont avec le preview_id d'une validation",
}
