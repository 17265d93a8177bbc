"""EPCIS 2.0 documents checked against GS1's JSON Schema (draft-07), with the formats checked
too: ``rfc3987`` for ``format: uri`` and ``rfc3339-validator`` for ``format: date-time``
(without them jsonschema skips those formats silently; this module refuses to start).

The schema is GS1's (github.com/gs1/EPCIS, commit 2b888bef), shipped in
``config/epcis-2.0-schema.json``.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import jsonschema

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


def schema_errors(document: Any, *, limit: int = 20) -> list[str]:
    """What in ``document`` the EPCIS 2.0 schema refuses, each with where it is; empty when
    it validates."""
    found = []
    for error in sorted(_validator().iter_errors(document), key=lambda e: list(e.path)):
        where = "/".join(str(p) for p in error.absolute_path) or "(the document)"
        found.append(f"{where}: {_short(error)}")
        if len(found) >= limit:
            break
    return found


def _short(error: jsonschema.ValidationError) -> str:
    # The schema's anyOf branches hide the real cause: name the deepest one.
    best = jsonschema.exceptions.best_match([error, *error.context]) if error.context else error
    message = str(best.message)
    return message if len(message) <= 300 else message[:297] + "..."
