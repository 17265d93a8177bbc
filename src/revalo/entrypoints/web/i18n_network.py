"""The network planner's wordings: its refusals (a scenario file, a demand file) and its
page, in English and in French."""

from __future__ import annotations

EN: dict[str, str] = {
    "said.refusal.net_country": "{where}: {code} is not an ISO 3166 two-letter code",
    "said.refusal.net_point": "{where}: {lat}, {lon} is not a point on Earth",
    "said.refusal.net_growth": "{where}: a growth of {n} leaves no demand",
    "said.refusal.net_capacity": "{where}: give the capacity of at least one activity",
    "said.refusal.net_list": "{where}: must be a list",
    "said.refusal.net_number": "{where}: must be a number",
    "said.refusal.net_site_code": "{where}: must be a site code",
    "said.refusal.net_table": "{where}: must be a table",
    "said.refusal.net_text": "{where}: must be a text",
    "said.refusal.net_flag": "{where}: must be true or false",
    "said.refusal.net_negative": "{where}: must not be negative",
    "said.refusal.net_shares": "{where}: the shares of repair, refurbishment and recycling "
    "exceed 1",
    "said.refusal.net_unknown_key": "{where}: unknown key (known: {keys})",
    "said.refusal.net_csv_numbers": "line {line}: lat, lon, units_a_year, kg and the shares "
    "are numbers",
    "said.refusal.net_no_site": "scenario {name}: no site {code} in the network",
    "said.refusal.net_site_exists": "scenario {name}: site {code} exists already",
    "said.refusal.net_columns": "the demand file lacks the column(s) {names}",
    "said.refusal.net_weeks": "weeks: {n} is not between 0 and 520",
    "nav.network": "Network",
    "net.title": "Network plan",
    "net.intro": "Which hubs, repair, refurbishment and recycling sites to keep or open, and "
    "where each region's returns should go: today's network against scenarios, each solved to "
    "its optimum on the demand of the history scaled to a year.",
    "net.scenarios": "Scenarios",
    "net.scenario": "Scenario {n} (TOML)",
    "net.weeks": "Weeks of history",
    "net.until": "Until",
    "net.plan": "Compare",
    "net.hint": "A scenario is today's network plus changes: sites closed or opened, capacities "
    "and costs changed, demand growth by country, new demand points, a CO2 price, a lead-time "
    "cap (see docs/cli.md, revalo network plan). Nothing is stored or changed.",
    "net.side_by_side": "Side by side: demand of {start} to {end}, {regions} regions",
    "net.status": "Status",
    "net.status.optimal": "optimal",
    "net.status.feasible": "best found (gap)",
    "net.status.infeasible": "infeasible",
    "net.status.no_plan": "no plan in time",
    "net.status.empty": "no demand",
    "net.units": "Units a year",
    "net.total": "Total cost",
    "net.per_unit": "Cost per unit",
    "net.km": "km per unit",
    "net.co2": "kg CO2e per unit",
    "net.day1": "Within 1 day of a hub",
    "net.day2": "Within 2 days of a hub",
    "net.sites": "Sites used (utilisation)",
    "net.changes": "What changes from today's network",
    "net.why": "Why",
    "net.opened": "Opens",
    "net.closed": "Closes",
    "net.moved": "{n} regions move hub",
}

FR: dict[str, str] = {
    "said.refusal.net_country": "{where} : {code} n'est pas un code ISO 3166 à deux lettres",
    "said.refusal.net_point": "{where} : {lat}, {lon} n'est pas un point sur la Terre",
    "said.refusal.net_growth": "{where} : une croissance de {n} ne laisse aucune demande",
    "said.refusal.net_capacity": "{where} : donnez la capacité d'au moins une activité",
    "said.refusal.net_list": "{where} : doit être une liste",
    "said.refusal.net_number": "{where} : doit être un nombre",
    "said.refusal.net_site_code": "{where} : doit être un code de site",
    "said.refusal.net_table": "{where} : doit être une table",
    "said.refusal.net_text": "{where} : doit être un texte",
    "said.refusal.net_flag": "{where} : doit être true ou false",
    "said.refusal.net_negative": "{where} : ne doit pas être négatif",
    "said.refusal.net_shares": "{where} : les parts de réparation, de reconditionnement et de "
    "recyclage dépassent 1",
    "said.refusal.net_unknown_key": "{where} : clé inconnue (connues : {keys})",
    "said.refusal.net_csv_numbers": "ligne {line} : lat, lon, units_a_year, kg et les parts "
    "sont des nombres",
    "said.refusal.net_no_site": "scénario {name} : aucun site {code} dans le réseau",
    "said.refusal.net_site_exists": "scénario {name} : le site {code} existe déjà",
    "said.refusal.net_columns": "il manque au fichier de demande la ou les colonnes {names}",
    "said.refusal.net_weeks": "weeks : {n} n'est pas entre 0 et 520",
    "nav.network": "Réseau",
    "net.title": "Plan du réseau",
    "net.intro": "Quels hubs et sites de réparation, de reconditionnement et de recyclage "
    "garder ou ouvrir, et où envoyer les retours de chaque région : le réseau actuel face à des "
    "scénarios, chacun résolu à l'optimum sur la demande de l'historique ramenée à l'année.",
    "net.scenarios": "Scénarios",
    "net.scenario": "Scénario {n} (TOML)",
    "net.weeks": "Semaines d'historique",
    "net.until": "Jusqu'au",
    "net.plan": "Comparer",
    "net.hint": "Un scénario est le réseau actuel avec des changements : sites fermés ou "
    "ouverts, capacités et coûts modifiés, croissance de la demande par pays, nouveaux points "
    "de demande, prix du CO2, délai maximal (voir docs/cli.md, revalo network plan). Rien "
    "n'est enregistré ni modifié.",
    "net.side_by_side": "Côte à côte : demande du {start} au {end}, {regions} régions",
    "net.status": "Statut",
    "net.status.optimal": "optimal",
    "net.status.feasible": "meilleur trouvé (écart)",
    "net.status.infeasible": "impossible",
    "net.status.no_plan": "pas de plan à temps",
    "net.status.empty": "aucune demande",
    "net.units": "Unités par an",
    "net.total": "Coût total",
    "net.per_unit": "Coût par unité",
    "net.km": "km par unité",
    "net.co2": "kg CO2e par unité",
    "net.day1": "À 1 jour d'un hub",
    "net.day2": "À 2 jours d'un hub",
    "net.sites": "Sites utilisés (utilisation)",
    "net.changes": "Ce qui change par rapport au réseau actuel",
    "net.why": "Pourquoi",
    "net.opened": "Ouvre",
    "net.closed": "Ferme",
    "net.moved": "{n} régions changent de hub",
}
