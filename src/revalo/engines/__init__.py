"""Pure decision code: functions over frozen dataclasses and NumPy arrays, no I/O."""
