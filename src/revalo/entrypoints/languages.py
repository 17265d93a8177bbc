"""The language a person asked for: the first of their Accept-Language (by its ``q``
weights) that Revalo speaks."""

from __future__ import annotations

from collections.abc import Collection


def preferred(accept_language: str | None, spoken: Collection[str]) -> str | None:
    """The most preferred language of ``accept_language`` among ``spoken`` (two-letter
    codes), or None when it names none of them."""
    choices: list[tuple[float, int, str]] = []
    for i, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        code = tag.strip().lower()[:2]
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                weight = 0.0
        if code in spoken and weight > 0:
            choices.append((-weight, i, code))
    return min(choices)[2] if choices else None
