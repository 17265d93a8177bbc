"""The labels of the compliance pages (the WEEE report, the ESPR and AGEC disclosure) and of
their PDF, in English and French; ``i18n`` adds them to its tables."""

from __future__ import annotations

EN: dict[str, str] = {
    "nav.compliance": "Compliance",
    "weee.title": "WEEE report",
    "weee.lead": "The electrical and electronic units received in the period (Directive "
    "2012/19/EU), in tonnes by country of collection and category, what became of them and "
    "where, and the Annex V rates against their targets: what a producer-responsibility "
    "organisation asks for.",
    "weee.from": "From (day)",
    "weee.to": "To (day, included)",
    "weee.country": "Country (optional)",
    "weee.show": "Show",
    "weee.country_column": "Country",
    "weee.category_column": "Category",
    "weee.csv": "Download CSV",
    "weee.pdf": "Download PDF",
    "weee.none": "No WEEE unit was received in this period.",
    "weee.category": "Category {n}",
    "weee.cat.1": "temperature exchange equipment",
    "weee.cat.2": "screens, monitors and equipment with screens over 100 cm2",
    "weee.cat.3": "lamps",
    "weee.cat.4": "large equipment (an external dimension over 50 cm)",
    "weee.cat.5": "small equipment",
    "weee.cat.6": "small IT and telecommunication equipment",
    "weee.chart": "Tonnes by country and by what became of them",
    "weee.tonnes": "tonnes",
    "weee.units": "units",
    "weee.received": "received",
    "weee.collected": "collected",
    "weee.recovered": "recovered",
    "weee.o.prepared_for_reuse": "prepared for re-use",
    "weee.o.recycled": "recycled",
    "weee.o.disposed": "disposed of",
    "weee.o.dismantled": "dismantled for parts",
    "weee.o.returned_to_vendor": "returned to its vendor",
    "weee.o.pending": "pending",
    "weee.rates": "Annex V rates",
    "weee.r.recovered": "Recovered",
    "weee.r.reuse_recycled": "Prepared for re-use and recycled",
    "weee.r.recycled": "Recycled",
    "weee.f.recovered": "(prepared for re-use {reuse} t + recycled {recycled} t) / collected "
    "{collected} t",
    "weee.f.reuse_recycled": "(prepared for re-use {reuse} t + recycled {recycled} t) / "
    "collected {collected} t",
    "weee.f.recycled": "recycled {recycled} t / collected {collected} t",
    "weee.target": "target {target}",
    "weee.met": "met",
    "weee.not_met": "not met",
    "weee.no_rate": "nothing collected",
    "weee.provisional": "provisional: {pending} t still pending",
    "weee.by_country": "By country and category",
    "weee.by_facility": "By facility",
    "weee.facility": "Facility",
    "weee.certified": "certified treatment facility",
    "weee.not_certified": "not a certified treatment facility",
    "weee.eco": "What the eco-organisation asks for",
    "weee.eco_1": "the tonnes separately collected, by category and by country of collection;",
    "weee.eco_2": "the tonnes each treatment facility took, by category and by what it did "
    "with them (its name, place and certification with it);",
    "weee.eco_3": "the tonnes prepared for re-use, recycled and recovered, and the Annex V "
    "rates with their targets;",
    "weee.eco_4": "the CSV holds all of it, one line per country and category and one per "
    "facility and category; the PDF is the signed-off copy.",
    "weee.how": "How each figure is derived",
    "weee.how_text": "Received: the mass (packed weight of the product) of the WEEE units "
    "received in the period, by the country of their customer (else of the receiving site). "
    "Prepared for re-use: restocked, listed or sold after their checks, sent to a resale "
    "partner, donated. Recycled: delivered to a certified treatment facility on the recycle "
    "route; disposed of: on the dispose route. Dismantled for parts and pending count in "
    "what was collected and in no numerator; what went back to its vendor is reported by "
    "the vendor and left out. Revalo has no energy-recovery route: recovered = prepared "
    "for re-use + recycled. Rate = that mass / collected (Art. 11(2), Annex V part 3). What "
    "became of the units is as it stands when the report is made.",
    "espr.title": "ESPR and AGEC disclosure",
    "espr.lead": "The unsold products discarded in the year (EU ESPR 2024/1781 art. 24; "
    "customer returns under the withdrawal right count, art. 2(37)), by product type, reason "
    "and destination in the waste hierarchy, and the destructions refused where a ban applies "
    "(ESPR art. 25, Code de l'environnement L541-15-8).",
    "espr.year": "Year",
    "espr.show": "Show",
    "espr.csv": "Download CSV",
    "espr.pdf": "Download PDF",
    "espr.discarded": "Unsold products discarded",
    "espr.none": "No unsold product was discarded this year.",
    "espr.type": "Product type",
    "espr.number": "Number",
    "espr.mass": "Mass (kg)",
    "espr.reason": "Reason (derogation)",
    "espr.destination": "Destination",
    "espr.why.dangerous": "dangerous (health or safety risk)",
    "espr.why.damaged_beyond_repair": "damaged beyond repair",
    "espr.why.reuse_impossible": "re-use or donation impossible",
    "espr.step.preparing_for_reuse": "preparing for re-use",
    "espr.step.recycling": "recycling",
    "espr.step.other_recovery": "other recovery (energy)",
    "espr.step.disposal": "disposal",
    "espr.refused": "Destructions refused",
    "espr.refused_none": "No destruction was refused this year.",
    "espr.law": "Ban",
    "espr.law.espr_art_25": "EU ESPR 2024/1781 art. 25 (apparel, clothing accessories, footwear)",
    "espr.law.agec_l541_15_8": "Code de l'environnement L541-15-8 (unsold non-food products)",
    "espr.refusals": "Each refusal",
    "espr.when": "When",
    "espr.who": "Asked by",
    "espr.unit": "Unit",
    "espr.words": "What the rule says",
    "espr.how": "How each figure is derived",
    "espr.how_text": "Unsold: a unit of a consumer's return line of reason withdrawal. "
    "Discarded: it left recycled, disposed of or dismantled for parts, in the year (the day "
    "it was dispatched). Reason, from its last inspection: hazardous is dangerous, graded D "
    "is damaged beyond repair, anything else found no re-use or donation. Destination: "
    "dismantled for parts is preparing for re-use, recycled is recycling, disposed of is "
    "disposal. Refused: every disposal asked that a ban refused, kept when it was refused.",
    "said.refusal.weee_period": "the period ends ({until}) before it starts ({since})",
    "said.refusal.weee_days": "a WEEE report covers at most {most} days: ask for a year or less",
    "said.refusal.espr_year": "year {year} must be {first} to {last}",
    "said.refusal.weee_years": "a WEEE report covers days of the years {first} to {last}",
    "perm.view_compliance": "see and download the WEEE report and the ESPR and AGEC disclosure",
}

