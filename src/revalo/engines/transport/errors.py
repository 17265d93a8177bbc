"""Errors of the transport model."""

from __future__ import annotations

from revalo.domain.errors import DomainError, InvalidValue


class RateCardError(InvalidValue):
    """A carriers/rate-card file is not valid; the message names the file, line and key."""


class RoutingUnavailable(DomainError):
    """The routing server did not give a usable answer (down, refused, or no route)."""
