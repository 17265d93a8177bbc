"""Satisfaction: the survey link sent with the "refunded" e-mail, the customer's answer on
a public page, and CSAT with time to refund by reason, category and country.

The link carries a token of 192 random bits (``secrets.token_urlsafe``); only its SHA-256
is stored, as for the API tokens, so that the database alone opens no survey. Nobody can
guess another customer's link, and the link opens only that return's survey. The answer
locks the survey's row: two answers sent at once keep one, the second replacing the first
within the 7 days a customer may change it (``domain.satisfaction``).
"""

from __future__ import annotations

import csv
import hashlib
import io
import secrets
import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from revalo.domain.errors import NotFound
from revalo.domain.people import Permission, User
from revalo.domain.returns import ReturnRequest
from revalo.domain.satisfaction import Survey, csat
from revalo.services.common import found, when
from revalo.services.guard import reads
from revalo.services.notifications import links_base
from revalo.services.ports import UnitOfWork
from revalo.services.retry import retried
from revalo.services.service_ports import SurveyRow

#: The most answers the figures read at once.
MAX_ROWS = 100_000


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def survey_link(token: str) -> str:
    return f"{links_base()}/survey/{token}"


def invite(uow: UnitOfWork, rma: ReturnRequest, at: datetime) -> str | None:
    """Inside the refund's transaction: open the return's survey and give its link's
    token; None when it has one already (a return is asked once)."""
    if uow.surveys.get(rma.number) is not None:
        return None
    token = secrets.token_urlsafe(24)
    uow.surveys.add(Survey(rma.number, at), token_hash(token))
    return token


_UNKNOWN = "This survey link is not known: check the link of the e-mail."


def survey_for(uow: UnitOfWork, token: str) -> Survey:
    """The survey a link opens (the public page: no user)."""
    with uow:
        number = found(uow.surveys.number_for(token_hash(token.strip())), _UNKNOWN, "token")
        return found(uow.surveys.get(number), _UNKNOWN, "token")


@retried
def answer_survey(
    uow: UnitOfWork, token: str, *, score: int, comment: str = "", at: datetime | None = None
) -> Survey:
    """The customer's answer (the public page: the link is the customer's proof)."""
    with uow:
        number = uow.surveys.number_for(token_hash(token.strip()))
    if number is None:
        raise NotFound(_UNKNOWN, field="token")
    return answer_return_survey(uow, number, score=score, comment=comment, at=at)


@retried
def answer_return_survey(
    uow: UnitOfWork, number: str, *, score: int, comment: str = "", at: datetime | None = None
) -> Survey:
    """The answer to a known return's survey (what the link leads to; the demo's answers):
    the return and its survey locked, so that two answers at once keep one."""
    t = when(at)
    with uow:
        found(uow.returns.get(number, lock=True), _UNKNOWN, "token")
        survey = found(uow.surveys.get(number, lock=True), _UNKNOWN, "token")
        survey.answer(score, comment, t)
        uow.surveys.save(survey)
        uow.commit()
    return survey


# -- figures -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Group:
    """CSAT and time to refund of the answers of one reason, category or country."""

    by: str
    key: str
    answers: int
    csat: float | None
    mean_score: float | None
    median_days_to_refund: float | None


@dataclass(frozen=True, slots=True)
class Satisfaction:
    answers: int
    csat: float | None
    groups: list[Group]


def _group(by: str, key: str, rows: list[SurveyRow]) -> Group:
    scores = [r.score for r in rows]
    days = [r.days_to_refund for r in rows if r.days_to_refund is not None]
    return Group(
        by=by,
        key=key,
        answers=len(rows),
        csat=csat(scores),
        mean_score=statistics.fmean(scores) if scores else None,
        median_days_to_refund=float(statistics.median(days)) if days else None,
    )


DIMENSIONS = ("reason", "category", "country")


@reads(Permission.VIEW_SATISFACTION)
def satisfaction(
    uow: UnitOfWork, *, by: User, today: date, days: int | None = None
) -> Satisfaction:
    """CSAT (the share of 4 and 5 out of 5) and the median time to refund of the answered
    surveys of the last ``days`` (all when None), in all and by reason, product category
    and the customer's country; a client's user sees its own returns'."""
    since = today - timedelta(days=days) if days is not None else None
    with uow:
        rows = list(uow.surveys.answered(since=since, client_code=by.bound_client, limit=MAX_ROWS))
    groups: list[Group] = []
    for dim in DIMENSIONS:
        keyed: dict[str, list[SurveyRow]] = defaultdict(list)
        for r in rows:
            keys = (
                r.reasons
                if dim == "reason"
                else r.categories
                if dim == "category"
                else (r.country,)
            )
            for k in keys:
                keyed[k].append(r)
        groups += [_group(dim, k, keyed[k]) for k in sorted(keyed)]
    return Satisfaction(len(rows), csat([r.score for r in rows]), groups)


CSV_COLUMNS = ("dimension", "key", "answers", "csat", "mean_score", "median_days_to_refund")


def _num(value: float | None, places: int) -> str:
    return "" if value is None else f"{value:.{places}f}"


def satisfaction_csv(figures: Satisfaction) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerow(["all", "", figures.answers, _num(figures.csat, 3), "", ""])
    for g in figures.groups:
        writer.writerow(
            [
                g.by,
                g.key,
                g.answers,
                _num(g.csat, 3),
                _num(g.mean_score, 2),
                _num(g.median_days_to_refund, 1),
            ]
        )
    return out.getvalue()
