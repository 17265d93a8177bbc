"""Rows written as CSV (a header, then a row each), for the exports that are small enough
to be made in memory: a unit's trail, a consignment's waste-tracking slip."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from typing import Any


def rows_csv(columns: Sequence[str], rows: Sequence[Mapping[str, Any]]) -> str:
    sink = io.StringIO()
    writer = csv.DictWriter(sink, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return sink.getvalue()
