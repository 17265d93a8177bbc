"""What is done to one unit from its page besides deciding it: release it from quarantine
(naming its product when it was not identified), record the sale of a listed unit, and
record what a unit that left brought afterwards (a partner's payment, a vendor's credit).
The same use cases as the API's."""

from __future__ import annotations

from decimal import Decimal

from fastapi import APIRouter, Response

from revalo.domain.errors import DomainError
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, UowDep, need
from revalo.entrypoints.web import formats, forms
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.i18n import current_language, say, value_label
from revalo.entrypoints.web.render import WebRoute, redirect
from revalo.services import receiving, stock

router = APIRouter(route_class=WebRoute, include_in_schema=False)

#: Highest sale price or payment the forms take (EUR): a typing mistake above it.
MAX_PRICE = Decimal("1000000")


def _back(lpn: str, message: str) -> Response:
    return redirect(f"/units/{lpn}", flash=message)


@router.post("/units/{lpn}/release", response_model=None, dependencies=[need(Permission.RELEASE)])
def release_form(lpn: str, form: forms.PostedForm, uow: UowDep, user: CurrentUser) -> Response:
    data = forms.fields(form)
    errors = Errors()
    lpn = lpn[:20].strip().upper()
    reason = forms.text(data, "reason", errors, max_length=500) or "released"
    sku = forms.code(data, "sku", errors)
    if errors:
        return _back(lpn, "; ".join(errors.values()))
    try:
        unit = receiving.release_unit(uow, lpn, by=user, reason=reason, sku=sku)
    except DomainError as exc:
        return _back(lpn, exc.message)
    return _back(lpn, say("msg.released", lpn=unit.lpn, state=value_label(unit.state)))


@router.post("/units/{lpn}/sale", response_model=None, dependencies=[need(Permission.SELL)])
def sale_form(lpn: str, form: forms.PostedForm, uow: UowDep, user: CurrentUser) -> Response:
    data = forms.fields(form)
    errors = Errors()
    lpn = lpn[:20].strip().upper()
    document = forms.text(data, "document", errors, max_length=60) or ""
    price = forms.amount(data, "price", errors, high=MAX_PRICE)
    if errors:
        return _back(lpn, "; ".join(errors.values()))
    try:
        unit = stock.sell_unit(uow, lpn, by=user, document=document, price=price)
    except DomainError as exc:
        return _back(lpn, exc.message)
    if price is None:
        return _back(lpn, say("msg.sold", lpn=unit.lpn))
    sold_at = formats.money(price, lang=current_language.get())
    return _back(lpn, say("msg.sold_at", lpn=unit.lpn, price=sold_at))


@router.post(
    "/units/{lpn}/proceeds", response_model=None, dependencies=[need(Permission.RECORD_PROCEEDS)]
)
def proceeds_form(lpn: str, form: forms.PostedForm, uow: UowDep, user: CurrentUser) -> Response:
    data = forms.fields(form)
    errors = Errors()
    lpn = lpn[:20].strip().upper()
    amount = forms.amount(data, "amount", errors, high=MAX_PRICE)
    if amount is None and "amount" not in errors:
        errors.say("amount", "form.amount_needed")
    document = forms.text(data, "document", errors, max_length=40) or ""
    reason = forms.text(data, "reason", errors, max_length=500) or ""
    if errors or amount is None:
        return _back(lpn, "; ".join(errors.values()))
    try:
        unit = stock.record_proceeds(
            uow, lpn, amount=amount, by=user, document=document, reason=reason
        )
    except DomainError as exc:
        return _back(lpn, exc.message)
    lang = current_language.get()
    brought = say(
        "msg.proceeds",
        lpn=unit.lpn,
        amount=formats.money(amount, lang=lang),
        total=formats.money(unit.proceeds, lang=lang),
    )
    return _back(lpn, brought)
