"""Satisfaction: the one-question survey the customer is sent with the refunded e-mail.

One answer a return: a score from 1 (very unhappy) to 5 (very happy) and a comment. The
customer may change it for ``CHANGE_WINDOW`` after the first answer (they clicked the wrong
star, or the refund they were worried about came); after that it is refused, so that the
figures of a closed week stay what they were. CSAT is the share of answers scoring 4 or 5,
the usual definition (the top two boxes of a five-point scale).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from revalo.domain.errors import InvalidValue, NotAllowed

SCORES = range(1, 6)
#: How long after the first answer the customer may change it.
CHANGE_WINDOW = timedelta(days=7)
#: The scores counted as satisfied.
SATISFIED = frozenset({4, 5})
MAX_COMMENT = 2000


def check_score(score: int) -> int:
    if score not in SCORES:
        raise InvalidValue(f"The score is 1 to 5, not {score}.", field="score")
    return score


def check_comment(comment: str) -> str:
    kept = comment.strip()
    if len(kept) > MAX_COMMENT:
        raise InvalidValue(
            f"The comment is {len(kept)} characters long: at most {MAX_COMMENT}.",
            field="comment",
        )
    return kept


@dataclass(eq=False)
class Survey:
    """The survey of one refunded return: sent, then answered (and perhaps changed)."""

    return_number: str
    invited_at: datetime
    score: int | None = None
    comment: str = ""
    answered_at: datetime | None = None
    changed_at: datetime | None = None

    @property
    def answered(self) -> bool:
        return self.score is not None

    def can_change(self, now: datetime) -> bool:
        return self.answered_at is None or now <= self.answered_at + CHANGE_WINDOW

    def answer(self, score: int, comment: str, now: datetime) -> None:
        """Record the customer's answer; a second one replaces it within the window."""
        check_score(score)
        kept = check_comment(comment)
        if not self.can_change(now):
            raise NotAllowed(
                f"The answer about return {self.return_number} was given more than 7 days "
                "ago: it can no longer be changed.",
                field="score",
            )
        if self.answered_at is None:
            self.answered_at = now
        else:
            self.changed_at = now
        self.score, self.comment = score, kept


def csat(scores: list[int]) -> float | None:
    """The share of satisfied answers (4 or 5 out of 5); None without any answer."""
    return sum(1 for s in scores if s in SATISFIED) / len(scores) if scores else None
