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
}
