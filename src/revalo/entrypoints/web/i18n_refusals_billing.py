"""Why billing refuses (rate cards, a month's run, invoices and credit notes), in English as
the domain and the services say it, and in French; recognised and written again like the
domain's (``i18n_refusals``)."""

from __future__ import annotations

EN: dict[str, str] = {
    "said.refusal.bill_no_vat_rate": "no VAT rate is known for the seller's country {country}",
    "said.refusal.bill_party_name": "a party to an invoice needs a name",
    "said.refusal.bill_party_long": "a party's name or address is too long",
    "said.refusal.bill_country": "country {code}: an ISO 3166 code of two letters (FR, DE...)",
    "said.refusal.bill_vat_number": "VAT number {code}: its country's two letters and 2 to 13 "
    "characters (e.g. FR40123456789)",
    "said.refusal.bill_currency": "currency {code}: Revalo bills in {currency}",
    "said.refusal.bill_payment_days": "payment term of {n} days: between 0 and 60 (code de "
    "commerce art. L441-10)",
    "said.refusal.bill_month": "month {text}: write it YYYY-MM (e.g. 2025-02)",
    "said.refusal.bill_month_open": "month {month} is not over: it can be billed from {end}",
    "said.refusal.bill_rate_amount": "rate {rate} must be an amount in EUR",
    "said.refusal.bill_rate_range": "rate {rate} is {sum} EUR: it must be between 0 and {most}",
    "said.refusal.bill_rate_decimals": "rate {rate} is {sum} EUR: at most 4 decimals",
    "said.refusal.bill_issued": "invoice {id} was issued on {end}: it cannot be changed; "
    "correct it with a credit note",
    "said.refusal.bill_credit_issued": "credit note {id} was issued on {end}: it cannot be changed",
    "said.refusal.bill_credit_a_credit": "{id} is a credit note: credit the invoice itself",
    "said.refusal.bill_credit_reason": "a credit note needs its reason",
    "said.refusal.bill_credit_reason_long": "a credit note's reason is at most 300 characters",
    "said.refusal.bill_credited": "invoice {id} is already credited in full",
    "said.refusal.bill_lines_off": "the lines of {id} do not add up to its net amount",
    "said.refusal.bill_totals_off": "the VAT or the total of {id} is not its net's",
    "said.refusal.bill_credit_amount": "credit of {sum} EUR: a positive amount in cents",
    "said.refusal.bill_credit_left": "invoice {id} has {sum} EUR left to credit, not {asked}",
    "said.refusal.bill_no_card": "client {id} has no rate card valid on {end}: load one first "
    "(revalo billing rates load)",
    "said.refusal.bill_no_invoice": "no invoice {number}",
    "said.refusal.bill_no_invoice_bare": "no invoice",
    "said.refusal.bill_nothing": "nothing to bill client {id} for {month}: no activity recorded "
    "and no monthly minimum",
    "said.refusal.bill_unknown_key": "{table}: unknown key {keys} (known: {known})",
    "said.refusal.bill_no_cards": "the rate-card file has no [[cards]]",
    "said.refusal.bill_card_changed": "client {id} has a rate card from {end} already, with "
    "other terms: a version is never changed; add one from a later day",
    "said.refusal.bill_not_amount": "{table}: {text} is not an amount in EUR",
    "said.refusal.bill_needs": "{table} needs its {part}",
    "said.refusal.bill_not_toml": "the rate-card file is not TOML: {detail}",
    "said.refusal.bill_card_needs": "{table} needs its client and valid_from (YYYY-MM-DD)",
    "said.refusal.bill_no_seller": "{table}: no seller (give [seller] once for the file)",
    "said.refusal.bill_needs_buyer": "{table} needs its buyer",
    "said.refusal.bill_payment_days_kind": "{table}.payment_days must be a number of days",
    "said.refusal.bill_first_card": "client {id} has no rate card before {end}: name the seller "
    "and the buyer",
    "said.refusal.bill_card_there": "client {id} has this rate card from {end} already",
}

