"""Clients of a logistics provider: the firms whose returns, units and products Revalo
handles. ``None`` where a client code is expected means the provider's own goods.

A unit never changes owner by accident: it takes its client from its return (or, for an
item no return expects, from its product) when it is received, and keeps it.
"""

from __future__ import annotations

from dataclasses import dataclass

from revalo.domain.catalog import check_code
from revalo.domain.errors import Conflict, InvalidValue, NotAllowed

#: How the provider's own goods (no client) are named in messages.
OWN_GOODS = "the provider's own goods"


@dataclass(eq=False)
class Client:
    """A firm that hands its returns to the provider. An inactive client keeps its goods
    and history; no new return or product may be given to it."""

    code: str
    name: str
    active: bool = True

    def __post_init__(self) -> None:
        self.code = check_code(self.code, "client code")
        self.name = self.name.strip()
        if not self.name:
            raise InvalidValue("a client needs a name", field="name")
        if len(self.name) > 200:
            raise InvalidValue("a client's name is at most 200 characters", field="name")

    def ensure_active(self) -> None:
        if not self.active:
            raise NotAllowed(
                f"client {self.code} is inactive: it takes no new return or product",
                field="client_code",
            )

    def deactivate(self) -> None:
        self.active = False


def owner_label(client_code: str | None) -> str:
    return f"client {client_code}" if client_code else OWN_GOODS


def ensure_same_owner(
    *, the_return: str, return_client: str | None, sku: str, product_client: str | None
) -> None:
    """A product of a client is returned only on that client's returns; a product of no
    client (the provider's catalogue) may be on anyone's. ``the_return`` names the return
    in the message ("return RMA00000012")."""
    if product_client is not None and product_client != return_client:
        raise Conflict(
            f"{the_return} belongs to {owner_label(return_client)}, but product {sku} "
            f"belongs to {owner_label(product_client)}: a unit never changes owner",
            field="client_code",
        )


def owner_of_received(
    *,
    rma_number: str | None,
    return_client: str | None,
    sku: str | None,
    product_client: str | None,
) -> str | None:
    """The client a unit received now belongs to: its return's, or, when no return expects
    it, its product's (None: the provider's own, or not identified yet)."""
    if rma_number is None:
        return product_client
    ensure_same_owner(
        the_return=f"return {rma_number}",
        return_client=return_client,
        sku=sku or "",
        product_client=product_client,
    )
    return return_client


def owner_when_identified(
    *,
    lpn: str,
    unit_client: str | None,
    on_return: bool,
    sku: str,
    product_client: str | None,
) -> str | None:
    """The client of a unit once its product is named (released from quarantine): a unit
    whose owner is known (from its return, or a client) keeps it, and may not become a
    product of another client; one that nobody owned yet takes its product's client."""
    if unit_client is None and not on_return:
        return product_client
    if product_client is not None and product_client != unit_client:
        raise Conflict(
            f"unit {lpn} belongs to {owner_label(unit_client)}, but product {sku} belongs "
            f"to {owner_label(product_client)}: a unit never changes owner",
            field="sku",
        )
    return unit_client
