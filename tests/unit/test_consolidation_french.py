"""What the consolidation planner says of a lane (ship now or wait, and why; the units no
service carries) is written again in French for the pages and the command line."""

from __future__ import annotations

from datetime import timedelta

import pytest

from revalo.engines.transport.choice import ChoiceParams
from revalo.engines.transport.consolidation import ConsolidationDecision, WaitingUnit
from revalo.entrypoints.web.system_texts import in_language
from tests.e2e.french_pages import CODE, english_words, words
from tests.unit.transport.test_consolidation import STEADY, TODAY, plan, unit


def _decisions() -> dict[str, ConsolidationDecision]:
    old = unit(2, since=TODAY - timedelta(days=5))
    return {
        "parcels now": plan([unit(1), unit(2)]),
        "wait": plan([unit(1), unit(2), unit(3)], STEADY),
        "value loss": plan([unit(n, loss=6.0) for n in (1, 2, 3)], STEADY),
        "margin": plan([unit(1), unit(2), unit(3)], STEADY, min_saving_eur=15.0),
        "co2 priced": plan(
            [unit(1), unit(2), unit(3)], STEADY, choice=ChoiceParams(co2_eur_per_kg=0.1)
        ),
        "due": plan([unit(1), unit(2, due=TODAY), unit(3, due=TODAY)], STEADY),
        "waited": plan([unit(1), old, unit(3)], STEADY, max_wait_days=5),
        "lithium": plan([unit(n) for n in range(10)] + [unit(99, lithium=True)]),
        "too heavy": plan([unit(1), WaitingUnit("LPN-HEAVY", 30_000, 2.0, 1.0, TODAY)]),
        "nothing carries": plan([WaitingUnit("LPN-HEAVY", 30_000, 2.0, 1.0, TODAY)]),
    }


@pytest.mark.parametrize("case", list(_decisions()))
def test_each_reason_of_a_lane_in_french(case: str) -> None:
    decision = _decisions()[case]
    texts = [decision.reason, *(why for _, why in decision.unshippable)]
    english = english_words()
    for text in texts:
        french = in_language(text, "fr")
        assert french != text, text
        left = words([CODE.sub(" ", french)]) & english
        assert not left, (text, french, left)
