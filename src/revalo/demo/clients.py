"""The provider's clients in the demo: three small firms that hand it their returns, by the
brands they sell. Everything else (electronics, large appliances, the B2B leases) is the
provider's own."""

from __future__ import annotations

#: Code and name of each client (a fresh ``Client`` is made of them for each build).
CLIENTS = (
    ("MAISON-BOREA", "Maison Borea (coats, shoes and T-shirts online)"),
    ("NIDO-HOME", "Nido Home (sofas, chairs and mattresses)"),
    ("VOLT-CASA", "Volt & Casa (power tools and small appliances)"),
)

#: The client of each brand's products (by the key of ``catalogue.BRANDS``). A return holds
#: one client's goods only: the brands a consumer returns together (the sizes and kinds of
#: apparel she ordered to keep one) go to one client.
CLIENT_OF_BRAND = {
    "borea": "MAISON-BOREA",
    "passo": "MAISON-BOREA",
    "fil": "MAISON-BOREA",
    "nido": "NIDO-HOME",
    "somno": "NIDO-HOME",
    "sedia": "NIDO-HOME",
    "volt": "VOLT-CASA",
    "casa": "VOLT-CASA",
}
