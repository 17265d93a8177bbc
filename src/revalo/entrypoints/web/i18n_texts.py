"""What Revalo itself writes into its records (a unit's events, a quarantine, the return
policy's answer, the engine's reasons, a scan's outcome), as the pages show it. The English
is the domain's own wording; ``system_texts`` recognises it and shows the French."""

from __future__ import annotations

EN: dict[str, str] = {
    # a unit's events
    "said.received_at": "received at {site}",
    "said.graded": "graded {f}/{c} (functional/cosmetic)",
    "said.work_ready": "{kind} done; ready to leave",
    "said.work_started": "{kind} started",
    "said.work_done": "{kind} done",
    "said.work_failed": "{kind} failed",
    "said.shipped": "shipped from {origin} to {site}",
    "said.arrived": "arrived at {site}",
    "said.left_to": "{route}: {state} to {site}",
    "said.left": "{route}: {state}",
    "said.sold_for": "sold for {price}",
    "said.sold": "sold",
    "said.proceeds": "{amount} received",
    "said.released": "released",
    "said.moved": "moved",
    "said.chosen": "{route} chosen",
    "said.engine": "engine: {option}, expected net recovery {net}",
    "said.option": "{route}",
    "said.option_at": "{route} at {site}",
    "said.option_on": "{route} on {channel}",
    "said.option_at_on": "{route} at {site} on {channel}",
    "said.reviewed": "reviewed: authorised",
    # quarantines and scans
    "said.lpn_unknown": "LPN {lpn} is not in Revalo",
    "said.parcel_unknown": "parcel SSCC {sscc}: no return expects it; open it and identify what "
    "is inside",
    "said.gtin_unknown": "unknown product: no product has GTIN {gtin}",
    "said.unidentified": "unidentified: {description}",
    "said.unexpected": "unexpected: no open return expects {what}",
    "said.unexpected_rma": "unexpected: return {rma} does not expect {what}",
    "said.misrouted": "unexpected: no return bound for {site} expects {what}; returns bound for "
    "{elsewhere} do: check where it should have gone",
    "said.item_serial": "{name} (GTIN {gtin}, serial {serial})",
    "said.item": "{name} (GTIN {gtin})",
    "said.scan_quarantined": "{lpn} quarantined: {why}",
    "said.scan_received": "{lpn} received for return {rma} line {line}",
    "said.scan_arrived": "{lpn} arrived at {site}",
    "said.scan_again": "{lpn} was already received; it is at {where}",
    "said.scan_left": "left the stock ({state})",
    "said.scan_parcel": "parcel {sscc} of return {rma}: open it and scan each item",
    "said.scan_consignment": "consignment {reference} (SSCC {sscc}) from {site}: open it and "
    "scan the licence plate of each of its {n} unit(s)",
    # the return policy's answers, line by line
    "said.policy_value": "line {line}: value {value} is above the review threshold of {limit}",
    "said.policy_business": "line {line}: a business return for '{reason}' is not covered by "
    "consumer law: check the contract",
    "said.policy_contract": "line {line}: business return ({reason}) under contract",
    "said.policy_seller": "line {line}: {reason}: the seller's error",
    "said.policy_no_date": "line {line}: no delivery date: the deadlines cannot be checked",
    "said.policy_withdrawal": "line {line}: within the {days}-day withdrawal period (Directive "
    "2011/83/EU art. 9)",
    "said.policy_late": "line {line}: the {days}-day withdrawal period ended on {end} ({after} "
    "days after delivery)",
    "said.policy_conformity": "line {line}: lack of conformity within the legal guarantee of "
    "{days} days (Directive (EU) 2019/771)",
    "said.policy_guarantee_over": "line {line}: the legal guarantee of {days} days has ended: a "
    "goodwill decision",
    "said.policy_review": "line {line}: reason '{reason}' needs a person's review",
    # the carrier service chosen for a consignment
    "said.choice": "cheapest of {n} services: {service}",
    "said.choice_by": "cheapest of {n} services arriving by {by}: {service}",
    "said.choice_co2": "lowest cost + CO2 of {n} services: {service}",
    "said.choice_co2_by": "lowest cost + CO2 of {n} services arriving by {by}: {service}",
    "said.next": "next {service}",
    "said.late": "{n} would arrive late",
    "said.late_cheaper": "{n} would arrive late ({cheaper} cheaper)",
    "said.cannot_carry": "{n} cannot carry it",
    "said.service": "{id} ({carrier}) {cost}, {days} d, {co2} kg CO2e",
    "said.service_score": "{id} ({carrier}) {cost}, {days} d, {co2} kg CO2e, score {score}",
    "said.collected": "collected by {vehicle} from {hub} on {by} ({plan}, trip {trip}, arrival "
    "{time}); its share by mass of the route's km, cost and CO2e",
    # a collection plan's pickups that wait
    "said.no_vehicle": "no vehicle can collect it: {why}",
    "said.not_driving": "{vehicle} does not drive in {country}",
    "said.no_lithium": "{vehicle} does not accept lithium batteries",
    "said.not_bulky": "{vehicle} does not carry bulky items",
    "said.window": "{vehicle} cannot reach it before its window closes",
    "said.back": "{vehicle} cannot be back at {hub} before it closes",
    "said.shift": "{vehicle} cannot fit it in a {hours} h shift",
    "said.waits": "collecting it today would cost more than waiting one more day ({price})",
    "said.past_due": "pickup {rma} is past due but cannot be collected: {why}",
    "said.for_carrier": "{why}: it is left for a carrier",
    "said.no_vehicle_can": "no vehicle can: {why}",
    "said.handed": "handed to {id} by {plan}: {why}",
    "said.no_vehicle_carrier": "no vehicle can collect it ({why}): a carrier takes it for {price}",
    "said.no_route_today": "no route can take it today",
    "said.would_cost": "collecting it would cost {cost}",
    "said.it_waits": "{what}: it waits ({price} a day)",
    "said.due_carrier": "due {by}: {what}, a carrier takes it for {price}",
    "said.waits_for_route": "{what}, more than the carrier's {price}: it waits for a route that "
    "passes by until {by} ({value} a day), then goes by carrier",
    "said.basis_alone": "the route would not run without it",
    "said.basis_on_route": "saved by leaving it off its route",
    "said.basis_insertion": "cheapest insertion into a planned route",
    "said.basis_own_trip": "a trip of its own",
    "said.basis_none": "no route can take it today (loads, windows or shifts)",
    # why a route is closed to a unit (the rules of law and of the company, the partners)
    "said.rule_inspect": "the unit must be inspected and graded before a disposition",
    "said.rule_hazardous": "a unit flagged hazardous (a damaged or defective lithium battery, "
    "soiling...) may not go to {route}: it goes to a treatment site (recycle), back to its "
    "vendor, or is disposed of; a damaged lithium battery travels under ADR special provision "
    "376",
    "said.rule_apparel": "apparel, clothing accessories and footwear may not be destroyed (EU "
    "ESPR 2024/1781 art. 25)",
    "said.rule_apparel_recycled": "apparel, clothing accessories and footwear may be recycled "
    "only when damaged beyond repair (graded D) or hazardous (EU ESPR 2024/1781 art. 25 and its "
    "derogations); resell, donate or repair it instead",
    "said.rule_unsold": "unsold non-food products may be disposed of only when hazardous or "
    "unfit for any re-use or recycling (Code de l'environnement L541-15-8); recycle instead",
    "said.rule_weee": "{product} is WEEE (category {weee}): only a certified treatment facility "
    "may take it, and {site} is not certified (Directive 2012/19/EU)",
    "said.rule_restock": "only a unit graded A/A (working, as new) can be restocked as new",
    "said.rule_skills": "{site} does not handle the category {category}",
    "said.rule_vendor": "no return agreement with the vendor {site}",
    "said.rule_brand": "the agreement with {site} does not cover the brand {brand}",
    "said.rule_channel": "{market} does not take the category {category}",
    "said.rule_grade": "{market} does not take grade {f} items",
    "said.rule_volume": "{market} takes no more units today",
    "said.rule_tested": "'refurbished' needs all functions tested (décret 2022-190), and {site} "
    "has no test capacity",
    "said.rule_capacity": "{site} has no capacity for {kind} work",
    # why a unit awaits no decision
    "said.not_graded": "unit {lpn} is {state}: only graded units await a decision",
    "said.in_transit": "unit {lpn} is in transit to {site}: decide it when it arrives",
    "said.unidentified_unit": "unit {lpn} is not identified: identify its product first",
}

