"""The demo's defaults, apart from its build: the command line shows them at once."""

#: The default demo's size: its build takes about a minute on a 2-core machine (README).
DEFAULT_UNITS = 1_800
