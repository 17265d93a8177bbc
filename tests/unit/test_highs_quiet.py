"""The HiGHS solver prints nothing: no banner in the demo's summary nor in piped output."""

from __future__ import annotations

import subprocess
import sys

SOLVE = """
import numpy as np
from revalo.engines.disposition.highs_model import MipModel, solve_mip
model = MipModel(
    cost=np.array([2.0, 1.0]),
    col_upper=np.array([1.0, 1.0]),
    start=np.array([0, 1, 2], dtype=np.int64),
    index=np.array([0, 0], dtype=np.int64),
    row_lower=np.array([0.0]),
    row_upper=np.array([1.0]),
)
out = solve_mip(model, time_limit_s=5, mip_gap=0.0, seed=0)
print(out.status, round(out.objective, 6))
"""


def test_a_solve_writes_only_what_the_program_prints() -> None:
    done = subprocess.run([sys.executable, "-c", SOLVE], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "optimal 2.0\n"
    assert "HiGHS" not in done.stderr
