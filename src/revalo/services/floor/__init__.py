"""Use cases of the warehouse floor: bins, put-away, the team, tasks."""
