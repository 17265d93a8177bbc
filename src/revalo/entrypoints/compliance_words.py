"""The compliance reports in words, in the reader's language: the Annex V rates with their
formula, and the WEEE report and the ESPR disclosure as PDFs, for the pages, the API and
the command line."""

from __future__ import annotations

from revalo.adapters.report_pdf import PdfSection, render_report_pdf
from revalo.domain.espr import EsprReport
from revalo.domain.weee import CategoryLine, Outcome, Rate, WeeeReport
from revalo.entrypoints.web.formats import day, number, percent
from revalo.entrypoints.web.i18n import translator, value_label

#: The outcomes a table shows, in order.
SHOWN = (
    Outcome.PREPARED_FOR_REUSE,
    Outcome.RECYCLED,
    Outcome.DISPOSED,
    Outcome.DISMANTLED,
    Outcome.RETURNED_TO_VENDOR,
    Outcome.PENDING,
)


def t_of(kg: float, lang: str) -> str:
    """A mass in tonnes, three decimals, as the language writes it."""
    return number(kg / 1000, 3, lang=lang)


def rate_text(line: CategoryLine, rate: Rate, lang: str) -> str:
    """``Recovered: (prepared for re-use 0.002 t + recycled 0.002 t) / collected 0.006 t =
    50.0 %; target 80.0 %: not met``."""
    t = translator(lang)
    m = line.masses
    formula = t(
        f"weee.f.{rate.name}",
        reuse=t_of(m.kg[Outcome.PREPARED_FOR_REUSE], lang),
        recycled=t_of(m.kg[Outcome.RECYCLED], lang),
        collected=t_of(m.collected, lang),
    )
    target = t("weee.target", target=percent(rate.target, 0, lang=lang))
    if rate.value is None:
        verdict = t("weee.no_rate")
        value = "-"
    else:
        verdict = t("weee.met") if rate.met else t("weee.not_met")
        value = percent(rate.value, 1, lang=lang)
    colon, semi = (" : ", " ; ") if lang == "fr" else (": ", "; ")
    return f"{t(f'weee.r.{rate.name}')}{colon}{formula} = {value}{semi}{target}{colon}{verdict}"


def category_name(category: int, lang: str) -> str:
    t = translator(lang)
    colon = " : " if lang == "fr" else ": "
    return f"{t('weee.category', n=category)}{colon}{t(f'weee.cat.{category}')}"


def weee_pdf(report: WeeeReport, lang: str) -> bytes:
    """The WEEE report as a PDF in ``lang``."""
    t = translator(lang)
    head = [
        t("weee.country_column"),
        t("weee.received"),
        *(t(f"weee.o.{o.value}") for o in SHOWN),
        t("weee.recovered"),
    ]
    sections = []
    for total in report.totals:
        lines = [ln for ln in report.lines if ln.category == total.category]
        rows = [
            [
                ln.country,
                t_of(ln.masses.received, lang),
                *(t_of(ln.masses.kg[o], lang) for o in SHOWN),
                t_of(ln.masses.recovered, lang),
            ]
            for ln in lines
        ]
        notes = [rate_text(ln, r, lang) + f" ({ln.country})" for ln in lines for r in ln.rates]
        if total.provisional:
            pending = t_of(total.masses.kg[Outcome.PENDING], lang)
            notes.append(t("weee.provisional", pending=pending))
        sections.append(PdfSection(category_name(total.category, lang), head, rows, notes))
    sections.append(
        PdfSection(
            t("weee.by_facility"),
            [t("weee.facility"), t("weee.category_column")]
            + [t(f"weee.o.{o.value}") for o in SHOWN[:-1]],
            [
                [
                    f"{f.facility.name} ({f.facility.code}, {f.facility.city} "
                    f"{f.facility.country}) - "
                    + (
                        t("weee.certified")
                        if f.facility.weee_certified
                        else t("weee.not_certified")
                    ),
                    str(f.category),
                    *(t_of(f.masses.kg[o], lang) for o in SHOWN[:-1]),
                ]
                for f in report.facilities
            ],
            text_columns=2,
        )
    )
    sections.append(
        PdfSection(
            t("weee.eco"),
            notes=[t(f"weee.eco_{i}") for i in (1, 2, 3)] + [t("weee.how_text")],
        )
    )
    period = f"{day(report.since, lang=lang)} - {day(report.until, lang=lang)}"
    where = " · ".join(x for x in (report.country, report.client_code) if x)
    lead = [period + (f" · {where}" if where else ""), t("weee.lead")]
    if not report.lines:
        lead.append(t("weee.none"))
    return render_report_pdf(t("weee.title"), lead, sections)


def espr_pdf(report: EsprReport, lang: str) -> bytes:
    """The ESPR and AGEC disclosure as a PDF in ``lang``."""
    t = translator(lang)
    colon = " : " if lang == "fr" else ": "

    def counts(pairs: list[tuple[str, int]]) -> str:
        return ", ".join(f"{name}{colon}{number(n, lang=lang)}" for name, n in pairs if n)

    discarded = [
        [
            value_label(ln.product_type, lang=lang),
            number(ln.total.units, lang=lang),
            number(ln.total.kg, 1, lang=lang),
            counts([(t(f"espr.why.{d.value}"), c.units) for d, c in ln.by_reason.items()]),
            counts([(t(f"espr.step.{s.value}"), c.units) for s, c in ln.by_step.items()]),
        ]
        for ln in report.lines
    ]
    refused = [
        [
            value_label(r.product_type, lang=lang),
            t(f"espr.law.{r.law}"),
            number(r.count.units, lang=lang),
            number(r.count.kg, 1, lang=lang),
        ]
        for r in report.refused
    ]
    head = ["espr.type", "espr.number", "espr.mass", "espr.reason", "espr.destination"]
    sections = [
        PdfSection(
            t("espr.discarded"),
            [t(k) for k in head] if discarded else [],
            discarded,
            [] if discarded else [t("espr.none")],
        ),
        PdfSection(
            t("espr.refused"),
            [t(k) for k in ("espr.type", "espr.law", "espr.number", "espr.mass")]
            if refused
            else [],
            refused,
            [] if refused else [t("espr.refused_none")],
            text_columns=2,
        ),
        PdfSection(t("espr.how"), notes=[t("espr.how_text")]),
    ]
    lead = [str(report.year) + (f" · {report.client_code}" if report.client_code else "")]
    return render_report_pdf(t("espr.title"), [*lead, t("espr.lead")], sections)
