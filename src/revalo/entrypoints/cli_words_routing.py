"""What ``revalo network route`` and ``revalo network routing`` write, in English and in
French; ``cli_messages.said`` recognises them with the command's other messages."""

from __future__ import annotations

EN: dict[str, str] = {
    "routing.adopted": "Routing of {n} region(s) adopted from {day}.",
    "routing.none": "No routing is in force: every return goes to its nearest hub.",
    "routing.nothing": "the plan {name} routes no region: {reason}",
    "routing.no_history": "no returns came back in the {n} weeks of history",
    "routing.in_force": "Routing in force from {day}",
    "routing.history": "{n} routing(s) adopted",
    "col.region": "region",
    "col.from": "from",
    "col.regions": "regions",
    "col.adopted_by": "adopted by",
}

FR: dict[str, str] = {
    "routing.adopted": "Acheminement de {n} région(s) adopté à partir du {day}.",
    "routing.none": "Aucun acheminement n'est en vigueur : chaque retour va à son hub le plus "
    "proche.",
    "routing.nothing": "le plan {name} n'achemine aucune région : {reason}",
    "routing.no_history": "aucun retour n'est revenu dans les {n} semaines d'historique",
    "routing.in_force": "Acheminement en vigueur à partir du {day}",
    "routing.history": "{n} acheminement(s) adopté(s)",
    "col.region": "région",
    "col.from": "à partir du",
    "col.regions": "régions",
    "col.adopted_by": "adopté par",
}
