"""What GS1's EPCIS 2.0 schema refuses in a document, in English as the adapter words it
(``adapters.epcis_schema.WORDINGS``, one wording by the schema's keyword) and in French;
recognised and written again like the domain's refusals (``i18n_refusals``).

``{spot}`` is the place in the document (kept as it is, but for the whole document),
``{text}`` the value found there as JSON, ``{name}`` a property's name."""

from __future__ import annotations

from revalo.adapters.epcis_schema import WORDINGS

_R = "said.refusal.epcis_schema."

#: The adapter's own wordings, one copy: the catalogue reads them from there.
EN: dict[str, str] = {
    _R + "invalid": "the document is not valid EPCIS 2.0: {events}",
    **{_R + key: english for key, english in WORDINGS.items()},
}

FR: dict[str, str] = {
    _R + "invalid": "le document n'est pas un document EPCIS 2.0 valide : {events}",
    _R + "document": "(le document)",
    _R + "required": "{spot} : la propriété « {name} » est requise",
    _R + "not_allowed": "{spot} : la propriété « {name} » n'est pas permise ici",
    _R + "type_object": "{spot} : doit être un objet, et non {text}",
    _R + "type_array": "{spot} : doit être une liste, et non {text}",
    _R + "type_string": "{spot} : doit être une chaîne de caractères, et non {text}",
    _R + "type_number": "{spot} : doit être un nombre, et non {text}",
    _R + "type_integer": "{spot} : doit être un nombre entier, et non {text}",
    _R + "type_boolean": "{spot} : doit valoir true ou false, et non {text}",
    _R + "type_null": "{spot} : doit valoir null, et non {text}",
    _R + "types": "{spot} : doit être de l'un des types JSON {names}, et non {text}",
    _R + "enum": "{spot} : {text} n'est pas l'une des valeurs {choices}",
    _R + "enum_many": "{spot} : {text} n'est pas l'une des {n} valeurs que le schéma permet",
    _R + "const": "{spot} : doit valoir exactement {expected}, et non {text}",
    _R + "pattern": "{spot} : {text} ne suit pas le motif {pattern}",
    _R + "format_date_time": "{spot} : {text} n'est pas une date-heure RFC 3339",
    _R + "format_uri": "{spot} : {text} n'est pas une URI",
    _R + "format": "{spot} : {text} n'est pas au format {format}",
    _R + "min_items": "{spot} : doit contenir au moins {n} élément(s)",
    _R + "max_items": "{spot} : doit contenir au plus {n} élément(s)",
    _R + "min_length": "{spot} : doit compter au moins {n} caractère(s)",
    _R + "max_length": "{spot} : doit compter au plus {n} caractère(s)",
    _R + "minimum": "{spot} : doit valoir {bound} ou plus, et non {text}",
    _R + "maximum": "{spot} : doit valoir {bound} ou moins, et non {text}",
    _R + "unique": "{spot} : {text} y figure plus d'une fois",
    _R + "forbidden": "{spot} : n'est pas permis ici",
    _R + "not": "{spot} : {text} a une forme que le schéma interdit ici",
    _R + "any_of": "{spot} : {text} ne correspond à aucune des formes que le schéma permet",
    _R + "one_of": "{spot} : correspond à plus d'une des formes que le schéma permet, alors "
    "qu'une seule doit correspondre",
    _R + "other": "{spot} : ne satisfait pas la règle « {keyword} » du schéma",
}
