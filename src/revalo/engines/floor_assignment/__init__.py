"""The floor's assignment engine: the day's open tasks given to the people on shift, each to
someone who may do it, the load even and the walking between zones short."""

from revalo.engines.floor_assignment.greedy import greedy_assignment
from revalo.engines.floor_assignment.params import AssignmentParams, load_params
from revalo.engines.floor_assignment.problem import (
    AssignmentProblem,
    AssignmentResult,
    PersonPlan,
    PersonSpec,
    TaskSpec,
    check_assignment,
)
from revalo.engines.floor_assignment.solve import solve_assignment

__all__ = [
    "AssignmentParams",
    "AssignmentProblem",
    "AssignmentResult",
    "PersonPlan",
    "PersonSpec",
    "TaskSpec",
    "check_assignment",
    "greedy_assignment",
    "load_params",
    "solve_assignment",
]
