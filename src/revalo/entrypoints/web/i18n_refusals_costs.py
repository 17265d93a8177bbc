"""Why the cost ledger refuses (its rates file, the analysis' dimensions and period), in
English as it says it, and in French; recognised and written again like the domain's
(``i18n_refusals``)."""

from __future__ import annotations

EN: dict[str, str] = {
    "said.refusal.costs_negative": "cost rates cannot be negative",
    "said.refusal.costs_table": "costs: [{name}] must be a table",
    "said.refusal.costs_needs": "costs: [{name}] needs {field}",
    "said.refusal.costs_number": "costs: [{name}] {field} must be a number",
    "said.refusal.costs_fee_rate": "costs: [{name}] fee_rate must be a number",
    "said.refusal.costs_not_toml": "costs: {file} is not TOML: {reason}",
    "said.refusal.costs_unreadable": "costs: cannot read {file}: {reason}",
    "said.refusal.costs_dimension": "unknown dimension {name}: one of {names}",
    "said.refusal.costs_twice": "a dimension is named twice",
    "said.refusal.costs_at_most": "at most {n} dimensions at once",
    "said.refusal.costs_both_days": "give both the first and the last day of the period",
    "said.refusal.costs_thresholds": "the thresholds cannot be negative",
    "said.refusal.target_unknown": "unknown target {name}: one of {names}",
    "said.refusal.target_scope_unknown": "unknown scope {name}: one of {names}",
    "said.refusal.target_nan": "target value {figure}: not a number",
    "said.refusal.target_negative": "the target must be zero or more, not {figure}",
    "said.refusal.target_share": "a share is between 0 and 1, not {figure}",
    "said.refusal.target_all_code": "a target for all goods names no site or category",
    "said.refusal.target_needs_code": "a target per {scope} names the {what}",
    "said.refusal.target_dwell": "days in stock have targets per site or for all goods",
    "said.refusal.target_no_category": "no product of category {name}",
    "said.refusal.target_none": "no target {name} for {scope}",
}
FR: dict[str, str] = {
    "said.refusal.costs_negative": "les tarifs de coût ne peuvent pas être négatifs",
    "said.refusal.costs_table": "coûts : [{name}] doit être une table",
    "said.refusal.costs_needs": "coûts : [{name}] demande {field}",
    "said.refusal.costs_number": "coûts : [{name}] {field} doit être un nombre",
    "said.refusal.costs_fee_rate": "coûts : [{name}] fee_rate doit être un nombre",
    "said.refusal.costs_not_toml": "coûts : {file} n'est pas du TOML : {reason}",
    "said.refusal.costs_unreadable": "coûts : impossible de lire {file} : {reason}",
    "said.refusal.costs_dimension": "dimension inconnue {name} : l'une de {names}",
    "said.refusal.costs_twice": "une dimension est nommée deux fois",
    "said.refusal.costs_at_most": "au plus {n} dimensions à la fois",
    "said.refusal.costs_both_days": "donnez le premier et le dernier jour de la période",
    "said.refusal.costs_thresholds": "les seuils ne peuvent pas être négatifs",
    "said.refusal.target_unknown": "objectif inconnu {name} : l'un de {names}",
    "said.refusal.target_scope_unknown": "portée inconnue {name} : l'une de {names}",
    "said.refusal.target_nan": "valeur d'objectif {figure} : pas un nombre",
    "said.refusal.target_negative": "l'objectif doit être positif ou nul, pas {figure}",
    "said.refusal.target_share": "une part est entre 0 et 1, pas {figure}",
    "said.refusal.target_all_code": "un objectif pour toutes les marchandises ne nomme ni site "
    "ni catégorie",
    "said.refusal.target_needs_code": "un objectif par {scope} nomme le {what}",
    "said.refusal.target_dwell": "les jours en stock ont des objectifs par site ou pour toutes "
    "les marchandises",
    "said.refusal.target_no_category": "aucun produit de la catégorie {name}",
    "said.refusal.target_none": "aucun objectif {name} pour {scope}",
}
