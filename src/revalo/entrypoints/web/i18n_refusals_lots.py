"""Why the rules of B2B lots and harvested parts refuse, in English as they say it, and in
French; recognised and written again like the domain's (``i18n_refusals``)."""

from __future__ import annotations

EN: dict[str, str] = {
    "said.refusal.lot_unit_listed": "unit {lpn} has an open listing: withdraw it before the unit "
    "goes in a lot",
    "said.refusal.listing_in_lot": "unit {lpn} is in lot {lot}: it is sold with the lot",
    "said.refusal.lot_no_vat": "no VAT rate known for {country}, the seller's country",
    "said.refusal.lot_category": "a lot needs a product category",
    "said.refusal.lot_grade": "a lot's grade is one of {grades}, not {text}",
    "said.refusal.lot_add_closed": "Lot {lot} is {state}: units are added only while it is open",
    "said.refusal.lot_remove_closed": "Lot {lot} is {state}: units are removed only while it is "
    "open",
    "said.refusal.lot_other_site": "unit {lpn} is at {site}, lot {lot} at {other}",
    "said.refusal.lot_category_only": "unit {lpn} is a {kind}: lot {lot} holds {target} only",
    "said.refusal.lot_grade_only": "unit {lpn} is graded {grade}: lot {lot} holds grade "
    "{lot_grade} only",
    "said.refusal.lot_taken": "unit {lpn} is in lot {lot} already",
    "said.refusal.lot_leaves_with_it": "unit {lpn} is in lot {lot}: it leaves with it",
    "said.refusal.lot_full": "lot {lot} has {n} units, the most a lot has",
    "said.refusal.lot_not_in": "unit {lpn} is not in lot {lot}",
    "said.refusal.lot_offers_closed": "Lot {lot} is {state}: it takes offers only while it is open",
    "said.refusal.lot_buyer_kind": "{site} is a {kind}: lots are sold to outlets and resale "
    "partners",
    "said.refusal.lot_empty": "lot {lot} has no unit: add its units before selling it",
    "said.refusal.lot_offer_closed": "offer {id} is not an open offer on lot {lot}",
    "said.refusal.lot_below_reserve": "offer {id} of {sum} EUR is below lot {lot}'s reserve of "
    "{reserve} EUR",
    "said.refusal.lot_better_offer": "offer {id} of {sum} EUR is better than offer {other_id}: "
    "accept the best offer",
    "said.refusal.lot_no_price": "lot {lot} has no price: accept an offer first",
    "said.refusal.lot_no_invoice": "lot {lot} is not sold: it has no invoice yet",
    "said.refusal.lot_reserve_range": "the reserve price must be more than 0 and at most {most} "
    "EUR",
    "said.refusal.lot_offer_range": "an offer must be more than 0 and at most {most} EUR",
    "said.refusal.lot_no_stock": "{site} holds no stock: a lot is made where its units are",
    "said.refusal.lot_no_offer": "lot {lot} has no offer {id}",
    "said.refusal.lot_ship_state": "lot {lot} is {state}: only a sold lot is shipped",
    "said.refusal.lot_unknown": "no lot {id}",
    "said.refusal.lot_unit_no_product": "unit {lpn} has no product",
    "said.refusal.lot_name_units": "name at least one unit",
    "said.refusal.lot_ready_only": "unit {lpn} is {state}: only a ready unit is sold in a lot",
    "said.refusal.parts_unknown_kinds": "a {kind} has no {named}: its parts are {listed}",
    "said.refusal.parts_grade_all": "grade every part: {named} not graded",
    "said.refusal.parts_grade_value": "part {part_kind}: grade {text} is not one of A, B, C, D",
    "said.refusal.parts_move": "a part's move needs an origin or a destination",
    "said.refusal.parts_not_in_stock": "part {part} is {state}: it is not in stock",
    "said.refusal.parts_in_stock": "part {part} is in stock at {place} already",
    "said.refusal.parts_price": "a part's price must be zero or more EUR",
    "said.refusal.parts_buyer": "a part's sale needs its buyer",
    "said.refusal.parts_number": "{text} is not a part's number (PRT and 9 digits)",
    "said.refusal.parts_no_bill": "a {kind} has no bill of parts: nothing is harvested from it",
    "said.refusal.parts_ready_only": "unit {lpn} is {state}: only a ready unit is harvested",
    "said.refusal.parts_route": "unit {lpn} is decided for {route}: only a unit decided for its "
    "parts is harvested",
    "said.refusal.parts_order_site": "work order {id} is not at {site}",
    "said.refusal.parts_fitting_kind": "work order {id} is a {kind}: parts are fitted by a repair "
    "or a refurbishment",
    "said.refusal.parts_none_harvested": "no harvested {part_kind} of {sku} in stock at {site}: "
    "give the cost of a new one",
    "said.refusal.parts_unknown": "no part {part}",
}

