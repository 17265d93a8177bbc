"""The partners' records page, and the refusals of a record's period, in English and in
French; ``i18n`` adds them to its tables."""

from __future__ import annotations

_R = "said.refusal.partners_"

EN: dict[str, str] = {
    "perm.set_partner_terms": "agree a partner's terms (price share, turnaround, "
    "first-time-right share): a new version from a day",
    "nav.partners": "Partners",
    "partners.title": "Partners' records",
    "partners.lead": "Each partner site over the period, from its units' events: the units "
    "handed over to it for good, those sent to it for work and how long they stayed before "
    "leaving it, its work done right the first time, and what the units brought back.",
    "partners.from": "From",
    "partners.to": "To (included)",
    "partners.period": "{first} to {last}",
    "partners.site": "Partner",
    "partners.handed_over": "Handed over",
    "partners.arrived": "Came for work",
    "partners.left": "Left again",
    "partners.turnaround": "Turnaround, median and 90 %",
    "partners.days": "{n} d",
    "partners.work": "Work orders",
    "partners.first_time_right": "Right first time",
    "partners.recovered": "Paid (payments and lots)",
    "partners.sold": "Sales at its site",
    "partners.resold": "Resold",
    "partners.sell_through": "Sell-through",
    "partners.sell_through_hint": "units it resold against units handed over to it, both in "
    "the period",
    "partners.none": "No unit went to a partner in the period.",
    "partners.quiet": "With nothing in the period ({n}):",
    "partners.terms.title": "Terms",
    "partners.terms.lead": "What each partner agreed, in force on the period's last day, "
    "against its record: the price share it pays for the units handed over (of their price "
    "as new), the days within which 90 % of the units sent to it leave it, its work done "
    "right the first time.",
    "partners.terms.in_force": "In force",
    "partners.terms.since": "from {day} (version {version})",
    "partners.terms.t.price_share": "Price share",
    "partners.terms.t.turnaround": "Turnaround",
    "partners.terms.t.first_time_right": "Right first time",
    "partners.terms.measured": "Measured",
    "partners.terms.missed": "missed",
    "partners.terms.met": "met",
    "partners.terms.note": "Note",
    "partners.terms.none": "No partner has terms in force on the period's last day.",
    "partners.terms.history": "Every version of the terms",
    "partners.terms.version": "Version",
    "partners.terms.from": "From",
    "partners.terms.set_by": "Agreed by",
    "partners.terms.days_unit": "days",
    "partners.terms.set": "Agree new terms",
    "partners.terms.set_flash": "Terms of {site} agreed: version {version}.",
    _R + "order": "the period starts ({first}) after it ends ({last})",
    _R + "long": "a period covers at most {n} days",
    _R + "none": "no partner site {code}",
    _R + "share_range": "{name} must be from 0 to 100 %, not {text}",
    _R + "share_text": "{name} must be a share (0.35) or a percentage (35 %), not {text}",
    _R + "days_range": "{name} must be from 1 to {max} days, not {n}",
    _R + "days_text": "{name} must be a whole number of days, not {text}",
    _R + "no_term": "agree at least one term: a price share, a turnaround or a first-time-right "
    "share",
    _R + "note": "the note has at most {n} characters",
}

FR: dict[str, str] = {
    "perm.set_partner_terms": "convenir des conditions d'un partenaire (part du prix, délai, "
    "part de travaux réussis du premier coup) : une nouvelle version à partir d'un jour",
    "nav.partners": "Partenaires",
    "partners.title": "Bilans des partenaires",
    "partners.lead": "Chaque site partenaire sur la période, d'après les événements de ses "
    "unités : les unités qui lui ont été remises pour de bon, celles qui lui ont été envoyées "
    "pour des travaux et le temps qu'elles y sont restées avant d'en repartir, ses travaux "
    "réussis du premier coup, et ce que les unités ont rapporté.",
    "partners.from": "Du",
    "partners.to": "Au (inclus)",
    "partners.period": "Du {first} au {last}",
    "partners.site": "Partenaire",
    "partners.handed_over": "Remises",
    "partners.arrived": "Venues pour travaux",
    "partners.left": "Reparties",
    "partners.turnaround": "Délai, médiane et 90 %",
    "partners.days": "{n} j",
    "partners.work": "Ordres de travail",
    "partners.first_time_right": "Réussis du premier coup",
    "partners.recovered": "Payé (paiements et lots)",
    "partners.sold": "Ventes sur son site",
    "partners.resold": "Revendues",
    "partners.sell_through": "Écoulement",
    "partners.sell_through_hint": "unités revendues rapportées aux unités qui lui ont été "
    "remises, sur la même période",
    "partners.none": "Aucune unité n'est allée chez un partenaire sur la période.",
    "partners.quiet": "Sans rien sur la période ({n}) :",
    "partners.terms.title": "Conditions",
    "partners.terms.lead": "Ce que chaque partenaire a accepté, en vigueur le dernier jour de "
    "la période, face à son bilan : la part du prix qu'il paie pour les unités remises (de "
    "leur prix neuf), le délai en jours dans lequel 90 % des unités envoyées chez lui en "
    "repartent, ses travaux réussis du premier coup.",
    "partners.terms.in_force": "En vigueur",
    "partners.terms.since": "depuis le {day} (version {version})",
    "partners.terms.t.price_share": "Part du prix",
    "partners.terms.t.turnaround": "Délai",
    "partners.terms.t.first_time_right": "Réussis du premier coup",
    "partners.terms.measured": "Mesuré",
    "partners.terms.missed": "manqué",
    "partners.terms.met": "tenu",
    "partners.terms.note": "Note",
    "partners.terms.none": "Aucun partenaire n'a de conditions en vigueur le dernier jour de "
    "la période.",
    "partners.terms.history": "Toutes les versions des conditions",
    "partners.terms.version": "Version",
    "partners.terms.from": "À partir du",
    "partners.terms.set_by": "Convenues par",
    "partners.terms.days_unit": "jours",
    "partners.terms.set": "Convenir de nouvelles conditions",
    "partners.terms.set_flash": "Conditions de {site} convenues : version {version}.",
    _R + "order": "la période commence ({first}) après sa fin ({last})",
    _R + "long": "une période couvre au plus {n} jours",
    _R + "none": "aucun site partenaire {code}",
    _R + "share_range": "{name} doit être comprise entre 0 et 100 %, pas {text}",
    _R + "share_text": "{name} doit être une part (0,35) ou un pourcentage (35 %), pas {text}",
    _R + "days_range": "{name} doit être de 1 à {max} jours, pas {n}",
    _R + "days_text": "{name} doit être un nombre entier de jours, pas {text}",
    _R + "no_term": "convenez d'au moins une condition : une part du prix, un délai ou une part "
    "de travaux réussis du premier coup",
    _R + "note": "la note a au plus {n} caractères",
}
