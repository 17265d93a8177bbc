"""Why the domain refuses an operation (a value of the wrong form, a state that does not
allow the step, a rule of law), as its errors say it in English, and in French. The
pages, the API (by Accept-Language) and the command line (by the locale) recognise the
English text by its wording and write it again in the reader's language
(``system_texts``)."""

from __future__ import annotations

EN: dict[str, str] = {
    "said.refusal.code_form": "{what_code} {code} must be 2 to 40 characters of A-Z, 0-9, '-', "
    "'_' or '.'",
    "said.refusal.country_code": "country {code} must be an ISO 3166 alpha-2 code",
    "said.refusal.no_category": "category must not be empty",
    "said.refusal.no_name": "name must not be empty",
    "said.refusal.weight_positive": "weight {number} kg must be positive",
    "said.refusal.volume_positive": "volume {number} m3 must be positive",
    "said.refusal.new_price": "new price {raw} must not be negative",
    "said.refusal.weee_category": "WEEE category {raw} must be 1 to 6 (Directive 2012/19/EU Annex "
    "III) or none",
    "said.refusal.weee_recycler": "only a recycler can be a certified WEEE treatment facility",
    "said.refusal.owner_return": "{what} belongs to {owner}, but product {sku} belongs to "
    "{other}: a unit never changes owner",
    "said.refusal.owner_unit": "unit {lpn} belongs to {owner}, but product {sku} belongs to "
    "{other}: a unit never changes owner",
    "said.refusal.owner_client": "client {client}",
    "said.refusal.owner_own": "the provider's own goods",
    "said.refusal.client_name": "a client needs a name",
    "said.refusal.client_name_long": "a client's name is at most 200 characters",
    "said.refusal.client_inactive": "client {client} is inactive: it takes no new return or "
    "product",
    "said.refusal.plan_region": "a plan needs a region",
    "said.refusal.cost_negative": "cost {number} EUR must not be negative",
    "said.refusal.not_negative": "{what} must not be negative",
    "said.refusal.lockout_failures": "the number of failed logins before a lock-out must be >= 1",
    "said.refusal.lockout_minutes": "a lock-out lasts at least one minute",
    "said.refusal.token_name": "a token needs a name of 1 to 100 characters",
    "said.refusal.token_revoked": "token {id} ({name}) is revoked already",
    "said.refusal.route_to": "route {route} cannot go to {where_to}; it goes to: {kinds}",
    "said.refusal.route_to_a": "route {route} cannot go to a {kind}; it goes to: {kinds}",
    "said.refusal.route_to_an": "route {route} cannot go to an {kind}; it goes to: {kinds}",
    "said.refusal.route_nowhere": "route {route} cannot go to no destination; it goes to: {kinds}",
    "said.refusal.in_house": "kept in-house",
    "said.refusal.inspection_operator": "the inspection needs the operator's name",
    "said.refusal.inspection_duration": "the inspection duration must not be negative",
    "said.refusal.fault_code": "fault code {code} must be 1-32 characters of A-Z, 0-9, '-', '_'",
    "said.refusal.check_name": "a checklist item needs a name",
    "said.refusal.total_negative": "total {raw} must not be negative",
    "said.refusal.positive_mass": "every item needs a positive mass",
    "said.refusal.mass_per_unit": "one mass per unit is needed",
    "said.refusal.distance_negative": "distance {number} km must not be negative",
    "said.refusal.emissions_negative": "emissions {number} g must not be negative",
    "said.refusal.move_ends": "a stock move needs an origin or a destination",
    "said.refusal.move_itself": "a unit cannot move from {place} to itself",
    "said.refusal.move_from": "unit {id} is at {place}, not at {other}",
    "said.refusal.no_place_in_stock": "no place in stock",
    "said.refusal.may_not": "{login} may not {does}: that needs the permission {permission} "
    "(roles: {roles})",
    "said.refusal.may_only": "{login} may {does} only {where}",
    "said.refusal.at_sites": "at the sites {sites}, not at {site}",
    "said.refusal.no_site_word": "no site",
    "said.refusal.for_client": "for the client {client}, not for {other}",
    "said.refusal.no_client_goods": "goods of no client",
    "said.refusal.user_deactivated": "user {login} is deactivated",
    "said.refusal.login_form": "login {login} must be 2 to 64 characters of a-z, 0-9, '.', '_', "
    "'@' or '-'",
    "said.refusal.password_short": "the password must have at least {n} characters",
    "said.refusal.password_long": "the password must have at most {n} characters",
    "said.refusal.password_login": "the password must not be the login",
    "said.refusal.user_role": "a user needs at least one role",
    "said.refusal.role_alone": "a {role} user has that one role only: give another person the "
    "others",
    "said.refusal.partner_sites": "a partner user needs at least one partner site",
    "said.refusal.partner_only": "partner sites go with the partner role only",
    "said.refusal.client_code": "a client user needs its client code",
    "said.refusal.client_only": "a client code goes with the client role only",
    "said.refusal.unknown_role": "unknown role {raw}: use one of {roles}",
    "said.refusal.user_name": "a user needs a name",
    "said.refusal.policy_value_form": "{where}: review_above_value must be an amount in EUR >= 0, "
    "not {raw}",
    "said.refusal.policy_unknown": "{where}: unknown setting(s) {names}",
    "said.refusal.policy_flag": "{where}: business_needs_contract_reason must be true or false, "
    "not {raw}",
    "said.refusal.policy_rule": "[[rule]] number {n}: needs both category and country",
    "said.refusal.policy_days": "{where}: {setting} must be a whole number of days >= 0, not {raw}",
    "said.refusal.no_line": "return {rma} has no line {line}",
    "said.refusal.line_quantity": "line {line}: quantity must be at least 1",
    "said.refusal.line_serial": "line {line}: a line with a serial number is for exactly one unit",
    "said.refusal.return_lines": "a return needs at least one line",
    "said.refusal.line_numbers": "line numbers must be unique within a return",
    "said.refusal.delivery_date": "the delivery date is after the request date",
    "said.refusal.rejection_reason": "a rejection needs a reason the customer can read",
    "said.refusal.return_no_unit": "return {rma} is {state}: no unit expected",
    "said.refusal.transition": "{what} is {state} and cannot become {target}; from {again} it can "
    "only become {states}",
    "said.refusal.transition_final": "{what} is {state} and cannot become {target}; {again} is "
    "final",
    "said.refusal.the_return": "Return {rma}",
    "said.refusal.the_unit": "Unit {lpn}",
    "said.refusal.the_work_order": "Work order {id}",
    "said.refusal.the_plan": "Collection plan {id}",
    "said.refusal.the_return_lower": "return {rma}",
    "said.refusal.amount_negative": "{what_amount} {number} EUR must be zero or more",
    "said.refusal.site_no_returns": "{site} is a {kind}: it does not receive returns",
    "said.refusal.in_transit_doing": "unit {lpn} is in transit to {site}: it cannot be {doing} "
    "before it arrives",
    "said.refusal.change_who": "every change of a unit needs who made it",
    "said.refusal.left_stock": "unit {lpn} has left the parallel stock ({state})",
    "said.refusal.unit_at": "unit {lpn} is at {place}, not at {other}",
    "said.refusal.not_at_site": "{place} is not at site {site}; ship the unit to move it between "
    "sites",
    "said.refusal.quarantine_reason": "quarantine needs a reason",
    "said.refusal.release_name": "unit {lpn} is not identified: name its product to release it",
    "said.refusal.release_product": "unit {lpn} is not identified: release it with its product",
    "said.refusal.order_elsewhere": "work order {id} is at {site} but unit {lpn} is at {other}: "
    "ship it there first",
    "said.refusal.cannot_ship": "unit {lpn} is {state}: it cannot be shipped now",
    "said.refusal.no_stock_there": "{site} does not hold Revalo stock; dispatch the unit to it",
    "said.refusal.already_at": "unit {lpn} is already at {site}",
    "said.refusal.not_in_transit": "unit {lpn} is not in transit",
    "said.refusal.dispatch_ready": "unit {lpn} is {state}: only a ready unit can be dispatched",
    "said.refusal.data_wipe": "unit {lpn} holds data: it may leave only after a recorded data "
    "wipe (NIST SP 800-88)",
    "said.refusal.refurbished_tested": "unit {lpn} may be sold as refurbished only once all its "
    "functions were tested (décret 2022-190)",
    "said.refusal.proceeds_left": "unit {lpn} is {state}: proceeds are recorded once it has left",
    "said.refusal.gtin_digits": "GTIN {code} must have 8, 12, 13 or 14 digits",
    "said.refusal.gtin_check": "GTIN {code} has a wrong check digit: expected {expected}, got "
    "{got}",
    "said.refusal.lpn_range": "LPN number {raw} is out of range",
    "said.refusal.sscc_digits": "SSCC {code} must have 18 digits",
    "said.refusal.sscc_check": "SSCC {code} has a wrong check digit: expected {expected}, got "
    "{got}",
    "said.refusal.extension_whole": "extension digit {raw} must be a whole number from 0 to 9",
    "said.refusal.extension_range": "extension digit {raw} must be from 0 to 9",
    "said.refusal.company_prefix": "GS1 company prefix {raw} must be 7 to 10 digits",
    "said.refusal.serial_whole": "serial reference {raw} must be a whole number",
    "said.refusal.serial_fit": "serial reference {raw} does not fit: with a {width}-digit company "
    "prefix it must be from 0 to {top} ({digits} digits)",
    "said.refusal.resolver_url": "resolver {raw} must be an http:// or https:// URL with a host "
    "name",
    "said.refusal.resolver_query": "resolver {raw} must not have a query (?...) or a fragment "
    "(#...)",
    "said.refusal.resolver_spaces": "resolver {raw} must not contain spaces",
    "said.refusal.latitude": "latitude {raw} is outside -90..90",
    "said.refusal.longitude": "longitude {raw} is outside -180..180",
    "said.refusal.eur_amount": "{what_amount} must be an amount in EUR",
    "said.refusal.part_reference": "a part needs its reference",
    "said.refusal.part_reference_long": "a part's reference has at most {n} characters",
    "said.refusal.part_quantity": "part {ref}: the quantity must be between 1 and {n}",
    "said.refusal.start_operator": "starting a work order needs the operator's name",
    "said.refusal.labour_negative": "labour minutes must not be negative",
    "said.refusal.order_in_progress": "Work order {id} is {state}: work is recorded only on an "
    "order in progress",
    "said.refusal.record_something": "record the minutes worked, the results or a part used",
    "said.refusal.wipe_complete": "a data wipe is done only with its method, tool and a verified "
    "result (certificate of sanitisation, NIST SP 800-88)",
}

