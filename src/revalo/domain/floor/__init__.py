"""The warehouse floor: bins, put-away rules, the team's qualifications and PPE, tasks."""
