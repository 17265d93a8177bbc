"""Why a lane of units waiting at a site ships today or waits for a fuller load, as the
consolidation planner says it (``engines.transport.consolidation_planner``), and in French;
and why a carrier's service cannot take a shipment; recognised part by part ("; ", " + ")
by ``system_texts``."""

from __future__ import annotations

EN: dict[str, str] = {
    "said.lane.ship_now": "ship now ({load}, {cost}): {why}",
    "said.lane.shipping_now": "shipping now: {load}, {cost}",
    "said.lane.wait": "wait {span}: about {n} more unit(s) expected, then {load}",
    "said.lane.would_pay": "the {n} unit(s) here would pay {cost} instead of {price} now, saving "
    "{amount} against {value} of value loss",
    "said.lane.would_pay_co2": "the {n} unit(s) here would pay {cost} (cost + CO2 at {w} EUR/kg) "
    "instead of {price} now, saving {amount} against {value} of value loss",
    "said.lane.uncarried": "{n} unit(s) no service can carry",
    "said.lane.due": "{id} must leave by {by}, its due date",
    "said.lane.due_more": "{id} must leave by {by}, its due date (and {n} more unit(s))",
    "said.lane.waited": "{id} has waited {days} days, the longest allowed is {after}",
    "said.lane.waited_more": "{id} has waited {days} days, the longest allowed is {after} (and "
    "{n} more unit(s))",
    "said.lane.no_load": "no service could carry the expected units, so waiting fills no load",
    "said.lane.no_inflow": "no further unit is expected within {span} (inflow {rate} a day)",
    "said.lane.not_lower": "waiting {span} (about {n} more unit(s)) would not lower their "
    "transport cost ({cost} against {price} now)",
    "said.lane.not_lower_co2": "waiting {span} (about {n} more unit(s)) would not lower their "
    "transport cost ({cost} against {price} now (cost + CO2 at {w} EUR/kg))",
    "said.lane.save_only": "waiting {span} (about {n} more unit(s)) would save only {net} net, "
    "less than the {limit} margin",
    "said.lane.save": "waiting {span} (about {n} more unit(s)) would save {amount} of transport "
    "against {value} of value loss",
    "said.lane.save_co2": "waiting {span} (about {n} more unit(s)) would save {amount} of "
    "transport (cost + CO2 at {w} EUR/kg) against {value} of value loss",
    "said.lane.no_service_any": "no service can carry any of the {n} units: {why}",
    "said.lane.days": "{days} days",
    "said.lane.day": "1 day",
    "said.lane.together": "{n} units together by {id}",
    "said.lane.together_one": "1 unit together by {id}",
    "said.lane.alone": "1 unit on its own by {id}",
    "said.lane.one_by_one": "{n} units one by one by {id}",
    "said.lane.one_by_one_mixed": "{n} units one by one ({counts})",
    "said.lane.count_by": "{n} by {id}",
    # why a carrier service cannot take a shipment
    "said.lane.none_carries": "no service can carry it: {refused}",
    "said.lane.no_serve": "does not serve {from_code} to {to_code}",
    "said.lane.weighs": "parcel {n} weighs {a} kg, over the {b} kg limit",
    "said.lane.long": "parcel {n} is {a} cm long, over the {b} cm limit",
    "said.lane.girth": "parcel {n} measures {a} cm length + girth, over the {b} cm limit",
    "said.lane.chargeable": "parcel {n} has a chargeable weight of {a} kg, above the last weight "
    "break ({b} kg)",
    "said.lane.pallets": "needs {n} pallets, over the {b} pallet limit",
    "said.lane.capacity_kg": "{a} kg is over the {b} kg capacity",
    "said.lane.capacity_m3": "{a} m3 is over the {b} m3 capacity",
    "said.lane.no_lithium": "does not accept lithium batteries (dangerous goods)",
    "said.lane.no_bulky": "does not carry bulky items (no two-person delivery)",
    "said.lane.no_damaged_lithium": "does not carry damaged or defective lithium batteries (ADR "
    "special provision 376: packing P908 / LP904, not in ordinary parcel networks)",
    "said.lane.none_on_time": "no service arrives by {by}; earliest arrival {end}: {service}",
}

