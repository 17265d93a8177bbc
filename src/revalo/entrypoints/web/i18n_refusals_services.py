"""Why the services refuse a use case (a thing not found, a thing that exists already, a
plan out of date, a file that cannot be read, a permission), in English as they say it,
and in French; recognised and written again like the domain's (``i18n_refusals``)."""

from __future__ import annotations

EN: dict[str, str] = {
    "said.refusal.locked": "too many failed logins: {login} is locked until {until} UTC",
    "said.refusal.no_user": "no user with login {login}",
    "said.refusal.no_token_for": "user {login} is deactivated: no token can be made for it",
    "said.refusal.no_token": "no API token {id}",
    "said.refusal.token_unknown": "the API token is unknown or revoked",
    "said.refusal.wrong_login": "wrong login or password",
    "said.refusal.unit_of_missing": "the unit of {id} is missing",
    "said.refusal.no_product": "no product {code}",
    "said.refusal.no_client": "no client {code}",
    "said.refusal.no_plan": "no collection plan {id}",
    "said.refusal.no_unit_lpn": "no unit with LPN {code}",
    "said.refusal.no_site_code": "no site with code {code}",
    "said.refusal.no_unit": "no unit {code}",
    "said.refusal.no_site": "no site {code}",
    "said.refusal.no_customer_code": "no customer with code {code}",
    "said.refusal.no_customer": "no customer {code}",
    "said.refusal.no_work_order": "no work order {code}",
    "said.refusal.no_return": "no return {code}",
    "said.refusal.no_location": "no location {code}",
    "said.refusal.no_client_code": "no client with code {code}",
    "said.refusal.no_site_or_customer": "no site or customer with code {code}",
    "said.refusal.customer_missing": "customer missing",
    "said.refusal.unit_missing": "unit missing",
    "said.refusal.work_order_missing": "work order missing",
    "said.refusal.product_exists": "product {code} exists already",
    "said.refusal.gtin_taken": "another product has GTIN {code}",
    "said.refusal.product_owner": "product {code} belongs to {owner}; it cannot be given to "
    "{other}",
    "said.refusal.site_exists": "site {code} exists already",
    "said.refusal.customer_exists": "customer {code} exists already",
    "said.refusal.plan_stale": "plan {id} is out of date: {changes}; plan again",
    "said.refusal.plan_empty": "plan {id} collects nothing and hands nothing to a carrier: {why}",
    "said.refusal.region_codes": "name the region's countries as ISO codes, e.g. FR or FR,BE",
    "said.refusal.region_hub": "no returns hub in {countries}: the hubs of the region are the "
    "depots of its collections",
    "said.refusal.no_fleet": "no vehicle of {file} is based at {codes}: give these hubs a fleet",
    "said.refusal.fleet_vehicle": "{file}: fleet of {site}: {vehicle} is not a [[fleet]] vehicle "
    "of the carriers file (known: {known})",
    "said.refusal.region": "region {region}: {why}",
    "said.refusal.fleet_country": "{file}: hubs.{site}.fleet: {vehicle} does not drive in "
    "{country}, the country of {other}",
    "said.refusal.plan_seconds": "seconds = {raw} must be over 0 and at most {top}, the longest "
    "search this server allows",
    "said.refusal.plan_seed": "seed = {raw} must not be negative",
    "said.refusal.plan_changed": "while the plan was searched, what it collects changed: "
    "{changes}; nothing was stored: plan again",
    "said.refusal.not_utf8": "line {line}: not UTF-8 text (byte {at} of the line): save the file "
    "as UTF-8",
    "said.refusal.not_csv": "line {line}: not readable as CSV: {detail}",
    "said.refusal.imported_meanwhile": "order_ref imported meanwhile: {refs}",
    "said.refusal.changed_while_checked": "{what_changed} {names} changed while the file was "
    "checked: nothing was imported; import the file again",
    "said.refusal.no_product_sku": "line {line}: no product with SKU {code}",
    "said.refusal.bad_rows": "{n} bad row(s): nothing is imported",
    "said.refusal.no_route_open": "no route is open to unit {lpn}: see its explanation",
    "said.refusal.no_inspection": "unit {lpn} has no inspection: grade it first",
    "said.refusal.must_be_table": "{what} must be a table",
    "said.refusal.unknown_keys": "{what} has unknown keys: {names}",
    "said.refusal.sites_table": "[sites] must be a table",
    "said.refusal.sites_unknown": "[sites] names unknown sites: {names}",
    "said.refusal.override_reason": "overriding a decision needs a reason",
    "said.refusal.describe_item": "describe the item so that someone can identify it",
    "said.refusal.changed_meanwhile": "{what_changed} was changed by other requests at the same "
    "time, {n} times in a row; nothing was written: try again",
    "said.refusal.label_authorised": "return {rma} is {state}: a label is issued only for an "
    "authorised return",
    "said.refusal.label_not_booked": "the parcel of return {rma} is not booked yet: book its "
    "label first",
    "said.refusal.no_hub": "no returns hub is set up to receive returns",
    "said.refusal.hub_no_returns": "{site} does not receive returns",
    "said.refusal.may_not_see": "{login} may not see {what}",
    "said.refusal.the_units_at": "the units at {site}",
    "said.refusal.goods_of_client": "the goods of the client {client}",
    "said.refusal.what_is_at": "what is at {site}",
    "said.refusal.partner_no_returns": "return {rma}: a partner sees units, not returns",
    "said.refusal.session_ended": "the session has ended: sign in again",
    "said.refusal.ship_none": "name at least one unit to ship",
    "said.refusal.units_twice": "units named twice: {names}",
    "said.refusal.ship_one_site": "units shipped together must leave from one site; these are at "
    "{names}",
    "said.refusal.nothing_to_ship": "nothing to ship",
    "said.refusal.name_place": "name a site or customer code, or give country, lat and lon",
    "said.refusal.shipment_parcel": "a shipment needs at least one parcel",
    "said.refusal.service_cannot": "{from_code} to {to_code}: {id} cannot take it",
    "said.refusal.leg_refused": "{from_code} to {to_code}: {why}",
    "said.refusal.no_destination": "return {rma} has no destination hub yet: authorise it first",
    "said.refusal.login_taken": "the login {login} is taken",
    "said.refusal.first_administrator": "the database has no administrator yet: the first user "
    "needs the administrator role",
    "said.refusal.last_administrator": "{login} is the last active administrator: make another "
    "one first",
    "said.refusal.hub_not_partner": "{site} is a returns hub of the network, not a partner's site",
    "said.refusal.has_administrator": "the database has an administrator: act as one to add users",
    "said.refusal.already_deactivated": "user {login} is deactivated already",
    # the scan of a barcode, the repositories, the price of a leg
    "said.refusal.scan_empty": "the scanned code is empty",
    "said.refusal.scan_unknown": "not a GS1 barcode nor a Revalo LPN: {detail}",
    "said.refusal.scan_gs1": "not a valid GS1 element string: {detail}",
    "said.refusal.scan_neither": "the GS1 barcode names neither a product (AI 01) nor a parcel "
    "(AI 00)",
    "said.refusal.client_exists": "client {code} exists already",
    "said.refusal.leg_price": "{sku} from {from_code} to {to_code}: {why}",
    "said.refusal.sign_out_token": "signing out ends a browser's session: a token is revoked",
}