FR: dict[str, str] = {
    "said.received_at": "reçue à {site}",
    "said.graded": "classée {f}/{c} (fonctionnel/esthétique)",
    "said.work_ready": "{kind} : terminé ; prête à partir",
    "said.work_started": "{kind} : commencé",
    "said.work_done": "{kind} : terminé",
    "said.work_failed": "{kind} : échoué",
    "said.shipped": "expédiée de {origin} vers {site}",
    "said.arrived": "arrivée à {site}",
    "said.left_to": "{route} : {state}, vers {site}",
    "said.left": "{route} : {state}",
    "said.sold_for": "vendue {price}",
    "said.sold": "vendue",
    "said.proceeds": "{amount} reçus",
    "said.released": "libérée",
    "said.moved": "déplacée",
    "said.chosen": "{route} choisie",
    "said.engine": "moteur : {option}, valorisation nette attendue {net}",
    "said.option": "{route}",
    "said.option_at": "{route} chez {site}",
    "said.option_on": "{route} sur {channel}",
    "said.option_at_on": "{route} chez {site} sur {channel}",
    "said.reviewed": "examiné : autorisé",
    "said.lpn_unknown": "le LPN {lpn} n'est pas dans Revalo",
    "said.parcel_unknown": "colis SSCC {sscc} : aucun retour ne l'attend ; ouvrez-le et "
    "identifiez son contenu",
    "said.gtin_unknown": "produit inconnu : aucun produit n'a le GTIN {gtin}",
    "said.unidentified": "non identifié : {description}",
    "said.unexpected": "inattendu : aucun retour ouvert n'attend {what}",
    "said.unexpected_rma": "inattendu : le retour {rma} n'attend pas {what}",
    "said.misrouted": "inattendu : aucun retour destiné à {site} n'attend {what} ; des retours "
    "destinés à {elsewhere} l'attendent : vérifiez où il aurait dû aller",
    "said.item_serial": "{name} (GTIN {gtin}, n° de série {serial})",
    "said.item": "{name} (GTIN {gtin})",
    "said.scan_quarantined": "{lpn} en quarantaine : {why}",
    "said.scan_received": "{lpn} reçue pour le retour {rma}, ligne {line}",
    "said.scan_arrived": "{lpn} arrivée à {site}",
    "said.scan_again": "{lpn} a déjà été reçue ; elle est à {where}",
    "said.scan_left": "sortie du stock ({state})",
    "said.scan_parcel": "colis {sscc} du retour {rma} : ouvrez-le et scannez chaque article",
    "said.scan_consignment": "envoi {reference} (SSCC {sscc}) de {site} : ouvrez-le et "
    "scannez l'étiquette de chacune de ses {n} unité(s)",
    "said.policy_value": "ligne {line} : sa valeur de {value} dépasse le seuil d'examen de {limit}",
    "said.policy_business": "ligne {line} : un retour professionnel pour « {reason} » n'est pas "
    "couvert par le droit de la consommation : vérifiez le contrat",
    "said.policy_contract": "ligne {line} : retour professionnel ({reason}) sous contrat",
    "said.policy_seller": "ligne {line} : {reason} : l'erreur du vendeur",
    "said.policy_no_date": "ligne {line} : pas de date de livraison : les délais ne peuvent pas "
    "être vérifiés",
    "said.policy_withdrawal": "ligne {line} : dans le délai de rétractation de {days} jours "
    "(directive 2011/83/UE, art. 9)",
    "said.policy_late": "ligne {line} : le délai de rétractation de {days} jours a pris fin le "
    "{end} ({after} jours après la livraison)",
    "said.policy_conformity": "ligne {line} : défaut de conformité dans la garantie légale de "
    "{days} jours (directive (UE) 2019/771)",
    "said.policy_guarantee_over": "ligne {line} : la garantie légale de {days} jours a pris fin "
    ": décision commerciale",
    "said.policy_review": "ligne {line} : le motif « {reason} » demande l'examen d'une personne",
    "said.choice": "le moins cher de {n} services : {service}",
    "said.choice_by": "le moins cher de {n} services arrivant d'ici le {by} : {service}",
    "said.choice_co2": "le plus bas coût + CO2 de {n} services : {service}",
    "said.choice_co2_by": "le plus bas coût + CO2 de {n} services arrivant d'ici le {by} : "
    "{service}",
    "said.next": "ensuite {service}",
    "said.late": "services qui arriveraient en retard : {n}",
    "said.late_cheaper": "services qui arriveraient en retard : {n} (dont {cheaper} moins chers)",
    "said.cannot_carry": "services qui ne peuvent pas le transporter : {n}",
    "said.service": "{id} ({carrier}) {cost}, {days} j, {co2} kg CO2e",
    "said.service_score": "{id} ({carrier}) {cost}, {days} j, {co2} kg CO2e, score {score}",
    "said.collected": "collectée par {vehicle} depuis {hub} le {by} ({plan}, voyage {trip}, "
    "arrivée {time}) ; sa part (selon la masse) des km, du coût et du CO2e de la tournée",
    "said.no_vehicle": "aucun véhicule ne peut le collecter : {why}",
    "said.not_driving": "{vehicle} ne roule pas en {country}",
    "said.no_lithium": "{vehicle} n'accepte pas les batteries au lithium",
    "said.not_bulky": "{vehicle} ne transporte pas d'articles volumineux",
    "said.window": "{vehicle} ne peut pas l'atteindre avant la fin de son créneau",
    "said.back": "{vehicle} ne peut pas être de retour à {hub} avant sa fermeture",
    "said.shift": "{vehicle} ne peut pas le faire tenir dans un service de {hours} h",
    "said.waits": "le collecter aujourd'hui coûterait plus qu'attendre un jour de plus ({price})",
    "said.past_due": "l'enlèvement {rma} est en retard mais ne peut pas être collecté : {why}",
    "said.for_carrier": "{why} : il est laissé à un transporteur",
    "said.no_vehicle_can": "aucun véhicule ne peut : {why}",
    "said.handed": "confié à {id} par {plan} : {why}",
    "said.no_vehicle_carrier": "aucun véhicule ne peut le collecter ({why}) : un transporteur "
    "le prend pour {price}",
    "said.no_route_today": "aucune tournée ne peut le prendre aujourd'hui",
    "said.would_cost": "le collecter coûterait {cost}",
    "said.it_waits": "{what} : il attend ({price} par jour)",
    "said.due_carrier": "dû le {by} : {what}, un transporteur le prend pour {price}",
    "said.waits_for_route": "{what}, plus que les {price} du transporteur : il attend une "
    "tournée qui passe jusqu'au {by} ({value} par jour), puis part par transporteur",
    "said.basis_alone": "la tournée ne roulerait pas sans lui",
    "said.basis_on_route": "économisé en le retirant de sa tournée",
    "said.basis_insertion": "insertion la moins chère dans une tournée prévue",
    "said.basis_own_trip": "un voyage pour lui seul",
    "said.basis_none": "aucune tournée ne peut le prendre aujourd'hui (chargement, créneaux ou "
    "services)",
    "said.rule_inspect": "l'unité doit être inspectée et classée avant une décision de filière",
    "said.rule_hazardous": "une unité signalée dangereuse (une batterie au lithium endommagée "
    "ou défectueuse, des souillures...) ne peut pas aller en {route} : elle va vers un site de "
    "traitement (recyclage), retourne à son fournisseur, ou est éliminée ; une batterie au "
    "lithium endommagée voyage sous la disposition spéciale ADR 376",
    "said.rule_apparel": "les vêtements, accessoires d'habillement et chaussures ne peuvent pas "
    "être détruits (règlement ESPR (UE) 2024/1781, art. 25)",
    "said.rule_apparel_recycled": "les vêtements, accessoires d'habillement et chaussures ne "
    "peuvent être recyclés que s'ils sont endommagés sans réparation possible (classés D) ou "
    "dangereux (règlement ESPR (UE) 2024/1781, art. 25 et ses dérogations) ; revendez-les, "
    "donnez-les ou réparez-les plutôt",
    "said.rule_unsold": "les invendus non alimentaires ne peuvent être éliminés que s'ils sont "
    "dangereux ou impropres à tout réemploi ou recyclage (Code de l'environnement, "
    "L541-15-8) ; recyclez-les plutôt",
    "said.rule_weee": "{product} est un DEEE (catégorie {weee}) : seule une installation de "
    "traitement agréée peut le prendre, et {site} n'est pas agréé (directive 2012/19/UE)",
    "said.rule_restock": "seule une unité classée A/A (fonctionne, comme neuve) peut être "
    "remise en stock comme neuve",
    "said.rule_skills": "{site} ne traite pas la catégorie {category}",
    "said.rule_vendor": "aucun accord de retour avec le fournisseur {site}",
    "said.rule_brand": "l'accord avec {site} ne couvre pas la marque {brand}",
    "said.rule_channel": "{market} ne prend pas la catégorie {category}",
    "said.rule_grade": "{market} ne prend pas les articles de grade {f}",
    "said.rule_volume": "{market} ne prend plus d'unités aujourd'hui",
    "said.rule_tested": "« reconditionné » exige que toutes les fonctions soient testées "
    "(décret 2022-190), et {site} n'a pas de capacité de test",
    "said.rule_capacity": "{site} n'a pas de capacité pour le travail de {kind}",
    "said.not_graded": "l'unité {lpn} est {state} : seules les unités classées attendent une "
    "décision",
    "said.in_transit": "l'unité {lpn} est en transit vers {site} : décidez-la à son arrivée",
    "said.unidentified_unit": "l'unité {lpn} n'est pas identifiée : identifiez d'abord son produit",
}
