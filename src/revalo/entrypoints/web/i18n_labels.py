"""The words printed on a return's PDF label, in the language of the person who prints it
(the page's, the request's Accept-Language, the command's locale)."""

from __future__ import annotations

EN: dict[str, str] = {
    "label.badge": "RETURN",
    "label.sender": "FROM",
    "label.recipient": "TO",
    "label.rma": "RMA",
    "label.weight": "WEIGHT",
    "label.parcel": "PARCEL",
    "label.date": "DATE",
    "label.contents": "CONTENTS · {n} PCS",
    "label.more": "+{n} more",
    "label.title": "Return label {rma}",
    "label.titles": "Return labels ({n})",
}

FR: dict[str, str] = {
    "label.badge": "RETOUR",
    "label.sender": "EXPÉDITEUR",
    "label.recipient": "DESTINATAIRE",
    "label.rma": "RMA",
    "label.weight": "POIDS",
    "label.parcel": "COLIS",
    "label.date": "DATE",
    "label.contents": "CONTENU · {n} ART.",
    "label.more": "+{n} de plus",
    "label.title": "Étiquette de retour {rma}",
    "label.titles": "Étiquettes de retour ({n})",
}
