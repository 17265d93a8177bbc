"""What ``revalo carriers`` writes, in English and in French; ``cli_messages.said``
recognises them with the command's other messages."""

from __future__ import annotations

EN: dict[str, str] = {
    "carriers.kept": "Kept the receipt {number} of {carrier} as a waste transporter "
    "(département {department}), valid until {day}.",
    "carriers.title": "Carriers and their receipts as waste transporters on {day}",
    "col.services": "services",
    "col.receipt": "receipt",
    "col.department": "département",
    "col.valid_until": "valid until",
}

FR: dict[str, str] = {
    "carriers.kept": "Récépissé {number} de {carrier} comme transporteur de déchets "
    "enregistré (département {department}), valable jusqu'au {day}.",
    "carriers.title": "Transporteurs et leurs récépissés de transport de déchets au {day}",
    "col.services": "services",
    "col.receipt": "récépissé",
    "col.department": "département",
    "col.valid_until": "valable jusqu'au",
}
