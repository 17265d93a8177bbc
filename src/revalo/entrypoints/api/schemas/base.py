"""Base classes of the request and response schemas."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Input(BaseModel):
    """A request body: unknown fields are refused (a misspelt field is a mistake to report,
    not something to ignore), and so are NaN and infinite numbers."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class Public(BaseModel):
    """A response, read from a domain object's attributes."""

    model_config = ConfigDict(from_attributes=True)
