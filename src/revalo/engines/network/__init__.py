"""The network engine: which hubs, repair, refurbishment and recycling sites to open, and
where each demand point's returns go (capacitated facility location on HiGHS)."""

from revalo.engines.network.params import NetworkParams
from revalo.engines.network.problem import (
    ACTIVITIES,
    CLOSED,
    DOWNSTREAM,
    FREE,
    OPEN,
    RECEIVING,
    Demands,
    Lanes,
    NetworkProblem,
    Sites,
    empty_lanes,
    lanes,
    plain_demands,
    receiving_sites,
)
from revalo.engines.network.solve import NetworkResult, solve_network

__all__ = [
    "ACTIVITIES",
    "CLOSED",
    "DOWNSTREAM",
    "FREE",
    "OPEN",
    "RECEIVING",
    "Demands",
    "Lanes",
    "NetworkParams",
    "NetworkProblem",
    "NetworkResult",
    "Sites",
    "empty_lanes",
    "lanes",
    "plain_demands",
    "receiving_sites",
    "solve_network",
]