FR: dict[str, str] = {
    "said.lane.ship_now": "expédier maintenant ({load}, {cost}) : {why}",
    "said.lane.shipping_now": "en expédiant maintenant : {load}, {cost}",
    "said.lane.wait": "attendre {span} : environ {n} unité(s) de plus attendue(s), puis {load}",
    "said.lane.would_pay": "les {n} unité(s) ici paieraient {cost} au lieu de {price} maintenant, "
    "soit {amount} d'économie contre {value} de perte de valeur",
    "said.lane.would_pay_co2": "les {n} unité(s) ici paieraient {cost} (coût + CO2 à {w} EUR/kg) "
    "au lieu de {price} maintenant, soit {amount} d'économie contre {value} de perte de valeur",
    "said.lane.uncarried": "unité(s) qu'aucun service ne peut transporter : {n}",
    "said.lane.due": "{id} doit partir d'ici le {by}, sa date d'échéance",
    "said.lane.due_more": "{id} doit partir d'ici le {by}, sa date d'échéance (et {n} unité(s) de "
    "plus)",
    "said.lane.waited": "{id} a attendu {days} jours, le plus long permis est {after}",
    "said.lane.waited_more": "{id} a attendu {days} jours, le plus long permis est {after} (et "
    "{n} unité(s) de plus)",
    "said.lane.no_load": "aucun service ne pourrait transporter les unités attendues : attendre "
    "ne remplit aucun chargement",
    "said.lane.no_inflow": "aucune autre unité n'est attendue d'ici {span} (arrivées : {rate} par "
    "jour)",
    "said.lane.not_lower": "attendre {span} (environ {n} unité(s) de plus) ne baisserait pas leur "
    "coût de transport ({cost} contre {price} maintenant)",
    "said.lane.not_lower_co2": "attendre {span} (environ {n} unité(s) de plus) ne baisserait pas "
    "leur coût de transport ({cost} contre {price} maintenant (coût + CO2 à {w} EUR/kg))",
    "said.lane.save_only": "attendre {span} (environ {n} unité(s) de plus) n'économiserait que "
    "{net} net, moins que la marge de {limit}",
    "said.lane.save": "attendre {span} (environ {n} unité(s) de plus) économiserait {amount} de "
    "transport contre {value} de perte de valeur",
    "said.lane.save_co2": "attendre {span} (environ {n} unité(s) de plus) économiserait {amount} "
    "de transport (coût + CO2 à {w} EUR/kg) contre {value} de perte de valeur",
    "said.lane.no_service_any": "aucun service ne peut transporter l'une des {n} unités : {why}",
    "said.lane.days": "{days} jours",
    "said.lane.day": "1 jour",
    "said.lane.together": "{n} unités ensemble par {id}",
    "said.lane.together_one": "1 unité ensemble par {id}",
    "said.lane.alone": "1 unité seule par {id}",
    "said.lane.one_by_one": "{n} unités une par une par {id}",
    "said.lane.one_by_one_mixed": "{n} unités une par une ({counts})",
    "said.lane.count_by": "{n} par {id}",
    "said.lane.none_carries": "aucun service ne peut le transporter : {refused}",
    "said.lane.no_serve": "ne dessert pas de {from_code} à {to_code}",
    "said.lane.weighs": "le colis {n} pèse {a} kg, au-delà de la limite de {b} kg",
    "said.lane.long": "le colis {n} mesure {a} cm de long, au-delà de la limite de {b} cm",
    "said.lane.girth": "le colis {n} mesure {a} cm en longueur + pourtour, au-delà de la limite "
    "de {b} cm",
    "said.lane.chargeable": "le colis {n} a un poids taxable de {a} kg, au-dessus de la dernière "
    "tranche de poids ({b} kg)",
    "said.lane.pallets": "il faut {n} palettes, au-delà de la limite de {b} palettes",
    "said.lane.capacity_kg": "{a} kg dépassent la capacité de {b} kg",
    "said.lane.capacity_m3": "{a} m3 dépassent la capacité de {b} m3",
    "said.lane.no_lithium": "n'accepte pas les batteries au lithium (marchandises dangereuses)",
    "said.lane.no_bulky": "ne transporte pas d'articles volumineux (pas de livraison à deux "
    "personnes)",
    "said.lane.no_damaged_lithium": "ne transporte pas de batteries au lithium endommagées ou "
    "défectueuses (disposition spéciale ADR 376 : emballage P908 / LP904, hors des réseaux de "
    "colis ordinaires)",
    "said.lane.none_on_time": "aucun service n'arrive d'ici le {by} ; arrivée au plus tôt le "
    "{end} : {service}",
}
