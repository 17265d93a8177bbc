"""The routings of regions to hubs: the network page's section, its form and the refusals,
in English and in French; ``i18n`` adds them to its tables."""

from __future__ import annotations

_R = "said.refusal.route_"

EN: dict[str, str] = {
    "perm.set_routing": "adopt a network plan's routing: the hub each region's returns are "
    "authorised to, from a day on",
    "route.title": "Routing of returns",
    "route.lead": "The hub each region's returns are authorised to, from a day on: a "
    "scenario's plan adopted. A region it does not name goes to its nearest hub; a return "
    "authorised already keeps its hub.",
    "route.in_force": "In force since {day}, adopted by {by}: {n} region(s).",
    "route.none": "No routing is in force: every return goes to its customer's nearest hub.",
    "route.rules": "Each region and its hub",
    "route.region": "Region",
    "route.hub": "Hub",
    "route.history": "Routings adopted ({n})",
    "route.from": "From",
    "route.regions": "Regions",
    "route.by": "Adopted by",
    "route.note": "Note",
    "route.later": "to come",
    "route.adopt": "Adopt a plan's routing",
    "route.from_for": "{name}, from",
    "route.adopt_button": "Route the {n} regions this way",
    "route.plan_first": "Plan the scenarios above: each plan's routing can then be adopted "
    "from a day.",
    "route.adopted_flash": "Routing of {n} region(s) adopted from {day}.",
    "route.pairs": "each region needs its hub",
    _R + "give": "rule {n}: give a region and its hub",
    _R + "long": "rule {n}: a region's name has at most {most} characters",
    _R + "both": "region {region} is routed to both {hub} and {other}: one hub a region",
    _R + "many": "a routing names at most {most} regions",
    _R + "empty": "a routing names at least one region and its hub",
    _R + "past": "a routing applies from today ({day}) or a later day, not {when}",
    _R + "note": "a note has at most {most} characters",
    _R + "not_hub": "{codes}: not a returns hub; a routing sends regions to the returns hubs "
    "({hubs})",
}

FR: dict[str, str] = {
    "perm.set_routing": "adopter l'acheminement d'un plan de réseau : le hub vers lequel les "
    "retours de chaque région sont autorisés, à partir d'un jour",
    "route.title": "Acheminement des retours",
    "route.lead": "Le hub vers lequel les retours de chaque région sont autorisés, à partir "
    "d'un jour : le plan d'un scénario, adopté. Une région qu'il ne nomme pas va à son hub le "
    "plus proche ; un retour déjà autorisé garde son hub.",
    "route.in_force": "En vigueur depuis le {day}, adopté par {by} : {n} région(s).",
    "route.none": "Aucun acheminement n'est en vigueur : chaque retour va au hub le plus "
    "proche de son client.",
    "route.rules": "Chaque région et son hub",
    "route.region": "Région",
    "route.hub": "Hub",
    "route.history": "Acheminements adoptés ({n})",
    "route.from": "À partir du",
    "route.regions": "Régions",
    "route.by": "Adopté par",
    "route.note": "Note",
    "route.later": "à venir",
    "route.adopt": "Adopter l'acheminement d'un plan",
    "route.from_for": "{name}, à partir du",
    "route.adopt_button": "Acheminer ainsi les {n} régions",
    "route.plan_first": "Planifiez les scénarios ci-dessus : l'acheminement de chaque plan "
    "pourra alors être adopté à partir d'un jour.",
    "route.adopted_flash": "Acheminement de {n} région(s) adopté à partir du {day}.",
    "route.pairs": "chaque région demande son hub",
    _R + "give": "règle {n} : donnez une région et son hub",
    _R + "long": "règle {n} : le nom d'une région a au plus {most} caractères",
    _R + "both": "la région {region} est acheminée à la fois vers {hub} et {other} : un hub "
    "par région",
    _R + "many": "un acheminement nomme au plus {most} régions",
    _R + "empty": "un acheminement nomme au moins une région et son hub",
    _R + "past": "un acheminement s'applique à partir d'aujourd'hui ({day}) ou d'un jour "
    "suivant, pas du {when}",
    _R + "note": "une note a au plus {most} caractères",
    _R + "not_hub": "{codes} : pas un hub de retours ; un acheminement envoie les régions vers "
    "les hubs de retours ({hubs})",
}
