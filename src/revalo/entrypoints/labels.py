"""A return's label as a PDF, for the API, the web pages and the CLI, its captions in the
language of the person who prints it."""

from __future__ import annotations

from dataclasses import fields

from starlette.responses import Response

from revalo.adapters.labels import (
    LabelAddress,
    LabelCaptions,
    LabelItem,
    ReturnLabel,
    render_return_label,
)
from revalo.services.return_labels import LabelFacts


def captions(lang: str) -> LabelCaptions:
    """The label's words in ``lang`` (English or French), from the catalogue."""
    from revalo.entrypoints.web.i18n import MESSAGES

    table = MESSAGES.get(lang, MESSAGES["en"])
    words = {
        f.name: table[f"label.{f.name}"] for f in fields(LabelCaptions) if f.name != "language"
    }
    return LabelCaptions(**words, language=lang if lang in MESSAGES else "en")


def label_pdf(facts: LabelFacts, lang: str = "en") -> bytes:
    """Render the label the facts describe: the customer sends, the hub receives."""
    c, hub, shp = facts.customer, facts.hub, facts.consignment
    assert shp.sscc is not None
    label = ReturnLabel(
        rma_number=facts.rma.number,
        sscc=shp.sscc,
        digital_link=facts.digital_link,
        carrier=shp.carrier,
        service=shp.service_id,
        sender=LabelAddress(c.name, "", "", c.city, c.country),
        recipient=LabelAddress(hub.name, "", "", hub.city, hub.country),
        weight_kg=shp.weight_kg,
        issued_on=shp.booked_at.date(),
        items=tuple(LabelItem(sku, name, qty) for sku, name, qty in facts.items),
        company_prefix_length=facts.company_prefix_length,
        captions=captions(lang),
    )
    return render_return_label(label)


def label_response(facts: LabelFacts, lang: str = "en") -> Response:
    """The label as an HTTP answer: a PDF shown in the browser, named after the return."""
    return Response(
        label_pdf(facts, lang),
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="{facts.rma.number}-label.pdf"'},
    )
