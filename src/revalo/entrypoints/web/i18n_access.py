"""What each permission allows, as the permission table of the pages says it (the English
is the domain's own description, ``domain.people.PERMISSION_DESCRIPTIONS``)."""

from __future__ import annotations

EN: dict[str, str] = {
    "perm.receive": "receive a unit (scan it in, or quarantine an unidentified item)",
    "perm.quarantine": "put a unit in quarantine",
    "perm.release": "release a unit from quarantine",
    "perm.inspect": "inspect and grade a unit",
    "perm.move": "move a unit between locations of a site",
    "perm.start_work_order": "start a work order (test, clean, wipe, repair, refurbish)",
    "perm.finish_work_order": "record a work order's labour, results and parts, and finish it "
    "(done or failed)",
    "perm.decide_disposition": "decide what becomes of a unit",
    "perm.override_disposition": "override a disposition already decided",
    "perm.accept_decisions": "accept the day's batch of proposed decisions",
    "perm.dispatch": "dispatch a unit along the route decided for it",
    "perm.sell": "record the sale of a listed unit",
    "perm.record_proceeds": "record the money a unit brought after it left",
    "perm.request_return": "create a return request",
    "perm.authorise_return": "authorise a return request",
    "perm.reject_return": "reject a return request",
    "perm.import_returns": "import return requests from a file",
    "perm.quote": "ask the carriers' prices for a shipment",
    "perm.book_label": "book a carrier for a return's label",
    "perm.ship": "ship units to another site (books a carrier)",
    "perm.book_outbound": "book the consolidated outbound shipments of a site",
    "perm.plan_collections": "plan a day's collections",
    "perm.commit_collection_plan": "commit a collection plan (books its pickups)",
    "perm.view_returns": "see return requests",
    "perm.view_units": "see units, their timeline and journey",
    "perm.view_stock": "see the stock of the sites",
    "perm.view_work_orders": "see work orders",
    "perm.view_decisions": "see the decision queue and why the engine proposes a route",
    "perm.view_collections": "see collection plans and what waits for a pickup",
    "perm.view_catalogue": "see products, sites and the network map",
    "perm.view_customers": "see customers (names and addresses)",
    "perm.view_dashboard": "see the dashboard",
    "perm.view_reports": "see the reports",
    "perm.view_costs": "see the cost ledger and its analysis (transport, handling, work, "
    "storage, fees, what units brought back)",
    "perm.set_cost_targets": "set and remove the targets of cost per return, km per unit, days "
    "in stock and share recovered",
    "perm.plan_capacities": "set the sites' weekly hours per skill and storage places, and the "
    "channels' weekly demand per product category with its price steps",
    "perm.export_units": "export units to a file",
    "perm.manage_products": "add and change products",
    "perm.manage_sites": "add and change sites",
    "perm.manage_customers": "add and change customers",
    "perm.manage_clients": "add and deactivate the client firms whose returns are handled",
    "perm.manage_users": "add, change and deactivate users",
    "perm.manage_tokens": "create, see and revoke other users' API tokens",
    "perm.view_audit": "see the audit trail",
    "perm.plan_network": "plan the network: compare scenarios of sites to open and where "
    "returns go",
}

FR: dict[str, str] = {
    "perm.receive": "réceptionner une unité (la scanner, ou mettre en quarantaine un article "
    "non identifié)",
    "perm.quarantine": "mettre une unité en quarantaine",
    "perm.release": "sortir une unité de quarantaine",
    "perm.inspect": "inspecter et classer une unité",
    "perm.move": "déplacer une unité entre les emplacements d'un site",
    "perm.start_work_order": "commencer un ordre de travail (test, nettoyage, effacement, "
    "réparation, reconditionnement)",
    "perm.finish_work_order": "noter le temps, les résultats et les pièces d'un ordre de "
    "travail, et le terminer (fait ou échoué)",
    "perm.decide_disposition": "décider du devenir d'une unité",
    "perm.override_disposition": "corriger une filière déjà décidée",
    "perm.accept_decisions": "accepter les décisions proposées pour la journée",
    "perm.dispatch": "faire partir une unité par la filière décidée pour elle",
    "perm.sell": "enregistrer la vente d'une unité en vente",
    "perm.record_proceeds": "enregistrer ce qu'une unité a rapporté après son départ",
    "perm.request_return": "créer une demande de retour",
    "perm.authorise_return": "autoriser une demande de retour",
    "perm.reject_return": "refuser une demande de retour",
    "perm.import_returns": "importer des demandes de retour depuis un fichier",
    "perm.quote": "demander les prix des transporteurs pour un envoi",
    "perm.book_label": "réserver un transporteur pour l'étiquette d'un retour",
    "perm.ship": "expédier des unités vers un autre site (réserve un transporteur)",
    "perm.book_outbound": "réserver les départs groupés d'un site",
    "perm.plan_collections": "planifier les collectes d'une journée",
    "perm.commit_collection_plan": "valider un plan de collecte (réserve ses enlèvements)",
    "perm.view_returns": "voir les demandes de retour",
    "perm.view_units": "voir les unités, leur historique et leurs trajets",
    "perm.view_stock": "voir le stock des sites",
    "perm.view_work_orders": "voir les ordres de travail",
    "perm.view_decisions": "voir la file de décision et pourquoi le moteur propose une filière",
    "perm.view_collections": "voir les plans de collecte et les enlèvements qui attendent",
    "perm.view_catalogue": "voir les produits, les sites et la carte du réseau",
    "perm.view_customers": "voir les clients (noms et adresses)",
    "perm.view_dashboard": "voir le tableau de bord",
    "perm.view_reports": "voir les rapports",
    "perm.view_costs": "voir le registre des coûts et son analyse (transport, manutention, "
    "travaux, stockage, commissions, ce que les unités ont rapporté)",
    "perm.set_cost_targets": "fixer et retirer les objectifs de coût par retour, de km par "
    "unité, de jours en stock et de part récupérée",
    "perm.plan_capacities": "fixer les heures hebdomadaires des sites par compétence et leurs "
    "places de stockage, et la demande hebdomadaire des canaux par catégorie de produits "
    "avec ses paliers de prix",
    "perm.export_units": "exporter les unités dans un fichier",
    "perm.manage_products": "ajouter et modifier des produits",
    "perm.manage_sites": "ajouter et modifier des sites",
    "perm.manage_customers": "ajouter et modifier des clients",
    "perm.manage_clients": "ajouter et désactiver les entreprises clientes dont les retours "
    "sont traités",
    "perm.manage_users": "ajouter, modifier et désactiver des utilisateurs",
    "perm.manage_tokens": "créer, voir et révoquer les jetons d'API des autres utilisateurs",
    "perm.view_audit": "voir le journal d'audit",
    "perm.plan_network": "planifier le réseau : comparer des scénarios de sites à ouvrir et "
    "de destination des retours",
}