FR: dict[str, str] = {
    "said.refusal.code_form": "{what_code} {code} : il faut de 2 à 40 caractères parmi A-Z, 0-9, "
    "« - », « _ » ou « . »",
    "said.refusal.country_code": "le pays {code} doit être un code ISO 3166 alpha-2",
    "said.refusal.no_category": "la catégorie ne doit pas être vide",
    "said.refusal.no_name": "le nom ne doit pas être vide",
    "said.refusal.weight_positive": "le poids de {number} kg doit être positif",
    "said.refusal.volume_positive": "le volume de {number} m3 doit être positif",
    "said.refusal.new_price": "le prix neuf {raw} ne doit pas être négatif",
    "said.refusal.weee_category": "la catégorie DEEE {raw} doit aller de 1 à 6 (directive "
    "2012/19/UE, annexe III) ou être absente",
    "said.refusal.weee_recycler": "seul un recycleur peut être une installation de traitement des "
    "DEEE agréée",
    "said.refusal.owner_return": "{what} appartient à {owner}, mais le produit {sku} appartient à "
    "{other} : une unité ne change jamais de propriétaire",
    "said.refusal.owner_unit": "l'unité {lpn} appartient à {owner}, mais le produit {sku} "
    "appartient à {other} : une unité ne change jamais de propriétaire",
    "said.refusal.owner_client": "le client {client}",
    "said.refusal.owner_own": "les marchandises du prestataire lui-même",
    "said.refusal.client_name": "un client a besoin d'un nom",
    "said.refusal.client_name_long": "le nom d'un client compte au plus 200 caractères",
    "said.refusal.client_inactive": "le client {client} est inactif : il ne prend aucun nouveau "
    "retour ni produit",
    "said.refusal.plan_region": "un plan a besoin d'une région",
    "said.refusal.cost_negative": "le coût de {number} EUR ne doit pas être négatif",
    "said.refusal.not_negative": "{what} : ne doit pas être négatif",
    "said.refusal.lockout_failures": "le nombre d'échecs de connexion avant un verrouillage doit "
    "être >= 1",
    "said.refusal.lockout_minutes": "un verrouillage dure au moins une minute",
    "said.refusal.token_name": "un jeton a besoin d'un nom de 1 à 100 caractères",
    "said.refusal.token_revoked": "le jeton {id} ({name}) est déjà révoqué",
    "said.refusal.route_to": "la filière {route} ne peut pas aller vers {where_to} ; elle va vers "
    ": {kinds}",
    "said.refusal.route_to_a": "la filière {route} ne peut pas aller vers un site de type « {kind} "
    "» ; elle va vers : {kinds}",
    "said.refusal.route_to_an": "la filière {route} ne peut pas aller vers un site de type « "
    "{kind} » ; elle va vers : {kinds}",
    "said.refusal.route_nowhere": "la filière {route} ne peut pas aller sans destination ; elle "
    "va vers : {kinds}",
    "said.refusal.in_house": "gardée en interne",
    "said.refusal.inspection_operator": "l'inspection a besoin du nom de l'opérateur",
    "said.refusal.inspection_duration": "la durée de l'inspection ne doit pas être négative",
    "said.refusal.fault_code": "le code de défaut {code} doit compter de 1 à 32 caractères parmi "
    "A-Z, 0-9, « - », « _ »",
    "said.refusal.check_name": "un point de contrôle a besoin d'un nom",
    "said.refusal.total_negative": "le total {raw} ne doit pas être négatif",
    "said.refusal.positive_mass": "chaque article a besoin d'une masse positive",
    "said.refusal.mass_per_unit": "il faut une masse par unité",
    "said.refusal.distance_negative": "la distance de {number} km ne doit pas être négative",
    "said.refusal.emissions_negative": "les émissions de {number} g ne doivent pas être négatives",
    "said.refusal.move_ends": "un mouvement de stock a besoin d'une origine ou d'une destination",
    "said.refusal.move_itself": "une unité ne peut pas aller de {place} vers ce même endroit",
    "said.refusal.move_from": "l'unité {id} est à {place}, pas à {other}",
    "said.refusal.no_place_in_stock": "aucun emplacement en stock",
    "said.refusal.may_not": "{login} ne peut pas {does} : il faut pour cela la permission "
    "{permission} (rôles : {roles})",
    "said.refusal.may_only": "{login} ne peut {does} que {where}",
    "said.refusal.at_sites": "sur les sites {sites}, pas sur {site}",
    "said.refusal.no_site_word": "aucun site",
    "said.refusal.for_client": "pour le client {client}, pas pour {other}",
    "said.refusal.no_client_goods": "des marchandises d'aucun client",
    "said.refusal.user_deactivated": "l'utilisateur {login} est désactivé",
    "said.refusal.login_form": "l'identifiant {login} doit compter de 2 à 64 caractères parmi "
    "a-z, 0-9, « . », « _ », « @ » ou « - »",
    "said.refusal.password_short": "le mot de passe doit compter au moins {n} caractères",
    "said.refusal.password_long": "le mot de passe doit compter au plus {n} caractères",
    "said.refusal.password_login": "le mot de passe ne doit pas être l'identifiant",
    "said.refusal.user_role": "un utilisateur a besoin d'au moins un rôle",
    "said.refusal.role_alone": "un utilisateur {role} n'a que ce rôle : donnez les autres à une "
    "autre personne",
    "said.refusal.partner_sites": "un utilisateur partenaire a besoin d'au moins un site "
    "partenaire",
    "said.refusal.partner_only": "les sites partenaires vont avec le seul rôle partenaire",
    "said.refusal.client_code": "un utilisateur client a besoin de son code client",
    "said.refusal.client_only": "un code client va avec le seul rôle client",
    "said.refusal.unknown_role": "rôle inconnu {raw} : utilisez l'un de : {roles}",
    "said.refusal.user_name": "un utilisateur a besoin d'un nom",
    "said.refusal.policy_value_form": "{where} : review_above_value doit être un montant en EUR "
    ">= 0, pas {raw}",
    "said.refusal.policy_unknown": "{where} : réglage(s) inconnu(s) {names}",
    "said.refusal.policy_flag": "{where} : business_needs_contract_reason doit être true ou "
    "false, pas {raw}",
    "said.refusal.policy_rule": "[[rule]] numéro {n} : il faut à la fois category et country",
    "said.refusal.policy_days": "{where} : {setting} doit être un nombre entier de jours >= 0, pas "
    "{raw}",
    "said.refusal.no_line": "le retour {rma} n'a pas de ligne {line}",
    "said.refusal.line_quantity": "ligne {line} : la quantité doit être d'au moins 1",
    "said.refusal.line_serial": "ligne {line} : une ligne avec un numéro de série est pour une "
    "seule unité",
    "said.refusal.return_lines": "un retour a besoin d'au moins une ligne",
    "said.refusal.line_numbers": "les numéros de ligne doivent être uniques dans un retour",
    "said.refusal.delivery_date": "la date de livraison est après la date de la demande",
    "said.refusal.rejection_reason": "un refus a besoin d'un motif que le client peut lire",
    "said.refusal.return_no_unit": "le retour {rma} est à l'état « {state} » : aucune unité n'est "
    "attendue",
    "said.refusal.transition": "{what} est à l'état « {state} » et ne peut pas passer à « "
    "{target} » ; depuis « {again} », il ne peut passer qu'à : {states}",
    "said.refusal.transition_final": "{what} est à l'état « {state} » et ne peut pas passer à « "
    "{target} » ; « {again} » est un état final",
    "said.refusal.the_return": "Le retour {rma}",
    "said.refusal.the_unit": "L'unité {lpn}",
    "said.refusal.the_work_order": "L'ordre de travail {id}",
    "said.refusal.the_plan": "Le plan de collecte {id}",
    "said.refusal.the_return_lower": "le retour {rma}",
    "said.refusal.amount_negative": "{what_amount} : {number} EUR doit être zéro ou plus",
    "said.refusal.site_no_returns": "{site} est un site de type « {kind} » : il ne reçoit pas de "
    "retours",
    "said.refusal.in_transit_doing": "l'unité {lpn} est en transit vers {site} : elle ne peut pas "
    "être {doing} avant son arrivée",
    "said.refusal.change_who": "chaque changement d'une unité a besoin de qui l'a fait",
    "said.refusal.left_stock": "l'unité {lpn} a quitté le stock parallèle ({state})",
    "said.refusal.unit_at": "l'unité {lpn} est à {place}, pas à {other}",
    "said.refusal.not_at_site": "{place} n'est pas sur le site {site} ; expédiez l'unité pour la "
    "déplacer entre sites",
    "said.refusal.quarantine_reason": "une quarantaine a besoin d'un motif",
    "said.refusal.release_name": "l'unité {lpn} n'est pas identifiée : nommez son produit pour la "
    "libérer",
    "said.refusal.release_product": "l'unité {lpn} n'est pas identifiée : libérez-la avec son "
    "produit",
    "said.refusal.order_elsewhere": "l'ordre de travail {id} est à {site} mais l'unité {lpn} est "
    "à {other} : expédiez-la d'abord là-bas",
    "said.refusal.cannot_ship": "l'unité {lpn} est à l'état « {state} » : elle ne peut pas être "
    "expédiée maintenant",
    "said.refusal.no_stock_there": "{site} ne tient pas de stock Revalo ; envoyez-y l'unité par "
    "sa filière",
    "said.refusal.already_at": "l'unité {lpn} est déjà à {site}",
    "said.refusal.not_in_transit": "l'unité {lpn} n'est pas en transit",
    "said.refusal.dispatch_ready": "l'unité {lpn} est à l'état « {state} » : seule une unité "
    "prête peut partir",
    "said.refusal.data_wipe": "l'unité {lpn} contient des données : elle ne peut partir qu'après "
    "un effacement des données enregistré (NIST SP 800-88)",
    "said.refusal.refurbished_tested": "l'unité {lpn} ne peut être vendue comme reconditionnée "
    "qu'une fois toutes ses fonctions testées (décret 2022-190)",
    "said.refusal.proceeds_left": "l'unité {lpn} est à l'état « {state} » : les recettes "
    "s'enregistrent une fois qu'elle est partie",
    "said.refusal.gtin_digits": "le GTIN {code} doit avoir 8, 12, 13 ou 14 chiffres",
    "said.refusal.gtin_check": "le GTIN {code} a une clé de contrôle fausse : {expected} attendu, "
    "{got} reçu",
    "said.refusal.lpn_range": "le numéro de LPN {raw} est hors limites",
    "said.refusal.sscc_digits": "le SSCC {code} doit avoir 18 chiffres",
    "said.refusal.sscc_check": "le SSCC {code} a une clé de contrôle fausse : {expected} attendu, "
    "{got} reçu",
    "said.refusal.extension_whole": "le chiffre d'extension {raw} doit être un nombre entier de 0 "
    "à 9",
    "said.refusal.extension_range": "le chiffre d'extension {raw} doit aller de 0 à 9",
    "said.refusal.company_prefix": "le préfixe d'entreprise GS1 {raw} doit avoir de 7 à 10 "
    "chiffres",
    "said.refusal.serial_whole": "la référence de série {raw} doit être un nombre entier",
    "said.refusal.serial_fit": "la référence de série {raw} ne tient pas : avec un préfixe "
    "d'entreprise de {width} chiffres, elle doit aller de 0 à {top} ({digits} chiffres)",
    "said.refusal.resolver_url": "le résolveur {raw} doit être une URL http:// ou https:// avec "
    "un nom d'hôte",
    "said.refusal.resolver_query": "le résolveur {raw} ne doit pas avoir de requête (?...) ni de "
    "fragment (#...)",
    "said.refusal.resolver_spaces": "le résolveur {raw} ne doit pas contenir d'espaces",
    "said.refusal.latitude": "la latitude {raw} est hors de -90..90",
    "said.refusal.longitude": "la longitude {raw} est hors de -180..180",
    "said.refusal.eur_amount": "{what_amount} : doit être un montant en EUR",
    "said.refusal.part_reference": "une pièce a besoin de sa référence",
    "said.refusal.part_reference_long": "la référence d'une pièce compte au plus {n} caractères",
    "said.refusal.part_quantity": "pièce {ref} : la quantité doit être comprise entre 1 et {n}",
    "said.refusal.start_operator": "commencer un ordre de travail demande le nom de l'opérateur",
    "said.refusal.labour_negative": "les minutes de main-d'œuvre ne doivent pas être négatives",
    "said.refusal.order_in_progress": "L'ordre de travail {id} est à l'état « {state} » : le "
    "travail ne s'enregistre que sur un ordre en cours",
    "said.refusal.record_something": "enregistrez les minutes travaillées, les résultats ou une "
    "pièce utilisée",
    "said.refusal.wipe_complete": "un effacement des données n'est fait qu'avec sa méthode, son "
    "outil et un résultat vérifié (certificat d'effacement, NIST SP 800-88)",
}
