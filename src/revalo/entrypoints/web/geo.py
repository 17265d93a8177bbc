"""The network map: sites and flows drawn on a projected plane, over country outlines.

Outlines come from the ``countryinfo`` package when it is installed (GeoJSON of every
country, derived from Natural Earth), read once from its data files; without it the map
shows a longitude/latitude graticule only. Nothing is fetched from the network.

Projection: equirectangular with the longitudes scaled by the cosine of the map's middle
latitude, which keeps Europe's shapes right to a few percent over the area drawn.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.util import find_spec
from typing import Any

log = logging.getLogger(__name__)

#: The package that ships country outlines as data files (optional).
OUTLINES_PACKAGE = "countryinfo"


@dataclass(frozen=True, slots=True)
class BBox:
    west: float
    south: float
    east: float
    north: float

    def overlaps(self, other: BBox) -> bool:
        return not (
            other.east < self.west
            or other.west > self.east
            or other.north < self.south
            or other.south > self.north
        )


@dataclass(frozen=True, slots=True)
class Projection:
    """Longitude/latitude to SVG x/y in a ``width`` x ``height`` box around ``bbox``."""

    bbox: BBox
    width: float
    height: float

    @property
    def _k(self) -> float:
        return math.cos(math.radians((self.bbox.south + self.bbox.north) / 2))

    @property
    def _scale(self) -> float:
        b = self.bbox
        return min(self.width / ((b.east - b.west) * self._k), self.height / (b.north - b.south))

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        b, s = self.bbox, self._scale
        used_w = (b.east - b.west) * self._k * s
        used_h = (b.north - b.south) * s
        x = (self.width - used_w) / 2 + (lon - b.west) * self._k * s
        y = (self.height - used_h) / 2 + (b.north - lat) * s
        return x, y


def fit_bbox(points: Iterable[tuple[float, float]], *, margin: float = 2.0) -> BBox:
    """The box around ``(lon, lat)`` points with a margin in degrees (Europe by default)."""
    pts = list(points)
    if not pts:
        return BBox(-11.0, 35.0, 25.0, 60.0)
    lons = [p[0] for p in pts]
    lats = [p[1] for p in pts]
    return BBox(
        max(-180.0, min(lons) - margin * 1.5),
        max(-85.0, min(lats) - margin),
        min(180.0, max(lons) + margin * 1.5),
        min(85.0, max(lats) + margin),
    )


def outlines_available() -> bool:
    return find_spec(OUTLINES_PACKAGE) is not None


Ring = tuple[tuple[float, float], ...]


@lru_cache(maxsize=1)
def _countries() -> tuple[tuple[str, BBox, tuple[Ring, ...]], ...]:
    """Every country's outer rings, read once from the package's data files."""
    if not outlines_available():
        return ()
    out = []
    folder = resources.files(OUTLINES_PACKAGE).joinpath("data")
    for entry in folder.iterdir():
        if not entry.name.endswith(".json"):
            continue
        try:
            data = json.loads(entry.read_text(encoding="utf-8"))
            rings = tuple(_rings(data.get("geoJSON") or {}))
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            log.warning("country outline %s is not readable: %s", entry.name, exc)
            continue
        if not rings:
            continue
        lons = [p[0] for r in rings for p in r]
        lats = [p[1] for r in rings for p in r]
        iso = str((data.get("ISO") or {}).get("alpha2", "")) if isinstance(data, dict) else ""
        out.append((iso, BBox(min(lons), min(lats), max(lons), max(lats)), rings))
    return tuple(out)


def _rings(geo: dict[str, Any]) -> Iterable[Ring]:
    features = geo.get("features", [geo]) if geo.get("type") == "FeatureCollection" else [geo]
    for f in features:
        g = f.get("geometry", f)
        kind, coords = g.get("type"), g.get("coordinates", [])
        polygons = [coords] if kind == "Polygon" else coords if kind == "MultiPolygon" else []
        for poly in polygons:
            if poly:
                yield tuple((float(x), float(y)) for x, y, *_ in poly[0])


def country_paths(proj: Projection) -> list[tuple[str, str]]:
    """``(iso2, svg path)`` of every country overlapping the projection's box."""
    view = proj.bbox
    out = []
    for iso, box, rings in _countries():
        if not view.overlaps(box):
            continue
        parts = []
        for ring in rings:
            pts = [proj.xy(lon, lat) for lon, lat in ring]
            parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in pts) + "Z")
        out.append((iso, "".join(parts)))
    return out


def graticule(proj: Projection, step: int = 5) -> list[str]:
    """SVG path data of the meridians and parallels every ``step`` degrees."""
    b = proj.bbox
    lines = []
    lon = math.ceil(b.west / step) * step
    while lon <= b.east:
        (x1, y1), (x2, y2) = proj.xy(lon, b.north), proj.xy(lon, b.south)
        lines.append(f"M{x1:.1f},{y1:.1f}L{x2:.1f},{y2:.1f}")
        lon += step
    lat = math.ceil(b.south / step) * step
    while lat <= b.north:
        (x1, y1), (x2, y2) = proj.xy(b.west, lat), proj.xy(b.east, lat)
        lines.append(f"M{x1:.1f},{y1:.1f}L{x2:.1f},{y2:.1f}")
        lat += step
    return lines


def arc(a: tuple[float, float], b: tuple[float, float], bend: float = 0.18) -> str:
    """A gentle curve from ``a`` to ``b`` (so that A->B and B->A do not overlap)."""
    (x1, y1), (x2, y2) = a, b
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    dx, dy = x2 - x1, y2 - y1
    cx, cy = mx - dy * bend, my + dx * bend
    return f"M{x1:.1f},{y1:.1f}Q{cx:.1f},{cy:.1f} {x2:.1f},{y2:.1f}"


def stroke_width(
    units: int, largest: int, *, thinnest: float = 1.0, thickest: float = 9.0
) -> float:
    """Line width by the square root of the units carried, so that area reads as volume."""
    if largest <= 0:
        return thinnest
    return thinnest + (thickest - thinnest) * math.sqrt(max(units, 0) / largest)


def radius(units: int, largest: int, *, smallest: float = 4.0, largest_r: float = 18.0) -> float:
    if largest <= 0:
        return smallest
    return smallest + (largest_r - smallest) * math.sqrt(max(units, 0) / largest)