FR: dict[str, str] = {
    "said.refusal.locked": "trop d'échecs de connexion : {login} est verrouillé jusqu'à {until} "
    "UTC",
    "said.refusal.no_user": "aucun utilisateur avec l'identifiant {login}",
    "said.refusal.no_token_for": "l'utilisateur {login} est désactivé : aucun jeton ne peut être "
    "créé pour lui",
    "said.refusal.no_token": "aucun jeton d'API {id}",
    "said.refusal.token_unknown": "le jeton d'API est inconnu ou révoqué",
    "said.refusal.wrong_login": "identifiant ou mot de passe incorrect",
    "said.refusal.unit_of_missing": "l'unité de {id} manque",
    "said.refusal.no_product": "aucun produit {code}",
    "said.refusal.no_client": "aucun client {code}",
    "said.refusal.no_plan": "aucun plan de collecte {id}",
    "said.refusal.no_unit_lpn": "aucune unité avec le LPN {code}",
    "said.refusal.no_site_code": "aucun site avec le code {code}",
    "said.refusal.no_unit": "aucune unité {code}",
    "said.refusal.no_site": "aucun site {code}",
    "said.refusal.no_customer_code": "aucun client final avec le code {code}",
    "said.refusal.no_customer": "aucun client final {code}",
    "said.refusal.no_work_order": "aucun ordre de travail {code}",
    "said.refusal.no_return": "aucun retour {code}",
    "said.refusal.no_location": "aucun emplacement {code}",
    "said.refusal.no_client_code": "aucun client avec le code {code}",
    "said.refusal.no_site_or_customer": "aucun site ni client final avec le code {code}",
    "said.refusal.customer_missing": "client final manquant",
    "said.refusal.unit_missing": "unité manquante",
    "said.refusal.work_order_missing": "ordre de travail manquant",
    "said.refusal.product_exists": "le produit {code} existe déjà",
    "said.refusal.gtin_taken": "un autre produit a le GTIN {code}",
    "said.refusal.product_owner": "le produit {code} appartient à {owner} ; il ne peut pas être "
    "donné à {other}",
    "said.refusal.site_exists": "le site {code} existe déjà",
    "said.refusal.customer_exists": "le client final {code} existe déjà",
    "said.refusal.plan_stale": "le plan {id} n'est plus à jour : {changes} ; planifiez de nouveau",
    "said.refusal.plan_empty": "le plan {id} ne collecte rien et ne confie rien à un transporteur "
    ": {why}",
    "said.refusal.region_codes": "nommez les pays de la région par leurs codes ISO, par ex. FR ou "
    "FR,BE",
    "said.refusal.region_hub": "aucun hub de retours en {countries} : les hubs de la région sont "
    "les dépôts de ses collectes",
    "said.refusal.no_fleet": "aucun véhicule de {file} n'est basé à {codes} : donnez une flotte à "
    "ces hubs",
    "said.refusal.fleet_vehicle": "{file} : flotte de {site} : {vehicle} n'est pas un véhicule "
    "[[fleet]] du fichier des transporteurs (connus : {known})",
    "said.refusal.region": "région {region} : {why}",
    "said.refusal.fleet_country": "{file} : hubs.{site}.fleet : {vehicle} ne roule pas en "
    "{country}, le pays de {other}",
    "said.refusal.plan_seconds": "seconds = {raw} doit être supérieur à 0 et au plus {top}, la "
    "plus longue recherche que ce serveur permet",
    "said.refusal.plan_seed": "seed = {raw} ne doit pas être négatif",
    "said.refusal.plan_changed": "pendant la recherche du plan, ce qu'il collecte a changé : "
    "{changes} ; rien n'a été enregistré : planifiez de nouveau",
    "said.refusal.not_utf8": "ligne {line} : ce n'est pas du texte UTF-8 (octet {at} de la ligne) "
    ": enregistrez le fichier en UTF-8",
    "said.refusal.not_csv": "ligne {line} : illisible en CSV : {detail}",
    "said.refusal.imported_meanwhile": "order_ref importé(s) entre-temps : {refs}",
    "said.refusal.changed_while_checked": "{what_changed} {names} : modifié(s) pendant la "
    "vérification du fichier : rien n'a été importé ; importez de nouveau le fichier",
    "said.refusal.no_product_sku": "ligne {line} : aucun produit avec le SKU {code}",
    "said.refusal.bad_rows": "{n} ligne(s) incorrecte(s) : rien n'est importé",
    "said.refusal.no_route_open": "aucune filière n'est ouverte à l'unité {lpn} : voyez son "
    "explication",
    "said.refusal.no_inspection": "l'unité {lpn} n'a pas d'inspection : classez-la d'abord",
    "said.refusal.must_be_table": "{what} : doit être une table",
    "said.refusal.unknown_keys": "{what} a des clés inconnues : {names}",
    "said.refusal.sites_table": "[sites] doit être une table",
    "said.refusal.sites_unknown": "[sites] nomme des sites inconnus : {names}",
    "said.refusal.override_reason": "passer outre une décision demande un motif",
    "said.refusal.describe_item": "décrivez l'article pour que quelqu'un puisse l'identifier",
    "said.refusal.changed_meanwhile": "{what_changed} : modifié par d'autres requêtes au même "
    "moment, {n} fois de suite ; rien n'a été écrit : réessayez",
    "said.refusal.label_authorised": "le retour {rma} est à l'état « {state} » : une étiquette "
    "n'est émise que pour un retour autorisé",
    "said.refusal.label_not_booked": "le colis du retour {rma} n'est pas encore réservé : "
    "réservez d'abord son étiquette",
    "said.refusal.no_hub": "aucun hub de retours n'est prêt à recevoir des retours",
    "said.refusal.hub_no_returns": "{site} ne reçoit pas de retours",
    "said.refusal.may_not_see": "{login} ne peut pas voir {what}",
    "said.refusal.the_units_at": "les unités sur {site}",
    "said.refusal.goods_of_client": "les marchandises du client {client}",
    "said.refusal.what_is_at": "ce qui est sur {site}",
    "said.refusal.partner_no_returns": "le retour {rma} : un partenaire voit des unités, pas des "
    "retours",
    "said.refusal.session_ended": "la session a pris fin : connectez-vous de nouveau",
    "said.refusal.ship_none": "nommez au moins une unité à expédier",
    "said.refusal.units_twice": "unités nommées deux fois : {names}",
    "said.refusal.ship_one_site": "des unités expédiées ensemble doivent partir d'un même site ; "
    "celles-ci sont à {names}",
    "said.refusal.nothing_to_ship": "rien à expédier",
    "said.refusal.name_place": "nommez un code de site ou de client final, ou donnez country, lat "
    "et lon",
    "said.refusal.shipment_parcel": "un envoi a besoin d'au moins un colis",
    "said.refusal.service_cannot": "de {from_code} à {to_code} : {id} ne peut pas le prendre",
    "said.refusal.leg_refused": "de {from_code} à {to_code} : {why}",
    "said.refusal.no_destination": "le retour {rma} n'a pas encore de hub de destination : "
    "autorisez-le d'abord",
    "said.refusal.login_taken": "l'identifiant {login} est déjà pris",
    "said.refusal.first_administrator": "la base de données n'a pas encore d'administrateur : le "
    "premier utilisateur doit avoir le rôle administrateur",
    "said.refusal.last_administrator": "{login} est le dernier administrateur actif : nommez-en "
    "d'abord un autre",
    "said.refusal.hub_not_partner": "{site} est un hub de retours du réseau, pas le site d'un "
    "partenaire",
    "said.refusal.has_administrator": "la base de données a un administrateur : agissez en tant "
    "que tel pour ajouter des utilisateurs",
    "said.refusal.already_deactivated": "l'utilisateur {login} est déjà désactivé",
    "said.refusal.scan_empty": "le code scanné est vide",
    "said.refusal.scan_unknown": "ni un code-barres GS1 ni un LPN Revalo : {detail}",
    "said.refusal.scan_gs1": "pas une chaîne d'éléments GS1 valide : {detail}",
    "said.refusal.scan_neither": "le code-barres GS1 ne nomme ni un produit (AI 01) ni un colis "
    "(AI 00)",
    "said.refusal.client_exists": "le client {code} existe déjà",
    "said.refusal.leg_price": "{sku} de {from_code} à {to_code} : {why}",
    "said.refusal.sign_out_token": "se déconnecter met fin à la session d'un navigateur : un "
    "jeton se révoque",
}
