"""The demo's jobs: what the flow manager finds on the jobs page in the morning. The
scheduled run of the next collection day's plans (one job per region of the demo's hubs),
and an export of the units in stock, each run by the embedded pool as ``revalo serve``
would run it."""

from __future__ import annotations

from datetime import date

from revalo.adapters.local_jobs import LocalJobRunner
from revalo.bootstrap import App
from revalo.domain.jobs import Job, JobKind
from revalo.domain.people import User
from revalo.services.job_schedules import COLLECTION_PLANS, fire_schedule
from revalo.services.jobs import run_job, submit_job

#: The regions of the demo's scheduled plans: France (the central hub's) and Germany's.
REGIONS = ("FR", "DE")
#: Search time of each plan, seconds: enough for the demo's pickups of a day, which grow
#: with its size (a handful in a small demo); the search takes all of it.
PLAN_SECONDS = (0.5, 2.0)
#: The demo's size (units) from which a plan is given the longest search.
FULL_SEARCH_UNITS = 5000


def plan_seconds(units: int) -> float:
    """The search time of the demo's plans for a demo of ``units``."""
    shortest, longest = PLAN_SECONDS
    return round(min(longest, max(shortest, longest * units / FULL_SEARCH_UNITS)), 1)


def leave_jobs(app: App, manager: User, today: date, units: int) -> list[Job]:
    """Run the demo's jobs to their end; the jobs as they were submitted."""
    context = app.job_context("demo")
    runner = LocalJobRunner(lambda job_id: run_job(context, job_id), threads=2)
    try:
        jobs = fire_schedule(
            app.uow(),
            runner,
            COLLECTION_PLANS,
            today,
            login=manager.login,
            regions=REGIONS,
            plan_seconds=plan_seconds(units),
        )
        jobs.append(
            submit_job(
                app.uow(),
                runner,
                by=manager,
                kind=JobKind.UNIT_EXPORT,
                parameters={"states": ["graded", "ready", "listed"]},
            )
        )
    finally:
        runner.drain()
    return jobs
