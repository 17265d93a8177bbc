"""The labels of the floor's assignment page (the day's proposed assignment, accepted by the
supervisor), in English and French; ``i18n`` adds them to its tables. The ``said.*`` keys
are what the assignment's use cases and engine write, recognised and shown in French."""

from __future__ import annotations

EN: dict[str, str] = {
    "handheld.to_workshop": "Task {id}: take {lpn} to the workshop",
    "handheld.pick": "Task {id}: pick {n} unit(s), in this order",
    "handheld.load": "Task {id}: load {n} unit(s) of consignment {ref}",
    "handheld.take_to": "To",
    "handheld.scans": "Scan each unit (then the workshop), one a line",
    "handheld.scans_done_flash": "Task {id} is done.",
    "assignment.title": "The shift's assignment",
    "assignment.lead": "The open tasks given to the people on shift: each to someone holding "
    "every qualification and PPE item it needs, the load even, the walking between zones "
    "short. Nothing is assigned until you accept it.",
    "assignment.open": "Propose the shift's assignment",
    "assignment.shift": "Shift",
    "assignment.propose": "Propose",
    "assignment.status": "Solved: {status} in {seconds} s; spread (busiest over mean) {spread}, "
    "{walk} h walked.",
    "assignment.baseline": "The greedy baseline on the same tasks: spread {spread}, {walk} h "
    "walked, {n} tasks assigned.",
    "assignment.people": "Planned hours",
    "assignment.person": "Who",
    "assignment.hours": "Planned (h)",
    "assignment.of": "Of (h)",
    "assignment.tasks_n": "Tasks",
    "assignment.zones": "Zones",
    "assignment.walk": "Walked (h)",
    "assignment.given": "Tasks given",
    "assignment.left": "Left open",
    "assignment.why": "Why",
    "assignment.accept": "Accept and assign {n} tasks",
    "assignment.accepted_flash": "{n} task(s) assigned.",
    "assignment.reported_flash": "{n} task(s) assigned; not assigned: {why}",
    "assignment.nothing": "Nothing to assign: no open task, or nobody on this shift.",
    "said.assignment.nobody": "nobody on the shift holds what it needs",
    "said.assignment.no_time": "those who may do it have no hours left",
    "said.assignment.no_truck": "the trucks it needs are fully planned",
    "said.assignment.reported": "task {id} to {login}: {why}",
    "said.refusal.pair_shape": "{text} must be TASK_ID=LOGIN",
    "said.refusal.pair_twice": "task {id} is given twice",
    "said.refusal.pairs_empty": "the assignment to accept gives no task",
    "said.refusal.task_taken": "task {id} was taken meanwhile: it is {state}, held by {login}",
    "said.refusal.not_in_task": "not in task {id}: {lpns}",
    "said.refusal.task_still_needs": "task {id} still needs: {lpns}",
    "said.refusal.wrong_place": "you scanned {scan}: task {id} takes {lpn} to {place}",
    "said.refusal.not_by_scans": "task {id} is a {kind}: it is not finished so",
    "said.refusal.period_order": "the period's start must be before its end",
    "said.refusal.period_days": "a period is at most {n} days",
    "said.to_workshop_cancel": "its unit goes to the workshop",
}

FR: dict[str, str] = {
    "handheld.to_workshop": "Tâche {id} : emmener {lpn} à l'atelier",
    "handheld.pick": "Tâche {id} : prélever {n} unité(s), dans cet ordre",
    "handheld.load": "Tâche {id} : charger {n} unité(s) de l'envoi {ref}",
    "handheld.take_to": "Vers",
    "handheld.scans": "Scannez chaque unité (puis l'atelier), une par ligne",
    "handheld.scans_done_flash": "La tâche {id} est terminée.",
    "assignment.title": "Répartition de l'équipe",
    "assignment.lead": "Les tâches ouvertes confiées aux personnes de l'équipe : chacune à "
    "quelqu'un qui a toutes les habilitations et tous les EPI qu'elle demande, la charge "
    "égale, la marche entre zones courte. Rien n'est confié avant que vous l'acceptiez.",
    "assignment.open": "Proposer la répartition de l'équipe",
    "assignment.shift": "Équipe",
    "assignment.propose": "Proposer",
    "assignment.status": "Résolu : {status} en {seconds} s ; écart (plus chargé sur moyenne) "
    "{spread}, {walk} h de marche.",
    "assignment.baseline": "La méthode gloutonne sur les mêmes tâches : écart {spread}, {walk} h "
    "de marche, {n} tâches confiées.",
    "assignment.people": "Heures prévues",
    "assignment.person": "Qui",
    "assignment.hours": "Prévu (h)",
    "assignment.of": "Sur (h)",
    "assignment.tasks_n": "Tâches",
    "assignment.zones": "Zones",
    "assignment.walk": "Marche (h)",
    "assignment.given": "Tâches confiées",
    "assignment.left": "Restent ouvertes",
    "assignment.why": "Pourquoi",
    "assignment.accept": "Accepter et confier {n} tâches",
    "assignment.accepted_flash": "{n} tâche(s) confiée(s).",
    "assignment.reported_flash": "{n} tâche(s) confiée(s) ; non confiées : {why}",
    "assignment.nothing": "Rien à confier : aucune tâche ouverte, ou personne dans cette équipe.",
    "said.assignment.nobody": "personne dans l'équipe n'a ce qu'elle demande",
    "said.assignment.no_time": "ceux qui peuvent la faire n'ont plus d'heures",
    "said.assignment.no_truck": "les chariots qu'elle demande sont pris toute l'équipe",
    "said.assignment.reported": "tâche {id} à {login} : {why}",
    "said.refusal.pair_shape": "{text} doit être NUMÉRO_DE_TÂCHE=IDENTIFIANT",
    "said.refusal.pair_twice": "la tâche {id} est donnée deux fois",
    "said.refusal.pairs_empty": "la répartition à accepter ne donne aucune tâche",
    "said.refusal.task_taken": "la tâche {id} a été prise entre-temps : elle est {state}, "
    "tenue par {login}",
    "said.refusal.not_in_task": "pas dans la tâche {id} : {lpns}",
    "said.refusal.task_still_needs": "il manque encore à la tâche {id} : {lpns}",
    "said.refusal.wrong_place": "vous avez scanné {scan} : la tâche {id} emmène {lpn} à {place}",
    "said.refusal.not_by_scans": "la tâche {id} est un {kind} : elle ne se termine pas ainsi",
    "said.refusal.period_order": "le début de la période doit précéder sa fin",
    "said.refusal.period_days": "une période dure au plus {n} jours",
    "said.to_workshop_cancel": "son unité part à l'atelier",
}

VALUES_EN: dict[str, str] = {
    "load": "truck load",
    "optimal": "optimal",
    "time_limit": "best found in the time",
    "greedy": "greedy",
}

VALUES_FR: dict[str, str] = {
    "load": "chargement",
    "optimal": "optimal",
    "time_limit": "meilleure trouvée dans le temps",
    "greedy": "glouton",
}
