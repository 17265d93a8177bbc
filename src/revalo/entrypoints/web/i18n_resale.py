"""The labels of the resale (listings on the sales channels, the profitability of every
resale), in English and French; ``i18n`` adds them to its tables."""

from __future__ import annotations

EN: dict[str, str] = {
    "nav.resale": "Resale",
    "resale.title": "Listings",
    "resale.lead": "Units decided for resale, on sale on the channels at the value model's "
    "price, repriced as they age, never below the channel's floor.",
    "resale.channel": "Channel",
    "resale.status": "Status",
    "resale.all": "All",
    "resale.profitability": "Profitability of every resale",
    "resale.listings": "{n} listing(s)",
    "resale.listing": "Listing",
    "resale.condition": "Condition",
    "resale.asking": "Asking price",
    "resale.floor": "Floor",
    "resale.reference": "Value model's price",
    "resale.none": "No listing.",
    "resale.sold_for": "Sold for",
    "resale.fees": "Fees",
    "resale.reason": "Reason",
    "resale.history": "Price history",
    "resale.when": "When",
    "resale.price": "Price",
    "resale.by": "By",
    "resale.actions": "Actions",
    "resale.publish": "Put on sale",
    "resale.reprice": "Reprice",
    "resale.buyer": "Buyer",
    "resale.sell": "Record the sale",
    "resale.withdraw": "Withdraw",
    "resale.published_flash": "Listing {id} is on sale.",
    "resale.repriced_flash": "Listing {id} repriced.",
    "resale.sold_flash": "Listing {id} sold: the unit has left the stock.",
    "resale.withdrawn_flash": "Listing {id} withdrawn.",
    "resale.no_price": "Give a price.",
    "resale.profit_lead": "What each unit sold fetched, net of the channel's fees and of its "
    "processing, storage and transport, against the engine's expected net at decision time; "
    "a group is judged once {n} of the engine's decisions were sold in it.",
    "resale.off": "The engine's expectations are off by more than a quarter in {n} group(s): "
    "its recovery rates need tuning there.",
    "resale.off_here": "expectation off",
    "resale.learned": "What the value model learned from the sales",
    "resale.learned_lead": "Where {n} units or more of a channel, category and grade were "
    "sold, the share of the new price they fetched (taken back to the day each came back) "
    "prices the new listings and the engine's expected values there, instead of the "
    "configured rate.",
    "resale.learned_none": "No channel, category and grade has {n} sales yet: the configured "
    "rates hold everywhere.",
    "resale.learned_off": "The feedback is off (REVALO_RESALE_FEEDBACK_MIN_SALES=0): the "
    "configured rates hold everywhere.",
    "resale.observed_rate": "Observed rate",
    "resale.configured_rate": "Configured rate",
    "resale.rate_change": "Change",
    "resale.units_sold": "{n} unit(s) sold",
    "resale.week": "Week",
    "resale.category": "Category",
    "resale.grade": "Grade",
    "resale.units": "Units",
    "resale.fetched": "Fetched",
    "resale.costs": "Costs",
    "resale.net": "Net",
    "resale.expected": "Expected",
    "resale.none_sold": "No unit sold yet.",
    "perm.manage_listings": "list units for sale on the channels, edit, reprice, reserve and "
    "withdraw their listings",
    "perm.view_listings": "see the listings, their price history and the channels' feeds",
    "perm.view_profitability": "see what every resale fetched net of its costs, against the "
    "engine's expectation",
}

