"""What ``revalo network route`` and ``revalo network routing`` write, and the demo's
network what-if, in English and in French; ``cli_messages.said`` recognises them with the
command's other messages."""

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
    "whatif.today": "Network what-if on {weeks} weeks of returns scaled to a year ({regions} "
    "regions): today's network costs {cost} EUR a year, {per_unit} EUR a unit.",
    "whatif.change": "{name}: {delta} EUR a year ({why}); {n} region(s) move hub.",
    "whatif.no_plan": "{name}: no plan ({reason})",
    "whatif.today_no_plan": "Network what-if: today's network has no plan ({reason})",
    "whatif.adopted": "The flow manager adopted today's network as the routing of returns "
    "from {day}: {n} region(s) to their hub.",
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
    "whatif.today": "Réseau, et si : sur {weeks} semaines de retours ramenées à l'année "
    "({regions} régions), le réseau d'aujourd'hui coûte {cost} EUR par an, {per_unit} EUR par "
    "unité.",
    "whatif.change": "{name} : {delta} EUR par an ({why}) ; {n} région(s) changent de hub.",
    "whatif.no_plan": "{name} : aucun plan ({reason})",
    "whatif.today_no_plan": "Réseau, et si : le réseau d'aujourd'hui n'a pas de plan ({reason})",
    "whatif.adopted": "Le responsable des flux a adopté le réseau d'aujourd'hui comme "
    "acheminement des retours à partir du {day} : {n} région(s) vers leur hub.",
}
