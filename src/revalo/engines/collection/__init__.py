"""Collection planning: which pickups to collect today, with which vehicle, in which order.

Pure engine: problem and result are frozen dataclasses; the solver (PyVRP) is reached only
through ``pyvrp_adapter``. Benchmark instances (Solomon, VRPLIB) are read in ``instances``.
"""
