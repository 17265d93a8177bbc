"""EPCIS 2.0 documents checked against GS1's JSON Schema (draft-07), with the formats checked
too: ``rfc3987`` for ``format: uri`` and ``rfc3339-validator`` for ``format: date-time``
(without them jsonschema skips those formats silently; this module refuses to start).

The schema is GS1's (github.com/gs1/EPCIS, commit 2b888bef), shipped in
``config/epcis-2.0-schema.json``.

What it refuses is said in Revalo's own words (``WORDINGS``), made from each error's keyword,
values and place rather than from jsonschema's English: the catalogue
(``web/i18n_epcis_schema``) holds the same wordings, recognises them and writes them again in
French at every door (the API, the pages, the command).
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

import jsonschema
from jsonschema.exceptions import ValidationError, best_match

_FORMATS = ("uri", "date-time")


@cache
def _validator() -> jsonschema.Draft7Validator:
    schema = json.loads(
        resources.files("revalo.config").joinpath("epcis-2.0-schema.json").read_text("utf-8")
    )
    checker = jsonschema.Draft7Validator.FORMAT_CHECKER
    missing = [f for f in _FORMATS if f not in checker.checkers]
    if missing:
        raise RuntimeError(
            f"EPCIS documents cannot be checked: jsonschema has no checker for {missing} "
            "(install rfc3987 and rfc3339-validator)"
        )
    return jsonschema.Draft7Validator(schema, format_checker=checker)


#: What the schema refuses, worded by the keyword that refuses it; ``{spot}`` is the place
#: in the document ("epcisBody/eventList/0/eventTime"), ``{text}`` the value found there (as
#: JSON, cut short). The catalogue's ``said.refusal.epcis_schema.*`` are the same, with their
#: French.
WORDINGS: dict[str, str] = {
    "document": "(the document)",
    "required": '{spot}: property "{name}" is required',
    "not_allowed": '{spot}: property "{name}" is not allowed here',
    "type_object": "{spot}: must be an object, not {text}",
    "type_array": "{spot}: must be a list, not {text}",
    "type_string": "{spot}: must be a string, not {text}",
    "type_number": "{spot}: must be a number, not {text}",
    "type_integer": "{spot}: must be a whole number, not {text}",
    "type_boolean": "{spot}: must be true or false, not {text}",
    "type_null": "{spot}: must be null, not {text}",
    "types": "{spot}: must be one of the JSON types {names}, not {text}",
    "enum": "{spot}: {text} is not one of the values {choices}",
    "enum_many": "{spot}: {text} is not one of the {n} values the schema allows",
    "const": "{spot}: must be exactly {expected}, not {text}",
    "pattern": "{spot}: {text} does not follow the pattern {pattern}",
    "format_date_time": "{spot}: {text} is not an RFC 3339 date-time",
    "format_uri": "{spot}: {text} is not a URI",
    "format": "{spot}: {text} is not in the format {format}",
    "min_items": "{spot}: must hold at least {n} item(s)",
    "max_items": "{spot}: must hold at most {n} item(s)",
    "min_length": "{spot}: must be at least {n} character(s) long",
    "max_length": "{spot}: must be at most {n} character(s) long",
    "minimum": "{spot}: must be {bound} or more, not {text}",
    "maximum": "{spot}: must be {bound} or less, not {text}",
    "unique": "{spot}: {text} is given more than once",
    "forbidden": "{spot}: is not allowed here",
    "not": "{spot}: {text} has a form the schema forbids here",
    "any_of": "{spot}: {text} matches none of the forms the schema allows",
    "one_of": "{spot}: matches more than one of the forms the schema allows, where exactly "
    "one must match",
    "other": "{spot}: does not satisfy the schema's {keyword}",
}
#: The most values of an enum named in full.
_MOST_CHOICES = 12
#: The longest value shown (as JSON) before it is cut.
_LONGEST = 60
_TYPES = {"object", "array", "string", "number", "integer", "boolean", "null"}
_FORMATS_WORDED = {"date-time": "format_date_time", "uri": "format_uri"}
#: Bounds and sizes, each with its wording.
_SIZES = {
    "minItems": "min_items",
    "maxItems": "max_items",
    "minLength": "min_length",
    "maxLength": "max_length",
}
_BOUNDS = {"minimum": "minimum", "maximum": "maximum"}


def schema_errors(document: Any, *, limit: int = 20) -> list[str]:
    """What in ``document`` the EPCIS 2.0 schema refuses, each with where it is, in
    ``WORDINGS``; empty when it validates."""
    found: list[str] = []
    for error in sorted(_validator().iter_errors(document), key=_place):
        for line in described(error):
            if line not in found:  # the schema's branches often say the same twice
                found.append(line)
        if len(found) >= limit:
            break
    return found[:limit]


def described(error: ValidationError) -> list[str]:
    """One of the schema's errors in ``WORDINGS``: its deepest cause (the schema's ``anyOf``
    branches hide the real one), where it is, and what is wrong there (one line for each
    property missing or not allowed)."""
    best = best_match([error, *error.context]) if error.context else error
    where = "/".join(_plain(str(p)) for p in best.absolute_path) or WORDINGS["document"]
    return [WORDINGS[key].format(spot=where, **values) for key, values in _worded(best)]


def _worded(e: ValidationError) -> list[tuple[str, dict[str, str]]]:
    # jsonschema types these as possibly unset: an error from a validator always has them.
    keyword: Any = e.validator
    want: Any = e.validator_value
    got: Any = e.instance
    text = _json(got)
    if "propertyNames" in e.absolute_schema_path:
        # The schema names what an object may hold: the instance is the name refused.
        return [("not_allowed", {"name": _plain(str(got))})]
    if keyword == "required" and isinstance(got, dict):
        return [("required", {"name": _plain(n)}) for n in want if n not in got]
    if keyword == "additionalProperties" and isinstance(got, dict):
        return [("not_allowed", {"name": _plain(str(n))}) for n in _extras(got, e.schema)]
    if keyword == "type":
        if isinstance(want, str) and want in _TYPES:
            return [("type_" + want, {"text": text})]
        return [("types", {"names": ", ".join(map(str, want)), "text": text})]
    if keyword == "enum":
        if len(want) > _MOST_CHOICES:
            return [("enum_many", {"text": text, "n": str(len(want))})]
        return [("enum", {"text": text, "choices": ", ".join(_json(c) for c in want)})]
    if keyword == "const":
        return [("const", {"expected": _json(want), "text": text})]
    if keyword == "pattern":
        return [("pattern", {"text": text, "pattern": _cut(_plain(want))})]
    if keyword == "format":
        key = _FORMATS_WORDED.get(want, "format")
        return [(key, {"text": text, "format": _plain(str(want))})]
    if keyword in _SIZES:
        return [(_SIZES[keyword], {"n": str(want)})]
    if keyword in _BOUNDS:
        return [(_BOUNDS[keyword], {"bound": _json(want), "text": text})]
    if keyword == "uniqueItems" and isinstance(got, list):
        return [("unique", {"text": _json(_twice(got))})]
    if keyword == "not":
        return [("forbidden" if want in ({}, True) else "not", {"text": text})]
    if keyword in ("anyOf", "oneOf"):
        # A oneOf with no cause left is one that more than one of its forms matched.
        return [("one_of" if keyword == "oneOf" and not e.context else "any_of", {"text": text})]
    return [("other", {"keyword": _plain(str(keyword or "false schema"))})]


def _extras(instance: dict[str, Any], schema: Any) -> list[str]:
    """The properties of ``instance`` that neither ``properties`` nor ``patternProperties``
    of its schema names (those ``additionalProperties: false`` refuses)."""
    named = schema.get("properties", {}) if isinstance(schema, dict) else {}
    patterns = schema.get("patternProperties", {}) if isinstance(schema, dict) else {}
    return [k for k in instance if k not in named and not any(re.search(p, k) for p in patterns)]


def _twice(items: list[Any]) -> Any:
    """The first item of ``items`` given again."""
    seen: list[Any] = []
    for item in items:
        if item in seen:
            return item
        seen.append(item)
    return items[0] if items else None


def _json(value: Any) -> str:
    return _cut(_plain(json.dumps(value, ensure_ascii=False, default=str)))


def _plain(text: str) -> str:
    # "; " joins the problems into one message: inside one, it is written as JSON escapes it.
    return text.replace("; ", "\\u003b ")


def _cut(text: str) -> str:
    return text if len(text) <= _LONGEST else text[: _LONGEST - 3] + "..."


def _place(error: ValidationError) -> list[tuple[int, int, str]]:
    # Indexes and names apart: a list's items in order, and no comparing a number to a name.
    return [(0, p, "") if isinstance(p, int) else (1, 0, str(p)) for p in error.path]
