"""Why the jobs refuse (a wrong parameter, a job finished already, another's job), in
English as the domain and the services say it, and in French; recognised and written
again like the domain's (``i18n_refusals``)."""

from __future__ import annotations

EN: dict[str, str] = {
    "said.refusal.job_key": "an idempotency key has 1 to {n} printable characters",
    "said.refusal.job_key_taken": "idempotency key {given} names job {id} already, another "
    "kind of job or another person's: use another key",
    "said.refusal.job_kind": "unknown job kind {kind}: use one of {kinds}",
    "said.refusal.job_state": "unknown job state {given}: use one of {states}",
    "said.refusal.job_finished": "job {id} is {state} already",
    "said.refusal.job_not_cancellable": "job {id} is {state} already: it cannot be cancelled",
    "said.refusal.job_not_running": "job {id} is not running",
    "said.refusal.job_no_file": "job {id} wrote no file",
    "said.refusal.no_job": "no job {id}",
    "said.refusal.job_parameters": "unknown parameter(s) {names}: use {known}",
    "said.refusal.job_number": "{name} = {given} must be a number over 0 and at most {high}",
    "said.refusal.job_code": "{name} must be a code of at most 40 characters",
    "said.refusal.job_day": "date must be a day, YYYY-MM-DD",
    "said.refusal.job_seed": "seed = {given} must be a whole number, 0 or more",
    "said.refusal.job_dry_run": "dry_run must be true or false",
    "said.refusal.job_preview": "preview must be true or false",
    "said.refusal.job_iterations": "max_iterations = {given} must be a whole number, 1 or more",
    "said.refusal.job_states_list": "states must be a list of unit states",
    "said.refusal.job_states": "states: use unit states among {states}",
    "said.refusal.job_empty_file": "the import needs its CSV file: it is empty",
    "said.refusal.job_owner_gone": "user {login} no longer exists",
    "said.refusal.schedule_user": "the scheduled runs' user {login} does not exist",
    "said.refusal.schedule_name": "unknown scheduled run {name}: use {names}",
}

FR: dict[str, str] = {
    "said.refusal.job_key": "une clé d'idempotence a de 1 à {n} caractères imprimables",
    "said.refusal.job_key_taken": "la clé d'idempotence {given} désigne déjà la tâche de fond "
    "{id}, d'une autre sorte ou d'une autre personne : utilisez une autre clé",
    "said.refusal.job_kind": "sorte de tâche de fond inconnue {kind} : utilisez l'une de {kinds}",
    "said.refusal.job_state": "état de tâche de fond inconnu {given} : utilisez l'un de {states}",
    "said.refusal.job_finished": "la tâche de fond {id} est déjà {state}",
    "said.refusal.job_not_cancellable": "la tâche de fond {id} est déjà {state} : elle ne "
    "peut plus être annulée",
    "said.refusal.job_not_running": "la tâche de fond {id} n'est pas en cours",
    "said.refusal.job_no_file": "la tâche de fond {id} n'a écrit aucun fichier",
    "said.refusal.no_job": "aucune tâche de fond {id}",
    "said.refusal.job_parameters": "paramètre(s) inconnu(s) {names} : utilisez {known}",
    "said.refusal.job_number": "{name} = {given} doit être un nombre supérieur à 0 et d'au "
    "plus {high}",
    "said.refusal.job_code": "{name} doit être un code d'au plus 40 caractères",
    "said.refusal.job_day": "date doit être un jour, AAAA-MM-JJ",
    "said.refusal.job_seed": "seed = {given} doit être un nombre entier, 0 ou plus",
    "said.refusal.job_dry_run": "dry_run vaut true ou false",
    "said.refusal.job_preview": "preview vaut true ou false",
    "said.refusal.job_iterations": "max_iterations = {given} doit être un nombre entier, 1 ou plus",
    "said.refusal.job_states_list": "states doit être une liste d'états d'unités",
    "said.refusal.job_states": "states : utilisez des états d'unités parmi {states}",
    "said.refusal.job_empty_file": "l'import a besoin de son fichier CSV : il est vide",
    "said.refusal.job_owner_gone": "l'utilisateur {login} n'existe plus",
    "said.refusal.schedule_user": "l'utilisateur des exécutions planifiées {login} n'existe pas",
    "said.refusal.schedule_name": "exécution planifiée inconnue {name} : utilisez {names}",
}
