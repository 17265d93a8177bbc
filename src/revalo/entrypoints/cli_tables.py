"""A table of the command's output in the environment's language: its title, column
headers and cells go through ``cli_messages.said`` (a word of the model, a state or a
route, or a list of them, by its name in the catalogue; a figure as French writes it) when
the locale is French; in English it is Rich's table as it is."""

from __future__ import annotations

import re
from typing import Any

from rich import table as rich_table

from revalo.entrypoints.cli_messages import language, said

_WORD = re.compile(r"[a-z_]+")
_PERCENT = "\u00a0%"
_FIGURE = re.compile(r"(-?)(\d+)((?:\.\d+)?)( %)?")


def _figure(cell: str) -> str | None:
    """A figure of a cell ("15870", "83.3 %") as French writes it ("15 870", "83,3 %"; four
    digits stay together, as French typography allows)."""
    m = _FIGURE.fullmatch(cell)
    if m is None:
        return None
    sign, whole, decimals, percent = m.groups()
    grouped = f"{int(whole):,}".replace(",", "\u202f") if len(whole) > 4 else whole
    return sign + grouped + decimals.replace(".", ",") + (_PERCENT if percent else "")


def spoken(cell: Any, lang: str) -> Any:
    """A cell in ``lang``: a word of the model by its name, any other text the command or
    the domain wrote recognised by its wording; data as it is."""
    if lang == "en" or not isinstance(cell, str) or not cell:
        return cell
    figure = _figure(cell)
    if figure is not None:
        return figure
    again = said(cell, lang)
    words = cell.split(", ")
    if again != cell or not all(_WORD.fullmatch(w) for w in words):
        return again
    from revalo.entrypoints.web.i18n import VALUES

    return ", ".join(VALUES[lang].get(w, w) for w in words)


class Table(rich_table.Table):
    """Rich's table, written in the environment's language."""

    def __init__(self, *headers: Any, title: Any = None, **options: Any) -> None:
        self._lang = language()
        super().__init__(*headers, title=spoken(title, self._lang), **options)

    def add_column(self, header: Any = "", *args: Any, **options: Any) -> None:
        super().add_column(spoken(header, self._lang), *args, **options)

    def add_row(self, *cells: Any, **options: Any) -> None:
        super().add_row(*(spoken(c, self._lang) for c in cells), **options)
