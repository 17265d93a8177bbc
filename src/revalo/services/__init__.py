"""Use cases: one function per use case, inside a unit of work."""
