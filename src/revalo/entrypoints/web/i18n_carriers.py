"""The carriers page and the transporters' receipts (their refusals and what a waste slip
says of them), in English and in French; ``i18n`` adds them to its tables."""

from __future__ import annotations

_R = "said.refusal.receipt_"

EN: dict[str, str] = {
    "nav.carriers": "Carriers",
    "carriers.title": "Carriers",
    "carriers.lead": "The carriers of the rate cards and their receipts as waste transporters "
    "(France: the récépissé de déclaration, Code de l'environnement R541-50): a waste-tracking "
    "slip names the one in force the day its load was taken. Needed above 0.1 t of hazardous "
    "waste or 0.5 t of other waste a load.",
    "carriers.receipts": "Receipts as waste transporters",
    "carriers.carrier": "Carrier",
    "carriers.services": "Services",
    "carriers.number": "Receipt",
    "carriers.department": "Département",
    "carriers.valid_until": "Valid until",
    "carriers.status": "Status",
    "carriers.none": "no receipt on record",
    "carriers.add": "Keep the receipt",
    "carriers.kept_flash": "Receipt {number} of {carrier} kept.",
    f"{_R}carrier": "a transporter's receipt needs its carrier",
    f"{_R}carrier_long": "a carrier's name has at most {MAX_CARRIER} characters",
    f"{_R}number": "a transporter's receipt needs its number",
    f"{_R}number_long": "a receipt's number has at most {MAX_NUMBER} characters",
    f"{_R}department": "département {department} is not a French département's code (01 to "
    "95, 2A, 2B, 971 to 976)",
    f"{_R}unknown": "{name} is not a carrier of the rate cards: {known}",
    f"{_R}expired": "the receipt {number} expired on {day}: record the one in force",
    f"{_R}twice": "{name} has the receipt {number} already",
    "said.receipt_expiring": "the receipt {number} expires on {day}",
    "said.receipt_expired": "the receipt {number} of {carrier} expired on {day}",
    "said.receipt_none": "no receipt of {carrier} as a waste transporter is on record",
}

FR: dict[str, str] = {
    "nav.carriers": "Transporteurs",
    "carriers.title": "Transporteurs",
    "carriers.lead": "Les transporteurs des grilles tarifaires et leurs récépissés de "
    "déclaration de transport de déchets (Code de l'environnement, R541-50) : un bordereau de "
    "suivi des déchets nomme celui en vigueur le jour où son chargement a été pris. Requis "
    "au-delà de 0,1 t de déchets dangereux ou de 0,5 t d'autres déchets par chargement.",
    "carriers.receipts": "Récépissés de transport de déchets",
    "carriers.carrier": "Transporteur",
    "carriers.services": "Services",
    "carriers.number": "Récépissé",
    "carriers.department": "Département",
    "carriers.valid_until": "Valable jusqu'au",
    "carriers.status": "Statut",
    "carriers.none": "aucun récépissé enregistré",
    "carriers.add": "Enregistrer le récépissé",
    "carriers.kept_flash": "Récépissé {number} de {carrier} enregistré.",
    f"{_R}carrier": "le récépissé d'un transporteur doit nommer son transporteur",
    f"{_R}carrier_long": "le nom d'un transporteur a au plus {MAX_CARRIER} caractères",
    f"{_R}number": "le récépissé d'un transporteur doit avoir son numéro",
    f"{_R}number_long": "le numéro d'un récépissé a au plus {MAX_NUMBER} caractères",
    f"{_R}department": "le département {department} n'est pas un code de département "
    "français (01 à 95, 2A, 2B, 971 à 976)",
    f"{_R}unknown": "{name} n'est pas un transporteur des grilles tarifaires : {known}",
    f"{_R}expired": "le récépissé {number} a expiré le {day} : enregistrez celui en vigueur",
    f"{_R}twice": "{name} a déjà le récépissé {number}",
    "said.receipt_expiring": "le récépissé {number} expire le {day}",
    "said.receipt_expired": "le récépissé {number} de {carrier} a expiré le {day}",
    "said.receipt_none": "aucun récépissé de {carrier} comme transporteur de déchets n'est "
    "enregistré",
}
