"""Every refusal the domain and the services raise (and the scan of a barcode, the
repositories, a leg's price, the pages' own, the checks of the engines' configuration files
and of the settings) has a French wording: the source is read for each
``raise SomeError("...")`` (and f-string, the message given to ``found``, the problem given
to a TOML reader's ``fail``, and the text of a ``ValueError`` or ``TypeError`` in a file
whose checks the reader turns into its problems), and its text, with each of its values as
a hole, must be the shape of a wording of the catalogue. A new English text without its
French fails here."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from revalo.domain import errors
from revalo.entrypoints.web.i18n import EN, FR

SOURCE = Path(errors.__file__).parents[1]
#: Where the refusals a person reads are made.
WHERE = (
    "domain",
    "services",
    "adapters/barcodes.py",
    "adapters/labels.py",
    "adapters/client_repositories.py",
    "adapters/people_repositories.py",
    "engines/transport/leg_prices.py",
    "entrypoints/web/pages_bench.py",
    "entrypoints/web/pages_login.py",
    # The configuration files' and the settings' checks.
    "engines/transport/toml_reader.py",
    "engines/transport/rate_cards.py",
    "engines/transport/distances.py",
    "engines/transport/choice.py",
    "engines/collection/config.py",
    "engines/disposition/params.py",
    "engines/floor_assignment/params.py",
    "settings.py",
    "settings_jobs.py",
)
#: Files whose ``ValueError`` and ``TypeError`` texts are a TOML reader's problems (its
#: typed getters and the checks given to ``TomlReader.get`` raise them, and it names the
#: file, line and key before them).
CHECKS = ("engines/transport/toml_reader.py", "engines/collection/config.py")
ERRORS = {
    name
    for name, value in vars(errors).items()
    if isinstance(value, type) and issubclass(value, errors.DomainError)
}
#: Errors of the services' own (subclasses of the domain's).
ERRORS |= {"UnreadableFile", "RateCardError"}
#: What a check of a TOML file raises (in ``CHECKS``).
CHECK_ERRORS = {"ValueError", "TypeError"}
HOLE = "\x00"
_PLACEHOLDER = re.compile(r"\{\w+\}")


def _shape(node: ast.expr, constants: dict[str, ast.expr]) -> str | None:
    """The text a message expression makes, each value a hole; None when it is not made
    here (a variable holding another message)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else HOLE for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _shape(node.left, constants), _shape(node.right, constants)
        return None if left is None or right is None else left + right
    if isinstance(node, ast.Name) and node.id in constants:
        return _shape(constants[node.id], constants)
    return None


def _message(node: ast.Call, checks: bool) -> ast.expr | None:
    """The message of a call that makes a refusal: an error's first argument, the second
    of ``found`` and of a TOML reader's ``fail``, and in ``checks`` a ``ValueError``'s or a
    ``TypeError``'s; None for any other call."""
    if isinstance(node.func, ast.Attribute):
        return node.args[1] if node.func.attr == "fail" and len(node.args) > 1 else None
    if not isinstance(node.func, ast.Name):
        return None
    name = node.func.id
    if (name in ERRORS or (checks and name in CHECK_ERRORS)) and node.args:
        return node.args[0]
    if name == "found" and len(node.args) > 1:
        return node.args[1]
    return None


def raised_texts() -> Iterator[tuple[str, str]]:
    """(where, shape) of every refusal text written in the domain and the services."""
    for folder in WHERE:
        place = SOURCE / folder
        for path in sorted(place.rglob("*.py")) if place.is_dir() else [place]:
            tree = ast.parse(path.read_text(encoding="utf-8"))
            constants = {
                t.id: n.value
                for n in tree.body
                if isinstance(n, ast.Assign)
                for t in n.targets
                if isinstance(t, ast.Name)
            }
            checks = str(path.relative_to(SOURCE)) in CHECKS
            for node in ast.walk(tree):
                message = _message(node, checks) if isinstance(node, ast.Call) else None
                if message is None:
                    continue
                shape = _shape(message, constants)
                if shape is not None:
                    yield f"{path.relative_to(SOURCE)}:{node.lineno}", shape


def wording_shapes() -> set[str]:
    return {_PLACEHOLDER.sub(HOLE, v) for k, v in EN.items() if k.startswith("said.")}


def test_the_source_is_read() -> None:
    found = list(raised_texts())
    assert len(found) > 150
    assert any(shape == "a return needs at least one line" for _, shape in found)
    shapes = {shape for _, shape in found}
    # A TOML reader's problems: given to ``fail``, and raised by its checks.
    assert "must be a table of country = factor" in shapes
    assert f"must be a number, not {HOLE}" in shapes
    assert f"{HOLE}:{HOLE}: {HOLE}: {HOLE}" in shapes


@pytest.mark.parametrize("where,shape", list(raised_texts()), ids=lambda x: str(x)[:60])
def test_every_refusal_text_has_a_french_wording(where: str, shape: str) -> None:
    assert shape in wording_shapes(), f"{where}: no wording in the catalogue for {shape!r}"


#: A value of each kind a refusal names, as the domain writes it.
SAMPLE = {
    "state": "graded",
    "target": "closed",
    "again": "graded",
    "role": "technician",
    "doing": "moved",
    "roles": "administrator, technician",
    "states": "closed, in_transit",
    "route": "recycle",
    "kind": "recycler",
    "kinds": "recycler, kept in-house",
    "does": "inspect and grade a unit",
    "line": "2",
    "n": "3",
    "lpn": "LPN00000001",
    "rma": "RMA00000012",
    "id": "WO-7",
    "country": "FR",
    "reason": "tool version",
    "end": "2026-01-31",
    "by": "2023-02-01",
    "price": "59.90 EUR",
    "config": "carriers.toml",
    "lineno": "12",
    "dotted": "parcel[0].zone[1].prices",
    "setting": "withdrawal_days",
    "item": "'FR-BE'",
    "clock": "25:30",
    "weight": "40",
}
REFUSALS = sorted(k for k in EN if k.startswith("said.refusal."))


@pytest.mark.parametrize("key", REFUSALS)
def test_each_refusal_is_written_again_in_french(key: str) -> None:
    from revalo.entrypoints.api.messages import speak
    from revalo.entrypoints.cli_messages import said

    names = set(re.findall(r"\{(\w+)\}", EN[key]))
    english = EN[key].format(**{n: SAMPLE.get(n, "HUB-FR") for n in names})
    french = speak(english, "fr")
    for piece in re.split(r"\{\w+\}", FR[key]):
        assert piece.strip() in french, (english, french)
    assert said(english, "fr") == french
    assert speak(english, "en") == said(english, "en") == english
