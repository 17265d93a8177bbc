"""Scoring one unit for a person: every option ranked with its breakdown, and why the others
are closed."""

from __future__ import annotations

from dataclasses import dataclass

from revalo.engines.disposition.options import Option, enumerate_options, exclusion
from revalo.engines.disposition.params import DispositionParams
from revalo.engines.disposition.problem import DispositionProblem
from revalo.engines.disposition.value import Breakdown, damaged_lithium, unit_value


@dataclass(frozen=True, slots=True)
class ScoredOption:
    option: Option
    label: str
    breakdown: Breakdown
    objective: float


@dataclass(frozen=True, slots=True)
class ExcludedOption:
    option: Option
    label: str
    reason: str


@dataclass(frozen=True, slots=True)
class UnitScore:
    """Open options best first (by objective), then the closed ones with their reason."""

    ranked: tuple[ScoredOption, ...]
    excluded: tuple[ExcludedOption, ...]
    #: What else weighs on every option (a damaged battery's transport rules).
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        objectives = [s.objective for s in self.ranked]
        if objectives != sorted(objectives, reverse=True):
            raise ValueError("open options must be ranked best first")

    @property
    def best(self) -> ScoredOption | None:
        return self.ranked[0] if self.ranked else None


DAMAGED_LITHIUM_NOTE = (
    "its lithium battery was found damaged or defective: every trip is priced with a service "
    "carrying under ADR special provision 376 (packing P908 / LP904), never a parcel or "
    "express network"
)


def _step_not_of(problem: DispositionProblem, option: Option, category: str) -> bool:
    """Whether the option is a price step past the first that the category does not have."""
    if option.channel is None or option.step == 0:
        return False
    return category not in problem.channels[option.channel].demand


def score_unit(problem: DispositionProblem, params: DispositionParams, unit: int = 0) -> UnitScore:
    """Rank every option of one unit of the problem.

    Parameters
    ----------
    problem
        The problem holding the unit.
    params
        Value-model and objective parameters.
    unit
        Row of the unit in ``problem.units``.

    Returns
    -------
    UnitScore
        Open options by decreasing objective, each with its breakdown (price, decay, each
        cost, CO2, waste-hierarchy rank); closed options with the rule that closes them.
    """
    u = problem.units
    product = problem.products[int(u.product[unit])]
    f, c, h = int(u.functional[unit]), int(u.cosmetic[unit]), bool(u.hazardous[unit])
    scored, excluded = [], []
    for option in enumerate_options(problem):
        label = option.label(problem)
        reason = exclusion(problem, option, product, f, c, h)
        if reason is not None and _step_not_of(problem, option, product.category):
            continue
        if reason is not None:
            excluded.append(ExcludedOption(option, label, reason))
            continue
        b = unit_value(problem, params, option, unit)
        scored.append(ScoredOption(option, label, b, b.objective(params)))
    scored.sort(key=lambda s: (-s.objective, s.label))
    notes = (DAMAGED_LITHIUM_NOTE,) if damaged_lithium(problem, unit) else ()
    return UnitScore(tuple(scored), tuple(excluded), notes)
