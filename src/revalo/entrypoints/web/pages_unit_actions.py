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
from revalo.entrypoints.web import forms
from revalo.entrypoints.web.forms import Errors
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
    return _back(lpn, f"{unit.lpn} is released from quarantine: {unit.state.value}.")


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
    return _back(lpn, f"{unit.lpn} is sold" + (f" at {price} EUR." if price is not None else "."))


@router.post(
    "/units/{lpn}/proceeds", response_model=None, dependencies=[need(Permission.RECORD_PROCEEDS)]
)
def proceeds_form(lpn: str, form: forms.PostedForm, uow: UowDep, user: CurrentUser) -> Response:
    data = forms.fields(form)
    errors = Errors()
    lpn = lpn[:20].strip().upper()
    amount = forms.amount(data, "amount", errors, high=MAX_PRICE)
    if amount is None and "amount" not in errors:
        errors.add("amount", "give the amount received, in EUR")
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
    brought = f"{amount:.2f} EUR recorded for {unit.lpn}: it brought {unit.proceeds} EUR in all."
    return _back(lpn, brought)