FR: dict[str, str] = {
    "said.refusal.bill_no_vat_rate": "aucun taux de TVA n'est connu pour le pays du vendeur "
    "{country}",
    "said.refusal.bill_party_name": "une partie à une facture a besoin d'un nom",
    "said.refusal.bill_party_long": "le nom ou l'adresse d'une partie est trop long",
    "said.refusal.bill_country": "pays {code} : un code ISO 3166 de deux lettres (FR, DE…)",
    "said.refusal.bill_vat_number": "numéro de TVA {code} : les deux lettres de son pays et 2 à "
    "13 caractères (par ex. FR40123456789)",
    "said.refusal.bill_currency": "devise {code} : Revalo facture en {currency}",
    "said.refusal.bill_payment_days": "délai de paiement de {n} jours : entre 0 et 60 (code de "
    "commerce art. L441-10)",
    "said.refusal.bill_month": "mois {text} : écrivez-le AAAA-MM (par ex. 2025-02)",
    "said.refusal.bill_month_open": "le mois {month} n'est pas terminé : il se facture à partir "
    "du {end}",
    "said.refusal.bill_rate_amount": "le tarif {rate} doit être un montant en EUR",
    "said.refusal.bill_rate_range": "le tarif {rate} vaut {sum} EUR : il doit être entre 0 et "
    "{most}",
    "said.refusal.bill_rate_decimals": "le tarif {rate} vaut {sum} EUR : 4 décimales au plus",
    "said.refusal.bill_issued": "la facture {id} a été émise le {end} : elle ne peut plus "
    "changer ; corrigez-la par un avoir",
    "said.refusal.bill_credit_issued": "l'avoir {id} a été émis le {end} : il ne peut plus changer",
    "said.refusal.bill_credit_a_credit": "{id} est un avoir : c'est la facture elle-même qui se "
    "corrige",
    "said.refusal.bill_credit_reason": "un avoir a besoin de son motif",
    "said.refusal.bill_credit_reason_long": "le motif d'un avoir fait au plus 300 caractères",
    "said.refusal.bill_credited": "la facture {id} est déjà entièrement créditée",
    "said.refusal.bill_lines_off": "les lignes de {id} ne font pas son montant hors taxes",
    "said.refusal.bill_totals_off": "la TVA ou le total de {id} ne correspond pas à son hors taxes",
    "said.refusal.bill_credit_amount": "avoir de {sum} EUR : un montant positif, au centime",
    "said.refusal.bill_credit_left": "la facture {id} peut encore être créditée de {sum} EUR, "
    "pas de {asked}",
    "said.refusal.bill_no_card": "le client {id} n'a pas de grille tarifaire valable le {end} : "
    "chargez-en une d'abord (revalo billing rates load)",
    "said.refusal.bill_no_invoice": "aucune facture {number}",
    "said.refusal.bill_no_invoice_bare": "aucune facture",
    "said.refusal.bill_nothing": "rien à facturer au client {id} pour {month} : aucune activité "
    "enregistrée et pas de minimum mensuel",
    "said.refusal.bill_unknown_key": "{table} : clé inconnue {keys} (connues : {known})",
    "said.refusal.bill_no_cards": "le fichier de grilles tarifaires n'a aucune [[cards]]",
    "said.refusal.bill_card_changed": "le client {id} a déjà une grille tarifaire à partir du "
    "{end}, à d'autres conditions : une version ne change jamais ; ajoutez-en une à partir "
    "d'un jour plus tardif",
    "said.refusal.bill_not_amount": "{table} : {text} n'est pas un montant en EUR",
    "said.refusal.bill_needs": "{table} a besoin de son champ {part}",
    "said.refusal.bill_not_toml": "le fichier de grilles tarifaires n'est pas du TOML : {detail}",
    "said.refusal.bill_card_needs": "{table} a besoin de son client et de valid_from (AAAA-MM-JJ)",
    "said.refusal.bill_no_seller": "{table} : pas de vendeur (donnez [seller] une fois pour le "
    "fichier)",
    "said.refusal.bill_needs_buyer": "{table} a besoin de son acheteur",
    "said.refusal.bill_payment_days_kind": "{table}.payment_days doit être un nombre de jours",
    "said.refusal.bill_first_card": "le client {id} n'a pas de grille tarifaire avant le {end} : "
    "nommez le vendeur et l'acheteur",
    "said.refusal.bill_card_there": "le client {id} a déjà cette grille tarifaire à partir du "
    "{end}",
}