FR: dict[str, str] = {
    "said.refusal.lot_unit_listed": "l'unité {lpn} a une annonce ouverte : retirez-la avant de "
    "mettre l'unité dans un lot",
    "said.refusal.listing_in_lot": "l'unité {lpn} est dans le lot {lot} : elle est vendue avec le "
    "lot",
    "said.refusal.lot_no_vat": "aucun taux de TVA connu pour {country}, le pays du vendeur",
    "said.refusal.lot_category": "un lot a besoin d'une catégorie de produits",
    "said.refusal.lot_grade": "la note d'un lot est l'une de {grades}, pas {text}",
    "said.refusal.lot_add_closed": "le lot {lot} est {state} : on n'y ajoute des unités que tant "
    "qu'il est ouvert",
    "said.refusal.lot_remove_closed": "le lot {lot} est {state} : on n'en retire des unités que "
    "tant qu'il est ouvert",
    "said.refusal.lot_other_site": "l'unité {lpn} est à {site}, le lot {lot} à {other}",
    "said.refusal.lot_category_only": "l'unité {lpn} est de la catégorie {kind} : le lot "
    "{lot} ne contient que {target}",
    "said.refusal.lot_grade_only": "l'unité {lpn} est notée {grade} : le lot {lot} ne contient que "
    "la note {lot_grade}",
    "said.refusal.lot_taken": "l'unité {lpn} est déjà dans le lot {lot}",
    "said.refusal.lot_leaves_with_it": "l'unité {lpn} est dans le lot {lot} : elle part avec lui",
    "said.refusal.lot_full": "le lot {lot} a {n} unités, le plus qu'un lot puisse avoir",
    "said.refusal.lot_not_in": "l'unité {lpn} n'est pas dans le lot {lot}",
    "said.refusal.lot_offers_closed": "le lot {lot} est {state} : il ne reçoit d'offres que tant "
    "qu'il est ouvert",
    "said.refusal.lot_buyer_kind": "{site} est de type {kind} : les lots se vendent aux "
    "magasins de déstockage et aux partenaires revendeurs",
    "said.refusal.lot_empty": "le lot {lot} n'a aucune unité : ajoutez-en avant de le vendre",
    "said.refusal.lot_offer_closed": "l'offre {id} n'est pas une offre ouverte sur le lot {lot}",
    "said.refusal.lot_below_reserve": "l'offre {id} de {sum} EUR est sous le prix de réserve du "
    "lot {lot}, {reserve} EUR",
    "said.refusal.lot_better_offer": "l'offre {id} de {sum} EUR est meilleure que l'offre "
    "{other_id} : acceptez la meilleure offre",
    "said.refusal.lot_no_price": "le lot {lot} n'a pas de prix : acceptez d'abord une offre",
    "said.refusal.lot_no_invoice": "le lot {lot} n'est pas vendu : il n'a pas encore de facture",
    "said.refusal.lot_reserve_range": "le prix de réserve doit être supérieur à 0 et d'au plus "
    "{most} EUR",
    "said.refusal.lot_offer_range": "une offre doit être supérieure à 0 et d'au plus {most} EUR",
    "said.refusal.lot_no_stock": "{site} n'a pas de stock : un lot se constitue là où sont ses "
    "unités",
    "said.refusal.lot_no_offer": "le lot {lot} n'a pas d'offre {id}",
    "said.refusal.lot_ship_state": "le lot {lot} est {state} : seul un lot vendu est expédié",
    "said.refusal.lot_unknown": "aucun lot {id}",
    "said.refusal.lot_unit_no_product": "l'unité {lpn} n'a pas de produit",
    "said.refusal.lot_name_units": "indiquez au moins une unité",
    "said.refusal.lot_ready_only": "l'unité {lpn} est {state} : seule une unité prête se vend en "
    "lot",
    "said.refusal.parts_unknown_kinds": "un produit {kind} n'a pas de {named} : ses pièces "
    "sont {listed}",
    "said.refusal.parts_grade_all": "notez chaque pièce : {named} non notée(s)",
    "said.refusal.parts_grade_value": "pièce {part_kind} : la note {text} n'est pas A, B, C ou D",
    "said.refusal.parts_move": "un mouvement de pièce a besoin d'une origine ou d'une destination",
    "said.refusal.parts_not_in_stock": "la pièce {part} est {state} : elle n'est pas en stock",
    "said.refusal.parts_in_stock": "la pièce {part} est déjà en stock à {place}",
    "said.refusal.parts_price": "le prix d'une pièce est de zéro EUR ou plus",
    "said.refusal.parts_buyer": "la vente d'une pièce a besoin de son acheteur",
    "said.refusal.parts_number": "{text} n'est pas un numéro de pièce (PRT et 9 chiffres)",
    "said.refusal.parts_no_bill": "un produit {kind} n'a pas de nomenclature de pièces : rien "
    "n'en est récupéré",
    "said.refusal.parts_ready_only": "l'unité {lpn} est {state} : seule une unité prête est "
    "démontée",
    "said.refusal.parts_route": "l'unité {lpn} est destinée à {route} : seule une unité destinée "
    "à ses pièces est démontée",
    "said.refusal.parts_order_site": "l'ordre de travail {id} n'est pas à {site}",
    "said.refusal.parts_fitting_kind": "l'ordre de travail {id} est de type {kind} : les pièces "
    "se montent lors d'une réparation ou d'un reconditionnement",
    "said.refusal.parts_none_harvested": "aucune pièce {part_kind} récupérée sur {sku} en stock à "
    "{site} : donnez le coût d'une neuve",
    "said.refusal.parts_unknown": "aucune pièce {part}",
}