FR: dict[str, str] = {
    "nav.resale": "Revente",
    "resale.title": "Annonces",
    "resale.lead": "Les unités décidées pour la revente, en vente sur les canaux au prix du "
    "modèle de valeur, dont le prix baisse avec l'âge, jamais sous le plancher du canal.",
    "resale.channel": "Canal",
    "resale.status": "Statut",
    "resale.all": "Tous",
    "resale.profitability": "Rentabilité de chaque revente",
    "resale.listings": "{n} annonce(s)",
    "resale.listing": "Annonce",
    "resale.condition": "État",
    "resale.asking": "Prix demandé",
    "resale.floor": "Plancher",
    "resale.reference": "Prix du modèle de valeur",
    "resale.none": "Aucune annonce.",
    "resale.sold_for": "Vendue",
    "resale.fees": "Frais",
    "resale.reason": "Raison",
    "resale.history": "Historique des prix",
    "resale.when": "Quand",
    "resale.price": "Prix",
    "resale.by": "Par",
    "resale.actions": "Actions",
    "resale.publish": "Mettre en vente",
    "resale.reprice": "Changer le prix",
    "resale.buyer": "Acheteur",
    "resale.sell": "Enregistrer la vente",
    "resale.withdraw": "Retirer",
    "resale.published_flash": "L'annonce {id} est en vente.",
    "resale.repriced_flash": "Le prix de l'annonce {id} a changé.",
    "resale.sold_flash": "Annonce {id} vendue : l'unité a quitté le stock.",
    "resale.withdrawn_flash": "Annonce {id} retirée.",
    "resale.no_price": "Donnez un prix.",
    "resale.profit_lead": "Ce que chaque unité vendue a rapporté, net des frais du canal et de "
    "son traitement, de son stockage et de son transport, face au net prévu par le moteur au "
    "moment de la décision ; un groupe est jugé dès que {n} décisions du moteur y sont vendues.",
    "resale.off": "Les prévisions du moteur sont décalées de plus d'un quart dans {n} "
    "groupe(s) : ses taux de récupération sont à ajuster là.",
    "resale.off_here": "prévision décalée",
    "resale.learned": "Ce que le modèle de valeur a appris des ventes",
    "resale.learned_lead": "Là où {n} unités ou plus d'un canal, d'une catégorie et d'un grade "
    "ont été vendues, la part du prix neuf qu'elles ont rapportée (ramenée au jour du retour "
    "de chacune) fixe le prix des nouvelles annonces et la valeur attendue par le moteur, au "
    "lieu du taux configuré.",
    "resale.learned_none": "Aucun canal, catégorie et grade ne compte encore {n} ventes : les "
    "taux configurés valent partout.",
    "resale.learned_off": "Le retour des prix observés est désactivé "
    "(REVALO_RESALE_FEEDBACK_MIN_SALES=0) : les taux configurés valent partout.",
    "resale.observed_rate": "Taux observé",
    "resale.configured_rate": "Taux configuré",
    "resale.rate_change": "Écart",
    "resale.units_sold": "{n} unité(s) vendue(s)",
    "resale.week": "Semaine",
    "resale.category": "Catégorie",
    "resale.grade": "Grade",
    "resale.units": "Unités",
    "resale.fetched": "Obtenu",
    "resale.costs": "Coûts",
    "resale.net": "Net",
    "resale.expected": "Prévu",
    "resale.none_sold": "Aucune unité vendue pour l'instant.",
    "perm.manage_listings": "mettre des unités en vente sur les canaux, modifier, repricer, "
    "réserver et retirer leurs annonces",
    "perm.view_listings": "voir les annonces, l'historique de leurs prix et les flux des canaux",
    "perm.view_profitability": "voir ce que chaque revente a rapporté net de ses coûts, face à "
    "la prévision du moteur",
}

VALUES_EN: dict[str, str] = {
    "draft": "draft",
    "reserved": "reserved",
    "withdrawn": "withdrawn",
    "first price": "first price",
    "aged": "repriced as it aged",
    "by hand": "set by hand",
}

VALUES_FR: dict[str, str] = {
    "draft": "brouillon",
    "reserved": "réservée",
    "withdrawn": "retirée",
    "first price": "premier prix",
    "aged": "baissé avec l'âge",
    "by hand": "fixé à la main",
}
