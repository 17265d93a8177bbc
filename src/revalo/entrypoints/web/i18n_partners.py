"""The partners' records page, and the refusals of a record's period, in English and in
French; ``i18n`` adds them to its tables."""

from __future__ import annotations

_R = "said.refusal.partners_"

EN: dict[str, str] = {
    "nav.partners": "Partners",
    "partners.title": "Partners' records",
    "partners.lead": "Each partner site over the period, from its units' events: the units "
    "handed over to it for good, those sent to it for work and how long they stayed before "
    "leaving it, its work done right the first time, and what the units brought back.",
    "partners.from": "From",
    "partners.to": "To (included)",
    "partners.period": "{first} to {last}",
    "partners.site": "Partner",
    "partners.kind": "Kind",
    "partners.handed_over": "Handed over",
    "partners.arrived": "Came for work",
    "partners.left": "Left again",
    "partners.turnaround": "Turnaround, median",
    "partners.turnaround_p90": "Turnaround, 90 %",
    "partners.days": "{n} d",
    "partners.work": "Work orders",
    "partners.first_time_right": "Right first time",
    "partners.recovered": "Payments",
    "partners.sold": "Sales at its site",
    "partners.none": "No unit went to a partner in the period.",
    "partners.quiet": "With nothing in the period ({n}):",
    _R + "order": "the period starts ({first}) after it ends ({last})",
    _R + "long": "a period covers at most {n} days",
    _R + "none": "no partner site {code}",
}

FR: dict[str, str] = {
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
    "partners.kind": "Type",
    "partners.handed_over": "Remises",
    "partners.arrived": "Venues pour travaux",
    "partners.left": "Reparties",
    "partners.turnaround": "Délai, médiane",
    "partners.turnaround_p90": "Délai, 90 %",
    "partners.days": "{n} j",
    "partners.work": "Ordres de travail",
    "partners.first_time_right": "Réussis du premier coup",
    "partners.recovered": "Paiements",
    "partners.sold": "Ventes sur son site",
    "partners.none": "Aucune unité n'est allée chez un partenaire sur la période.",
    "partners.quiet": "Sans rien sur la période ({n}) :",
    _R + "order": "la période commence ({first}) après sa fin ({last})",
    _R + "long": "une période couvre au plus {n} jours",
    _R + "none": "aucun site partenaire {code}",
}
