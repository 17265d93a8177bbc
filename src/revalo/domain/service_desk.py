"""Customer service's desk: what was said with the customer about a return (notes and
contacts, append-only), and the exceptions it authorises against the policy's answer.

An exception authorises a return the policy rejected or left for review: who, when and
why are kept with the policy's own answer (its state and reason), so that the return's
history shows both and a report can count what the policy would have refused.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import datetime

from revalo.domain.errors import InvalidValue, NotAllowed
from revalo.domain.returns import ReturnRequest, ReturnState

#: The longest note or reason kept (a long e-mail pasted in is cut to this by the caller).
MAX_TEXT = 4000


class ContactChannel(enum.StrEnum):
    """How customer service and the customer spoke; ``note`` is internal (nobody spoke)."""

    NOTE = "note"
    PHONE = "phone"
    EMAIL = "email"
    CHAT = "chat"


def check_note(text: str) -> str:
    kept = text.strip()
    if not kept:
        raise InvalidValue("A note needs a text.", field="text")
    if len(kept) > MAX_TEXT:
        raise InvalidValue(
            f"A note is {len(kept)} characters long: at most {MAX_TEXT}.", field="text"
        )
    return kept


def check_reason(text: str) -> str:
    kept = text.strip()
    if not kept:
        raise InvalidValue("An exception needs a reason.", field="reason")
    if len(kept) > MAX_TEXT:
        raise InvalidValue(
            f"The reason is {len(kept)} characters long: at most {MAX_TEXT}.", field="reason"
        )
    return kept


@dataclass(frozen=True, slots=True)
class ServiceNote:
    """One note or contact with the customer about a return; never changed once written."""

    return_number: str
    channel: ContactChannel
    text: str
    by: str
    at: datetime
    id: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", check_note(self.text))


#: The policy's answers that customer service may overrule with an exception.
OVERRULABLE = frozenset({ReturnState.REQUESTED, ReturnState.REJECTED})


@dataclass(frozen=True, slots=True)
class PolicyException:
    """A return authorised by customer service against the policy's answer."""

    return_number: str
    reason: str
    by: str
    at: datetime
    #: The policy's answer, kept: the state it left the return in and why.
    policy_state: ReturnState
    policy_reason: str
    id: int | None = None


def authorise_exception(
    rma: ReturnRequest, *, by: str, reason: str, at: datetime, destination_site: str
) -> PolicyException:
    """Authorise ``rma`` although the policy rejected it or asked for a review; what the
    policy said is kept in the exception returned."""
    why = check_reason(reason)
    if rma.state not in OVERRULABLE:
        raise NotAllowed(
            f"Return {rma.number} is {rma.state.value}: an exception authorises only a "
            "return rejected or waiting for review.",
            field="number",
        )
    kept = PolicyException(rma.number, why, by, at, rma.state, rma.decision_reason)
    rma.state = ReturnState.AUTHORISED
    rma.decided_by = by
    rma.decision_reason = f"exception: {why}"
    rma.decided_at = at
    rma.destination_site = destination_site
    return kept


# -- one search box --------------------------------------------------------------------------
_DIGITS = re.compile(r"\D")


def sscc_of(text: str) -> str | None:
    """The SSCC a typed or scanned parcel code names: 18 digits, or the element string
    ``(00)`` + 18 digits with or without brackets and spaces; None when it is not one."""
    digits = _DIGITS.sub("", text)
    if len(digits) == 20 and digits.startswith("00"):
        digits = digits[2:]
    return digits if len(digits) == 18 else None


#: The shortest text a search looks for (a shorter one would match half the returns).
MIN_QUERY = 2
MAX_QUERY = 200


def check_query(text: str) -> str:
    q = " ".join(text.split())
    if len(q) < MIN_QUERY:
        raise InvalidValue(
            f"Search for at least {MIN_QUERY} characters: an order, a name, an e-mail or a parcel.",
            field="q",
        )
    if len(q) > MAX_QUERY:
        raise InvalidValue(f"A search is at most {MAX_QUERY} characters.", field="q")
    return q
