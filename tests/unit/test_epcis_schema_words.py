"""What GS1's EPCIS 2.0 schema refuses is said in Revalo's own words, one wording by the
schema's keyword, each made by a real broken document; the catalogue recognises each and
writes it again in French, the place in the document kept, no word of jsonschema's left."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any

import jsonschema
import pytest

from revalo.adapters.epcis_schema import WORDINGS, described, schema_errors
from revalo.entrypoints.api.messages import speak
from revalo.entrypoints.web.i18n import EN, FR
from revalo.entrypoints.web.i18n_epcis_schema import _R

EVENT = "epcisBody/eventList/0"
#: jsonschema's own English, which none of our texts may carry.
JSONSCHEMA_WORDS = re.compile(
    r"is a required property|is not of type|is not one of \[|does not match|is not a '|"
    r"Additional properties|was unexpected|should be non-empty|non-unique|should not be "
    r"valid|is not valid under|is too (short|long)|is less than|is greater than"
)
#: English words that must not be left in a French text.
ENGLISH_WORDS = re.compile(r"\b(property|must|not|allowed|required|is|the|values?)\b")


def _good() -> dict[str, Any]:
    return {
        "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
        "type": "EPCISDocument",
        "schemaVersion": "2.0",
        "creationDate": "2026-03-02T09:30:00Z",
        "epcisBody": {
            "eventList": [
                {
                    "type": "ObjectEvent",
                    "eventID": "urn:uuid:11111111-2222-4333-8444-555555555555",
                    "eventTime": "2026-03-02T09:30:00+01:00",
                    "eventTimeZoneOffset": "+01:00",
                    "action": "OBSERVE",
                    "epcList": ["urn:revalo:epcis:lpn:LPN000000007"],
                    "bizStep": "receiving",
                    "disposition": "returned",
                    "bizLocation": {"id": "urn:revalo:epcis:site:HUB-FR"},
                }
            ]
        },
    }


def _event(change: Callable[[dict[str, Any]], object]) -> Callable[[dict[str, Any]], object]:
    return lambda doc: change(doc["epcisBody"]["eventList"][0])


#: (wording, how the good document is broken, what is said in English, and in French).
BROKEN: list[tuple[str, Callable[[dict[str, Any]], object], str, str]] = [
    (
        "required",
        _event(lambda e: e.pop("eventTime")),
        f'{EVENT}: property "eventTime" is required',
        f"{EVENT} : la propriété « eventTime » est requise",
    ),
    (
        "not_allowed",
        _event(lambda e: e.update(colour="red")),
        f'{EVENT}: property "colour" is not allowed here',
        f"{EVENT} : la propriété « colour » n'est pas permise ici",
    ),
    (
        "not_allowed",
        _event(lambda e: e.update(bizTransactionList=[{"bizTransaction": "urn:x:1", "at": 1}])),
        f'{EVENT}/bizTransactionList/0: property "at" is not allowed here',
        f"{EVENT}/bizTransactionList/0 : la propriété « at » n'est pas permise ici",
    ),
    (
        "type_array",
        _event(lambda e: e.update(epcList="urn:revalo:epcis:lpn:LPN000000007")),
        f'{EVENT}/epcList: must be a list, not "urn:revalo:epcis:lpn:LPN000000007"',
        f'{EVENT}/epcList : doit être une liste, et non "urn:revalo:epcis:lpn:LPN000000007"',
    ),
    (
        "type_string",
        _event(lambda e: e.update(bizStep=5)),
        f"{EVENT}/bizStep: must be a string, not 5",
        f"{EVENT}/bizStep : doit être une chaîne de caractères, et non 5",
    ),
    (
        "type_number",
        _event(lambda e: e.update(quantityList=[{"epcClass": "urn:x:1", "quantity": "two"}])),
        f'{EVENT}/quantityList/0/quantity: must be a number, not "two"',
        f'{EVENT}/quantityList/0/quantity : doit être un nombre, et non "two"',
    ),
    (
        "enum",
        _event(lambda e: e.update(action="PUT")),
        f'{EVENT}/action: "PUT" is not one of the values "OBSERVE", "ADD", "DELETE"',
        f'{EVENT}/action : "PUT" n\'est pas l\'une des valeurs "OBSERVE", "ADD", "DELETE"',
    ),
    (
        "pattern",
        _event(lambda e: e.update(eventTimeZoneOffset="+25:00")),
        f'{EVENT}/eventTimeZoneOffset: "+25:00" does not follow the pattern '
        "^([+]|[-])((0[0-9]|1[0-3]):([0-5][0-9])|14:00)$",
        f'{EVENT}/eventTimeZoneOffset : "+25:00" ne suit pas le motif '
        "^([+]|[-])((0[0-9]|1[0-3]):([0-5][0-9])|14:00)$",
    ),
    (
        "format_date_time",
        _event(lambda e: e.update(eventTime="yesterday")),
        f'{EVENT}/eventTime: "yesterday" is not an RFC 3339 date-time',
        f'{EVENT}/eventTime : "yesterday" n\'est pas une date-heure RFC 3339',
    ),
    (
        # An event type GS1 does not name may be another vocabulary's, named by a URI.
        "format_uri",
        _event(lambda e: e.update(type="ReturnEvent")),
        f'{EVENT}/type: "ReturnEvent" is not a URI',
        f'{EVENT}/type : "ReturnEvent" n\'est pas une URI',
    ),
    (
        "min_items",
        _event(lambda e: e.update(persistentDisposition={"set": []})),
        f"{EVENT}/persistentDisposition/set: must hold at least 1 item(s)",
        f"{EVENT}/persistentDisposition/set : doit contenir au moins 1 élément(s)",
    ),
    (
        "unique",
        _event(lambda e: e.update(epcList=["urn:x:1", "urn:x:2", "urn:x:1"])),
        f'{EVENT}/epcList: "urn:x:1" is given more than once',
        f'{EVENT}/epcList : "urn:x:1" y figure plus d\'une fois',
    ),
    (
        # Master data (ilmd) is for units made or added, not for a DELETE.
        "forbidden",
        _event(lambda e: e.update(action="DELETE", ilmd={})),
        f"{EVENT}/ilmd: is not allowed here",
        f"{EVENT}/ilmd : n'est pas permis ici",
    ),
    (
        "document",
        lambda doc: doc.pop("epcisBody"),
        '(the document): property "epcisBody" is required',
        "(le document) : la propriété « epcisBody » est requise",
    ),
]

#: The wordings GS1's schema does not call for (no such keyword in it), each made by a
#: small schema: (wording, schema, instance, what is said).
OTHER_SCHEMAS: list[tuple[str, dict[str, Any], Any, str]] = [
    ("type_object", {"type": "object"}, [], "(the document): must be an object, not []"),
    ("type_integer", {"type": "integer"}, 1.5, "(the document): must be a whole number, not 1.5"),
    (
        "type_boolean",
        {"type": "boolean"},
        "yes",
        '(the document): must be true or false, not "yes"',
    ),
    ("type_null", {"type": "null"}, 0, "(the document): must be null, not 0"),
    (
        "types",
        {"type": ["string", "number"]},
        None,
        "(the document): must be one of the JSON types string, number, not null",
    ),
    (
        "enum_many",
        {"enum": [f"v{i}" for i in range(13)]},
        "w",
        '(the document): "w" is not one of the 13 values the schema allows',
    ),
    ("const", {"const": "2.0"}, "1.2", '(the document): must be exactly "2.0", not "1.2"'),
    (
        "format",
        {"format": "email"},
        "nobody",
        '(the document): "nobody" is not in the format email',
    ),
    ("max_items", {"maxItems": 1}, [1, 2], "(the document): must hold at most 1 item(s)"),
    ("min_length", {"minLength": 2}, "a", "(the document): must be at least 2 character(s) long"),
    ("max_length", {"maxLength": 1}, "ab", "(the document): must be at most 1 character(s) long"),
    ("minimum", {"minimum": 0}, -1, "(the document): must be 0 or more, not -1"),
    ("maximum", {"maximum": 10}, 11, "(the document): must be 10 or less, not 11"),
    (
        "not",
        {"not": {"type": "string"}},
        "a",
        '(the document): "a" has a form the schema forbids here',
    ),
    (
        "any_of",
        # Two forms refusing it alike: no deeper cause is better than the other.
        {
            "anyOf": [
                {"properties": {"a": {"type": "string"}}},
                {"properties": {"a": {"type": "number"}}},
            ]
        },
        {"a": []},
        '(the document): {"a": []} matches none of the forms the schema allows',
    ),
    (
        "one_of",
        {"oneOf": [{"type": "number"}, {"minimum": 0}]},
        5,
        "(the document): matches more than one of the forms the schema allows, where exactly "
        "one must match",
    ),
    ("other", {"multipleOf": 2}, 3, "(the document): does not satisfy the schema's multipleOf"),
]


def _broken(change: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    doc = copy.deepcopy(_good())
    change(doc)
    return doc


def test_the_good_document_validates() -> None:
    assert schema_errors(_good()) == []


@pytest.mark.parametrize("key,change,english,french", BROKEN, ids=[b[0] for b in BROKEN])
def test_each_wording_is_made_by_a_broken_document(
    key: str, change: Callable[[dict[str, Any]], object], english: str, french: str
) -> None:
    found = schema_errors(_broken(change))
    assert english in found, found
    assert not any(JSONSCHEMA_WORDS.search(line) for line in found), found


@pytest.mark.parametrize("key,change,english,french", BROKEN, ids=[b[0] for b in BROKEN])
def test_each_is_written_again_in_french_with_its_place(
    key: str, change: Callable[[dict[str, Any]], object], english: str, french: str
) -> None:
    assert speak(english, "fr") == french
    assert speak(english, "en") == english
    said = re.sub(r'"[^"]*"|«[^»]*»|\S*/\S*', "", french)  # the document's own words apart
    assert not ENGLISH_WORDS.search(said), french


@pytest.mark.parametrize("key,schema,instance,english", OTHER_SCHEMAS)
def test_the_other_keywords_are_worded_too(
    key: str, schema: dict[str, Any], instance: Any, english: str
) -> None:
    validator = jsonschema.Draft7Validator(
        schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )
    said = [line for error in validator.iter_errors(instance) for line in described(error)]
    assert said == [english]
    french = speak(english, "fr")
    assert french.startswith("(le document) : ") and french != english
    assert not ENGLISH_WORDS.search(re.sub(r'"[^"]*"|«[^»]*»', "", french)), french


def test_every_wording_is_made_and_in_the_catalogue() -> None:
    made = {b[0] for b in BROKEN} | {o[0] for o in OTHER_SCHEMAS}
    assert made == set(WORDINGS)
    for key, english in WORDINGS.items():
        assert EN[_R + key] == english and FR[_R + key]


def test_the_refusal_of_a_document_is_french_whole() -> None:
    doc = _broken(_event(lambda e: (e.pop("eventTime"), e.update(action="PUT; ADD"))))
    problems = schema_errors(doc)
    assert len(problems) == 3
    # The value's "; " is written as JSON escapes it: it is not taken for the joint.
    assert any('"PUT\\u003b ADD"' in p for p in problems), problems
    english = "the document is not valid EPCIS 2.0: " + "; ".join(problems)
    french = speak(english, "fr")
    assert french.startswith("le document n'est pas un document EPCIS 2.0 valide : ")
    assert f"{EVENT} : la propriété « eventTime » est requise" in french
    assert french.count(" ; ") == 2
    assert not JSONSCHEMA_WORDS.search(french)
    assert not ENGLISH_WORDS.search(re.sub(r'"[^"]*"|«[^»]*»|\S*/\S*', "", french)), french


def test_the_same_problem_is_said_once_and_at_most_twenty() -> None:
    # The schema's branches for each kind of document all find the missing type.
    found = schema_errors(_broken(lambda doc: doc.pop("type")))
    assert found.count('(the document): property "type" is required') == 1
    many = {f"x{i}": i for i in range(30)}
    assert len(schema_errors(_broken(_event(lambda e: e.update(many))))) == 20
