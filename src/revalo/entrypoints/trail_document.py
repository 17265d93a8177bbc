"""A unit's trail for an auditor as a PDF, in the reader's language: the same entries as the
page and the JSON and CSV exports, oldest first, for the pages, the API and the command
line."""

from __future__ import annotations

from revalo.adapters.report_pdf import PdfSection, render_report_pdf
from revalo.entrypoints.web import system_texts
from revalo.entrypoints.web.formats import moment
from revalo.entrypoints.web.i18n import translator, value_label
from revalo.services.audit_trail import UnitTrail


def trail_pdf(trail: UnitTrail, lang: str) -> bytes:
    """The trail as PDF bytes in ``lang``: a lead naming the unit, then one table."""
    t = translator(lang)
    u, p = trail.unit, trail.product
    head = [
        t("common.when"),
        t("trail.kind"),
        t("trail.what"),
        t("trail.who"),
        t("trail.why"),
        t("trail.rule"),
        t("trail.reference"),
        t("common.site"),
    ]
    rows = [
        [
            moment(e.at, lang=lang),
            value_label(e.kind.value, lang=lang),
            value_label(e.what, lang=lang),
            e.who,
            system_texts.in_language(e.reason, lang=lang),
            e.rule,
            e.reference or "-",
            e.site or "-",
        ]
        for e in trail.entries
    ]
    facts = [p.name if p else t("common.not_available")]
    if u.serial:
        facts.append(f"{t('unit.serial')} {u.serial}")
    facts.append(f"{t('clients.client')} {u.client_code or t('clients.own')}")
    if u.rma_number:
        facts.append(u.rma_number)
    lead = [" · ".join(facts), t("trail.note")]
    section = PdfSection(
        t("trail.link"), head, rows, text_columns=len(head), widths=(11, 8, 10, 9, 20, 18, 12, 12)
    )
    return render_report_pdf(t("trail.title", lpn=u.lpn), lead, [section])