FR: dict[str, str] = {
    "nav.compliance": "Conformité",
    "weee.title": "Rapport DEEE",
    "weee.lead": "Les unités électriques et électroniques reçues sur la période (directive "
    "2012/19/UE), en tonnes par pays de collecte et catégorie, ce qu'elles sont devenues et "
    "où, et les taux de l'annexe V face à leurs objectifs : ce que demande un éco-organisme.",
    "weee.from": "Du (jour)",
    "weee.to": "Au (jour, inclus)",
    "weee.country": "Pays (facultatif)",
    "weee.show": "Afficher",
    "weee.country_column": "Pays",
    "weee.category_column": "Catégorie",
    "weee.csv": "Télécharger le CSV",
    "weee.pdf": "Télécharger le PDF",
    "weee.none": "Aucune unité DEEE reçue sur cette période.",
    "weee.category": "Catégorie {n}",
    "weee.cat.1": "équipements d'échange thermique",
    "weee.cat.2": "écrans, moniteurs et équipements à écran de plus de 100 cm2",
    "weee.cat.3": "lampes",
    "weee.cat.4": "gros équipements (une dimension extérieure de plus de 50 cm)",
    "weee.cat.5": "petits équipements",
    "weee.cat.6": "petits équipements informatiques et de télécommunications",
    "weee.chart": "Tonnes par pays et selon ce qu'elles sont devenues",
    "weee.tonnes": "tonnes",
    "weee.units": "unités",
    "weee.received": "reçu",
    "weee.collected": "collecté",
    "weee.recovered": "valorisé",
    "weee.o.prepared_for_reuse": "préparé en vue du réemploi",
    "weee.o.recycled": "recyclé",
    "weee.o.disposed": "éliminé",
    "weee.o.dismantled": "démonté pour pièces",
    "weee.o.returned_to_vendor": "rendu à son fournisseur",
    "weee.o.pending": "en attente",
    "weee.rates": "Taux de l'annexe V",
    "weee.r.recovered": "Valorisé",
    "weee.r.reuse_recycled": "Préparé en vue du réemploi et recyclé",
    "weee.r.recycled": "Recyclé",
    "weee.f.recovered": "(préparé en vue du réemploi {reuse} t + recyclé {recycled} t) / "
    "collecté {collected} t",
    "weee.f.reuse_recycled": "(préparé en vue du réemploi {reuse} t + recyclé {recycled} t) / "
    "collecté {collected} t",
    "weee.f.recycled": "recyclé {recycled} t / collecté {collected} t",
    "weee.target": "objectif {target}",
    "weee.met": "atteint",
    "weee.not_met": "non atteint",
    "weee.no_rate": "rien de collecté",
    "weee.provisional": "provisoire : {pending} t encore en attente",
    "weee.by_country": "Par pays et catégorie",
    "weee.by_facility": "Par installation",
    "weee.facility": "Installation",
    "weee.certified": "installation de traitement agréée",
    "weee.not_certified": "pas une installation de traitement agréée",
    "weee.eco": "Ce que demande l'éco-organisme",
    "weee.eco_1": "les tonnes collectées séparément, par catégorie et par pays de collecte ;",
    "weee.eco_2": "les tonnes prises par chaque installation de traitement, par catégorie et "
    "selon ce qu'elle en a fait (avec son nom, son lieu et son agrément) ;",
    "weee.eco_3": "les tonnes préparées en vue du réemploi, recyclées et valorisées, et les "
    "taux de l'annexe V avec leurs objectifs ;",
    "weee.eco_4": "le CSV contient tout cela, une ligne par pays et catégorie et une par "
    "installation et catégorie ; le PDF en est l'exemplaire à signer.",
    "weee.how": "D'où vient chaque chiffre",
    "weee.how_text": "Reçu : la masse (poids emballé du produit) des unités DEEE reçues sur "
    "la période, selon le pays de leur client (sinon du site de réception). Préparé en vue "
    "du réemploi : remis en stock, mis en vente ou vendu après contrôle, envoyé à un "
    "partenaire de revente, donné. Recyclé : livré à une installation de traitement agréée "
    "sur la voie recyclage ; éliminé : sur la voie élimination. Démonté pour pièces et en "
    "attente comptent dans le collecté et dans aucun numérateur ; ce qui est rendu à son "
    "fournisseur est déclaré par lui et laissé de côté. Revalo n'a pas de voie de "
    "valorisation énergétique : valorisé = préparé en vue du réemploi + recyclé. Taux = "
    "cette masse / collecté (art. 11(2), annexe V partie 3). Ce que sont devenues les unités "
    "est tel qu'au moment où le rapport est fait.",
    "espr.title": "Déclaration ESPR et AGEC",
    "espr.lead": "Les produits invendus écartés dans l'année (règlement ESPR 2024/1781 "
    "art. 24 ; les retours de clients au titre du droit de rétractation en font partie, "
    "art. 2(37)), par type de produit, motif et destination dans la hiérarchie des déchets, "
    "et les destructions refusées là où une interdiction s'applique (ESPR art. 25, Code de "
    "l'environnement L541-15-8).",
    "espr.year": "Année",
    "espr.show": "Afficher",
    "espr.csv": "Télécharger le CSV",
    "espr.pdf": "Télécharger le PDF",
    "espr.discarded": "Produits invendus écartés",
    "espr.none": "Aucun produit invendu écarté cette année.",
    "espr.type": "Type de produit",
    "espr.number": "Nombre",
    "espr.mass": "Masse (kg)",
    "espr.reason": "Motif (dérogation)",
    "espr.destination": "Destination",
    "espr.why.dangerous": "dangereux (risque pour la santé ou la sécurité)",
    "espr.why.damaged_beyond_repair": "endommagé sans réparation possible",
    "espr.why.reuse_impossible": "réemploi ou don impossible",
    "espr.step.preparing_for_reuse": "préparation en vue du réemploi",
    "espr.step.recycling": "recyclage",
    "espr.step.other_recovery": "autre valorisation (énergétique)",
    "espr.step.disposal": "élimination",
    "espr.refused": "Destructions refusées",
    "espr.refused_none": "Aucune destruction refusée cette année.",
    "espr.law": "Interdiction",
    "espr.law.espr_art_25": "règlement ESPR 2024/1781 art. 25 (vêtements, accessoires "
    "vestimentaires, chaussures)",
    "espr.law.agec_l541_15_8": "Code de l'environnement L541-15-8 (produits non alimentaires "
    "invendus)",
    "espr.refusals": "Chaque refus",
    "espr.when": "Quand",
    "espr.who": "Demandé par",
    "espr.unit": "Unité",
    "espr.words": "Ce que dit la règle",
    "espr.how": "D'où vient chaque chiffre",
    "espr.how_text": "Invendu : une unité d'une ligne de retour d'un consommateur, motif "
    "rétractation. Écarté : elle est partie recyclée, éliminée ou démontée pour pièces, dans "
    "l'année (le jour de son expédition). Motif, d'après sa dernière inspection : dangereuse "
    "est dangereux, notée D est endommagé sans réparation possible, le reste n'a trouvé ni "
    "réemploi ni don. Destination : démonté pour pièces est la préparation en vue du "
    "réemploi, recyclé le recyclage, éliminé l'élimination. Refusé : chaque élimination "
    "demandée qu'une interdiction a refusée, gardée au moment du refus.",
    "said.refusal.weee_period": "la période finit ({until}) avant de commencer ({since})",
    "said.refusal.weee_days": "un rapport DEEE couvre au plus {most} jours : demandez un an "
    "ou moins",
    "said.refusal.espr_year": "l'année {year} doit aller de {first} à {last}",
    "said.refusal.weee_years": "un rapport DEEE couvre des jours des années {first} à {last}",
    "perm.view_compliance": "voir et télécharger le rapport DEEE et la déclaration ESPR et AGEC",
}
