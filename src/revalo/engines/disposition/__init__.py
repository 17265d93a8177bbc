"""The disposition engine: the best second life for each returned unit, by value, time, cost,
CO2 and law."""

from revalo.engines.disposition.baselines import (
    greedy_disposition,
    hierarchy_first_disposition,
    regret_greedy_disposition,
)
from revalo.engines.disposition.batch import BatchScores, build_tables, score_batch
from revalo.engines.disposition.explain import UnitScore, score_unit
from revalo.engines.disposition.options import Option, enumerate_options
from revalo.engines.disposition.params import DispositionParams, load_params
from revalo.engines.disposition.problem import (
    ChannelSpec,
    DispositionProblem,
    SiteSpec,
    UnitBatch,
    load_channels,
)
from revalo.engines.disposition.solve import DispositionResult, solve_disposition
from revalo.engines.disposition.value import Breakdown, unit_value

__all__ = [
    "BatchScores",
    "Breakdown",
    "ChannelSpec",
    "DispositionParams",
    "DispositionProblem",
    "DispositionResult",
    "Option",
    "SiteSpec",
    "UnitBatch",
    "UnitScore",
    "build_tables",
    "enumerate_options",
    "greedy_disposition",
    "hierarchy_first_disposition",
    "load_channels",
    "load_params",
    "regret_greedy_disposition",
    "score_batch",
    "score_unit",
    "solve_disposition",
    "unit_value",
]
