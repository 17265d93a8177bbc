"""Parameters of the floor's assignment, with defaults read from
``config/floor_assignment.toml``."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from revalo.domain.errors import InvalidValue


def _minutes() -> dict[str, float]:
    return {"put_away": 6.0, "to_workshop": 5.0, "pick": 3.0, "load": 20.0, "count": 12.0}


def _zones() -> dict[str, float]:
    return {
        "receiving": 0.0,
        "outbound": 10.0,
        "quarantine": 25.0,
        "inspection": 35.0,
        "recycling_cage": 50.0,
        "work_in_progress": 70.0,
        "graded_stock": 95.0,
    }


@dataclass(frozen=True, slots=True)
class AssignmentParams:
    """Every figure the assignment plans with (see the TOML for what each one is)."""

    max_hours: float = 7.0
    minutes: Mapping[str, float] = field(default_factory=_minutes)
    pick_line_minutes: float = 1.5
    truck_minutes: float = 4.0
    metres_per_minute: float = 60.0
    zones: Mapping[str, float] = field(default_factory=_zones)
    fleet: Mapping[str, int] = field(
        default_factory=lambda: {"reach_truck": 2, "counterbalance_truck": 2}
    )
    priority_weights: tuple[float, float, float] = (4.0, 2.0, 1.0)
    balance_weight: float = 4.0
    walk_weight: float = 1.0
    time_limit_s: float = 1.5
    mip_gap: float = 0.005

    def __post_init__(self) -> None:
        if not 0 < self.max_hours <= 24:
            raise InvalidValue(f"max_hours {self.max_hours} must be over 0 and at most 24")
        if self.metres_per_minute <= 0:
            raise InvalidValue("metres_per_minute must be positive", field="metres_per_minute")
        if self.time_limit_s <= 0:
            raise InvalidValue("time_limit_s must be positive", field="time_limit_s")
        figures = {
            "pick_line_minutes": self.pick_line_minutes,
            "truck_minutes": self.truck_minutes,
            "balance_weight": self.balance_weight,
            "walk_weight": self.walk_weight,
            "mip_gap": self.mip_gap,
        }
        figures |= {f"minutes.{k}": v for k, v in self.minutes.items()}
        figures |= {f"zones.{k}": v for k, v in self.zones.items()}
        figures |= {f"fleet.{k}": v for k, v in self.fleet.items()}
        for name, value in figures.items():
            if value < 0:
                raise InvalidValue(f"{name} must not be negative", field=name)
        if len(self.priority_weights) != 3 or min(self.priority_weights) <= 0:
            raise InvalidValue(
                "priority_weights are three positive weights", field="priority_weights"
            )

    def walk_hours(self, zone: str) -> float:
        """A walk from the dock to the zone and back (a zone not in the layout: none)."""
        return 2 * self.zones.get(zone, 0.0) / self.metres_per_minute / 60

    def task_hours(self, kind: str, *, lines: int = 1, truck: bool = False) -> float:
        """The standard time of a task of that kind, in hours."""
        if kind not in self.minutes:
            raise InvalidValue(f"no standard time for a {kind} task", field="minutes")
        extra = self.pick_line_minutes * max(0, lines - 1) + (self.truck_minutes if truck else 0)
        return (self.minutes[kind] + extra) / 60


def _table(raw: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    value = raw.get(name, {})
    if not isinstance(value, Mapping):
        raise InvalidValue(f"[{name}] must be a table", field=name)
    return value


def params_from_dict(raw: Mapping[str, Any], **overrides: Any) -> AssignmentParams:
    """Build parameters from the TOML structure; keyword overrides win."""
    shift, minutes, walking = (
        _table(raw, "shift"),
        dict(_table(raw, "minutes")),
        _table(raw, "walking"),
    )
    objective, solver = _table(raw, "objective"), _table(raw, "solver")
    kw: dict[str, Any] = {}
    if "max_hours" in shift:
        kw["max_hours"] = float(shift["max_hours"])
    if "pick_line" in minutes:
        kw["pick_line_minutes"] = float(minutes.pop("pick_line"))
    if "truck" in minutes:
        kw["truck_minutes"] = float(minutes.pop("truck"))
    if minutes:
        kw["minutes"] = {k: float(v) for k, v in minutes.items()}
    if "metres_per_minute" in walking:
        kw["metres_per_minute"] = float(walking["metres_per_minute"])
    if "zones" in raw:
        kw["zones"] = {k: float(v) for k, v in _table(raw, "zones").items()}
    if "fleet" in raw:
        kw["fleet"] = {k: int(v) for k, v in _table(raw, "fleet").items()}
    for key in ("balance_weight", "walk_weight"):
        if key in objective:
            kw[key] = float(objective[key])
    if "priority_weights" in objective:
        kw["priority_weights"] = tuple(float(w) for w in objective["priority_weights"])
    for key in ("time_limit_s", "mip_gap"):
        if key in solver:
            kw[key] = float(solver[key])
    try:
        return AssignmentParams(**(kw | overrides))
    except TypeError as exc:
        raise InvalidValue(f"unknown assignment parameter: {exc}") from exc


def load_params(path: Path | None = None, **overrides: Any) -> AssignmentParams:
    """The parameters of ``path``, or of the packaged ``config/floor_assignment.toml``."""
    if path is None:
        text = resources.files("revalo.config").joinpath("floor_assignment.toml").read_text()
    else:
        text = path.read_text(encoding="utf-8")
    return params_from_dict(tomllib.loads(text), **overrides)
