"""The capacity plan's page, in English and French."""

from __future__ import annotations

EN: dict[str, str] = {
    "nav.capacities": "Capacity plan",
    "capacities.title": "Capacity plan",
    "capacities.lead": "The weeks the disposition engine decides within: each site's hours "
    "per skill and storage places, each channel's weekly demand per product category as "
    "price steps. Each change is a new version; the batch and the one-unit decision use "
    "what the week has left.",
    "capacities.sites": "Sites' weeks",
    "capacities.site": "Site",
    "capacities.week": "Week (Monday)",
    "capacities.skill.repair": "Repair hours",
    "capacities.skill.refurbish": "Refurbishment hours",
    "capacities.skill.test": "Test hours",
    "capacities.storage": "Storage places",
    "capacities.version": "Version",
    "capacities.set_by": "Set by",
    "capacities.left": "{hours} left",
    "capacities.no_sites": "No site's week is planned: the sites' hours are not limited.",
    "capacities.set": "Set",
    "capacities.set_flash": "A new version of the plan is set.",
    "capacities.demand": "Channels' demand",
    "capacities.channel": "Channel",
    "capacities.category": "Category",
    "capacities.steps": "Price steps",
    "capacities.step": "{units} at {share} %",
    "capacities.volume": "Units",
    "capacities.units_left": "{units} left",
    "capacities.no_demand": "No channel's demand is planned: the channels take any volume "
    "at their price.",
    "capacities.steps_hint": "Write the steps as units@share: 40@1, 20@0.85 sells 40 units "
    "at the full price and the next 20 at 85 %; past the last step the channel takes no more "
    "that week.",
    "batch.title": "Tonight's batch",
    "batch.lead": "Every graded unit decided at once within the week's remaining capacity "
    "and demand: the optimiser's plan next to the baselines on the same units and limits. "
    "Preview it, then commit the preview: a preview whose units changed since is refused.",
    "batch.date": "Day",
    "batch.site": "Site (all if empty)",
    "batch.preview": "Preview",
    "batch.previewed": "The batch is previewed: nothing is decided yet.",
    "batch.committed": "The batch is committed: its units are decided.",
    "batch.of": "Batch {id} of {day}",
    "batch.state.preview": "preview",
    "batch.state.committed": "committed",
    "batch.status": "Solver: {status}",
    "batch.plan": "Plan",
    "batch.plan.optimiser": "Optimiser",
    "batch.plan.regret_greedy": "Greedy by regret",
    "batch.plan.greedy": "Greedy (first come)",
    "batch.plan.hierarchy_first": "Waste hierarchy first",
    "batch.net": "Net recovery",
    "batch.objective": "Objective",
    "batch.held": "Held",
    "batch.commit": "Commit the {n} decisions",
    "batch.usage": "Capacity use",
    "batch.used": "used",
    "batch.limit": "limit",
    "batch.held_units": "Units held for lack of capacity",
    "batch.no_room": "no capacity left on its open routes: it waits for the next batch",
    "batch.none_held": "No unit is held.",
    "batch.decisions": "Decisions",
    "batch.route": "Route",
    "batch.destination": "Destination",
    "batch.channel": "Channel",
    "batch.none": "No batch has been previewed yet.",
}

FR: dict[str, str] = {
    "nav.capacities": "Plan de capacité",
    "capacities.title": "Plan de capacité",
    "capacities.lead": "Les semaines dans lesquelles le moteur de décision décide : les "
    "heures de chaque site par compétence et ses places de stockage, la demande "
    "hebdomadaire de chaque canal par catégorie de produits en paliers de prix. Chaque "
    "changement est une nouvelle version ; le lot et la décision d'une unité utilisent ce "
    "qui reste de la semaine.",
    "capacities.sites": "Semaines des sites",
    "capacities.site": "Site",
    "capacities.week": "Semaine (lundi)",
    "capacities.skill.repair": "Heures de réparation",
    "capacities.skill.refurbish": "Heures de reconditionnement",
    "capacities.skill.test": "Heures de test",
    "capacities.storage": "Places de stockage",
    "capacities.version": "Version",
    "capacities.set_by": "Fixé par",
    "capacities.left": "{hours} restantes",
    "capacities.no_sites": "Aucune semaine de site n'est planifiée : les heures des sites ne "
    "sont pas limitées.",
    "capacities.set": "Fixer",
    "capacities.set_flash": "Une nouvelle version du plan est fixée.",
    "capacities.demand": "Demande des canaux",
    "capacities.channel": "Canal",
    "capacities.category": "Catégorie",
    "capacities.steps": "Paliers de prix",
    "capacities.step": "{units} à {share} %",
    "capacities.volume": "Unités",
    "capacities.units_left": "{units} restantes",
    "capacities.no_demand": "Aucune demande de canal n'est planifiée : les canaux prennent "
    "tout volume à leur prix.",
    "capacities.steps_hint": "Écrivez les paliers en unités@part : 40@1, 20@0.85 vend 40 "
    "unités au plein prix et les 20 suivantes à 85 % ; au-delà du dernier palier, le canal "
    "n'en prend plus cette semaine-là.",
    "batch.title": "Le lot de ce soir",
    "batch.lead": "Toutes les unités classées décidées d'un coup dans ce qui reste de la "
    "capacité et de la demande de la semaine : le plan de l'optimiseur à côté des "
    "références sur les mêmes unités et limites. Prévisualisez-le, puis validez la "
    "prévisualisation : celle dont les unités ont changé depuis est refusée.",
    "batch.date": "Jour",
    "batch.site": "Site (tous si vide)",
    "batch.preview": "Prévisualiser",
    "batch.previewed": "Le lot est prévisualisé : rien n'est encore décidé.",
    "batch.committed": "Le lot est validé : ses unités sont décidées.",
    "batch.of": "Lot {id} du {day}",
    "batch.state.preview": "prévisualisé",
    "batch.state.committed": "validé",
    "batch.status": "Solveur : {status}",
    "batch.plan": "Plan",
    "batch.plan.optimiser": "Optimiseur",
    "batch.plan.regret_greedy": "Glouton par regret",
    "batch.plan.greedy": "Glouton (premier arrivé)",
    "batch.plan.hierarchy_first": "Hiérarchie des déchets d'abord",
    "batch.net": "Valeur nette récupérée",
    "batch.objective": "Objectif",
    "batch.held": "En attente",
    "batch.commit": "Valider les {n} décisions",
    "batch.usage": "Utilisation des capacités",
    "batch.used": "utilisé",
    "batch.limit": "limite",
    "batch.held_units": "Unités en attente faute de capacité",
    "batch.no_room": "plus de capacité sur ses voies ouvertes : elle attend le prochain lot",
    "batch.none_held": "Aucune unité n'est en attente.",
    "batch.decisions": "Décisions",
    "batch.route": "Voie",
    "batch.destination": "Destination",
    "batch.channel": "Canal",
    "batch.none": "Aucun lot n'a encore été prévisualisé.",
}
