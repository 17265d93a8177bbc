"""Why the resale's rules refuse (a channel's grades, a listing's words, prices and states),
in English as they say it, and in French; recognised and written again like the domain's
(``i18n_refusals``)."""

from __future__ import annotations

EN: dict[str, str] = {
    "said.refusal.channel_bad": "channel {id}: {reason}",
    "said.refusal.channel_rate": "{field} must be in [0, 1)",
    "said.refusal.channel_grade": "channel {id}: no sale grade {grade}",
    "said.refusal.channel_unnamed": "channel {id}: grade {grade} is accepted but has no name",
    "said.refusal.channel_negative": "channel {id}: fees and days must not be negative",
    "said.refusal.channel_takes": "{name} does not take grade {grade}; it takes {grades}",
    "said.refusal.channel_category": "{name} does not sell the category {what}",
    "said.refusal.listing_wording": "the {field} says {words}: a second-hand or refurbished "
    "item may not be described as new (décret 2022-190: no 'état neuf', 'comme neuf', "
    "'à neuf', 'as new', 'like new')",
    "said.refusal.listing_title": "a listing needs a title",
    "said.refusal.listing_floor": "the asking price {sum} EUR is below the floor {floor} EUR",
    "said.refusal.listing_closed": "the listing of {id} is {state}: it is closed",
    "said.refusal.listing_reprice": "the listing of {id} is {state}: only a draft or listed "
    "listing is repriced",
    "said.refusal.listing_below": "{sum} EUR is below the listing's floor of {floor} EUR",
    "said.refusal.listing_buyer": "a reservation names its buyer",
    "said.refusal.listing_unreserved": "the listing of {id} is not reserved",
    "said.refusal.listing_reserved": "the listing of {id} is reserved for {buyer}",
    "said.refusal.listing_negative": "a sale price must not be negative",
    "said.refusal.listing_reason": "withdrawing a listing needs a reason",
    "said.refusal.listing_photo": "{ref} is not a photo's file reference",
    "said.refusal.listing_open": "unit {id} has an open listing already",
    "said.refusal.listing_no_channel": "the decision on unit {id} names no channel: give one",
    "said.refusal.listing_uninspected": "unit {id} was never inspected",
    "said.refusal.listing_in_work": "unit {id} is {state}: it is put on sale once its work is "
    "done and it is in the graded stock",
    "said.refusal.listing_not_resale": "unit {id} is {state}: only a unit decided for resale, "
    "repair or refurbishment is listed",
    "said.refusal.no_channel": "no sales channel {id}; the channels are {ids}",
    "said.refusal.no_listing": "no listing {id}",
}

FR: dict[str, str] = {
    "said.refusal.channel_bad": "canal {id} : {reason}",
    "said.refusal.channel_rate": "{field} doit être dans [0, 1)",
    "said.refusal.channel_grade": "canal {id} : pas de grade de vente {grade}",
    "said.refusal.channel_unnamed": "canal {id} : le grade {grade} est accepté mais n'a pas de nom",
    "said.refusal.channel_negative": "canal {id} : les frais et les jours ne peuvent pas être "
    "négatifs",
    "said.refusal.channel_takes": "{name} ne prend pas le grade {grade} ; il prend {grades}",
    "said.refusal.channel_category": "{name} ne vend pas la catégorie {what}",
    "said.refusal.listing_wording": "le champ {field} dit {words} : un article d'occasion ou "
    "reconditionné ne peut pas être présenté comme neuf (décret 2022-190 : ni « état neuf », "
    "ni « comme neuf », ni « à neuf », ni « as new », ni « like new »)",
    "said.refusal.listing_title": "une annonce a besoin d'un titre",
    "said.refusal.listing_floor": "le prix demandé {sum} EUR est sous le plancher {floor} EUR",
    "said.refusal.listing_closed": "l'annonce de {id} est {state} : elle est close",
    "said.refusal.listing_reprice": "l'annonce de {id} est {state} : seule une annonce en "
    "brouillon ou en vente change de prix",
    "said.refusal.listing_below": "{sum} EUR est sous le plancher de l'annonce, {floor} EUR",
    "said.refusal.listing_buyer": "une réservation nomme son acheteur",
    "said.refusal.listing_unreserved": "l'annonce de {id} n'est pas réservée",
    "said.refusal.listing_reserved": "l'annonce de {id} est réservée pour {buyer}",
    "said.refusal.listing_negative": "un prix de vente ne peut pas être négatif",
    "said.refusal.listing_reason": "retirer une annonce demande une raison",
    "said.refusal.listing_photo": "{ref} n'est pas la référence du fichier d'une photo",
    "said.refusal.listing_open": "l'unité {id} a déjà une annonce ouverte",
    "said.refusal.listing_no_channel": "la décision sur l'unité {id} ne nomme aucun canal : "
    "donnez-en un",
    "said.refusal.listing_uninspected": "l'unité {id} n'a jamais été inspectée",
    "said.refusal.listing_in_work": "l'unité {id} est {state} : elle est mise en vente une "
    "fois son travail fait et rangée dans le stock des unités classées",
    "said.refusal.listing_not_resale": "l'unité {id} est {state} : seule une unité décidée "
    "pour la revente, la réparation ou le reconditionnement est mise en vente",
    "said.refusal.no_channel": "pas de canal de vente {id} ; les canaux sont {ids}",
    "said.refusal.no_listing": "pas d'annonce {id}",
}
