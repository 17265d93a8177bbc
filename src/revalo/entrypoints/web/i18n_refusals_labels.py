"""Why a label is not printed (a return's parcel label, a bin's label: their own checks of
what they are given), in English as they say it, and in French; recognised and written
again like the domain's (``i18n_refusals``)."""

from __future__ import annotations

EN: dict[str, str] = {
    "said.refusal.label_none": "there is no label to print",
    "said.refusal.bin_label_none": "there is no bin label to print",
    "said.refusal.label_text": "{field} must be text, not {raw}",
    "said.refusal.label_empty": "{field} must not be empty",
    "said.refusal.label_country": "country {code} is not an ISO 3166 alpha-2 code",
    "said.refusal.label_quantity_whole": "quantity {raw} must be a whole number",
    "said.refusal.label_quantity_one": "quantity {raw} must be at least 1",
    "said.refusal.label_rma": "RMA number {rma} must be 'RMA' and 8 digits",
    "said.refusal.label_issue_date": "issue date {raw} must be a date (without a time)",
    "said.refusal.label_link_scheme": "digital link {raw} must be an http:// or https:// URI",
    "said.refusal.label_link_sscc": "digital link {raw} must name the label's SSCC {code} "
    "(/00/{sscc})",
    "said.refusal.label_link_gs1": "digital link {raw} is not a GS1 Digital Link URI: {reason}",
    "said.refusal.label_weight_number": "weight {raw} must be a number of kg",
    "said.refusal.label_weight_positive": "weight {raw} kg must be more than 0",
    "said.refusal.label_items": "items must be a sequence of LabelItem",
    "said.refusal.label_no_item": "a return label lists at least one item",
    "said.refusal.label_item": "item {n} must be a LabelItem, not {raw}",
    "said.refusal.label_parcel_no": "parcel {n} cannot be more than the {count} parcels",
    "said.refusal.label_whole": "{field} {raw} must be a whole number >= 1",
    "said.refusal.label_prefix": "company prefix length {raw} must be a whole number from 7 to 10",
    "said.refusal.label_label": "label {n} must be a ReturnLabel, not {raw}",
    "said.refusal.label_address": "{field} must be a LabelAddress",
}

FR: dict[str, str] = {
    "said.refusal.label_none": "il n'y a aucune étiquette à imprimer",
    "said.refusal.bin_label_none": "il n'y a aucune étiquette d'emplacement à imprimer",
    "said.refusal.label_text": "{field} doit être un texte, pas {raw}",
    "said.refusal.label_empty": "{field} ne doit pas être vide",
    "said.refusal.label_country": "le pays {code} n'est pas un code ISO 3166 alpha-2",
    "said.refusal.label_quantity_whole": "la quantité {raw} doit être un nombre entier",
    "said.refusal.label_quantity_one": "la quantité {raw} doit être d'au moins 1",
    "said.refusal.label_rma": "le numéro de retour {rma} doit être « RMA » suivi de 8 chiffres",
    "said.refusal.label_issue_date": "la date d'émission {raw} doit être une date (sans heure)",
    "said.refusal.label_link_scheme": "le lien numérique {raw} doit être une URI http:// ou "
    "https://",
    "said.refusal.label_link_sscc": "le lien numérique {raw} doit nommer le SSCC {code} de "
    "l'étiquette (/00/{sscc})",
    "said.refusal.label_link_gs1": "le lien numérique {raw} n'est pas une URI GS1 Digital "
    "Link : {reason}",
    "said.refusal.label_weight_number": "le poids {raw} doit être un nombre de kg",
    "said.refusal.label_weight_positive": "le poids {raw} kg doit être supérieur à 0",
    "said.refusal.label_items": "les articles doivent être une suite de LabelItem",
    "said.refusal.label_no_item": "une étiquette de retour liste au moins un article",
    "said.refusal.label_item": "l'article {n} doit être un LabelItem, pas {raw}",
    "said.refusal.label_parcel_no": "le colis {n} ne peut dépasser le nombre de colis, {count}",
    "said.refusal.label_whole": "{field} {raw} doit être un nombre entier >= 1",
    "said.refusal.label_prefix": "la longueur du préfixe d'entreprise {raw} doit être un "
    "nombre entier de 7 à 10",
    "said.refusal.label_label": "l'étiquette {n} doit être une ReturnLabel, pas {raw}",
    "said.refusal.label_address": "{field} doit être une LabelAddress",
}
