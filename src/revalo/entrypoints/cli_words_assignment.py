"""What ``revalo floor assign`` and ``revalo floor performance`` write, in English and in
French; ``cli_messages.said`` recognises them with the command's other messages."""

from __future__ import annotations

EN: dict[str, str] = {
    "assign.title": "{n} task(s) given, {left} left open",
    "assign.summary": "HiGHS: {status} in {a} s, spread {b}, {c} h walked; greedy: spread "
    "{d}, {e} h walked, {n} task(s) given.",
    "assign.left": "Task {id} left open: {reason}.",
    "assign.not_given": "Task {id} not given to {login}: {reason}.",
    "assign.done": "Assigned {n} task(s).",
    "col.who": "who",
    "col.of": "of",
    "col.tasks": "tasks",
    "col.zones": "zones",
    "col.walked": "walked",
    "perf.rows": "{n} row(s)",
    "perf.zones": "{n} zone(s)",
    "col.level": "level",
    "col.stays": "stays",
    "col.zone": "zone",
    "col.units_h": "units_h",
    "col.to_bin_h": "to_bin_h",
    "col.median_h": "median_h",
    "col.p90_h": "p90_h",
    "col.in_zone": "in_zone",
}

FR: dict[str, str] = {
    "assign.title": "{n} tâche(s) confiée(s), {left} restent ouvertes",
    "assign.summary": "HiGHS : {status} en {a} s, écart {b}, {c} h de marche ; glouton : "
    "écart {d}, {e} h de marche, {n} tâche(s) confiée(s).",
    "assign.left": "Tâche {id} laissée ouverte : {reason}.",
    "assign.not_given": "Tâche {id} non confiée à {login} : {reason}.",
    "assign.done": "{n} tâche(s) confiée(s).",
    "col.who": "qui",
    "col.of": "sur",
    "col.tasks": "tâches",
    "col.zones": "zones",
    "col.walked": "marche",
    "perf.rows": "{n} ligne(s)",
    "perf.zones": "{n} zone(s)",
    "col.level": "niveau",
    "col.stays": "séjours",
    "col.zone": "zone",
    "col.units_h": "unités_h",
    "col.to_bin_h": "vers_emplacement_h",
    "col.median_h": "médiane_h",
    "col.p90_h": "p90_h",
    "col.in_zone": "dans_la_zone",
}
