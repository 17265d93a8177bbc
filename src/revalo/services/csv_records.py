"""Reading a CSV file of rows: its text lines, then its records with the line each starts
on. The separator is the one the header uses: a comma, or a semicolon or a tab as a
spreadsheet set to French (or another language that writes decimal commas) saves it."""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterable, Iterator

from revalo.domain.errors import InvalidValue

#: The separators a file may use, the usual one first (it wins a tie).
SEPARATORS = (",", ";", "\t")
SEPARATOR_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs"}


class UnreadableFile(InvalidValue):
    """The file is not CSV text that can be read at all (not UTF-8, broken quoting...)."""


def decode_lines(raw: Iterable[bytes]) -> Iterator[str]:
    """UTF-8 text lines of a file read in binary, so that a bad byte is reported on its own
    line (a newline byte never occurs inside a UTF-8 character). A leading BOM is dropped."""
    for n, line in enumerate(raw, start=1):
        try:
            yield line.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            raise UnreadableFile(
                f"line {n}: not UTF-8 text (byte {exc.start + 1} of the line): save the file "
                "as UTF-8"
            ) from exc


def separator_of(header: str) -> str:
    """The separator the header line uses the most (a comma when it holds none)."""
    return max(SEPARATORS, key=header.count)


class Records:
    """The records of ``lines`` with the file line each starts on (a quoted field may span
    lines); ``separator`` is known once the first line is read."""

    def __init__(self, lines: Iterable[str]) -> None:
        self._lines = iter(lines)
        self.separator = ","

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        first = next(self._lines, None)
        if first is None:
            return
        self.separator = separator_of(first)
        reader = csv.reader(
            itertools.chain([first], self._lines), delimiter=self.separator, strict=True
        )
        start = 1
        try:
            for record in reader:
                if record:  # blank lines carry nothing
                    yield start, record
                start = reader.line_num + 1
        except csv.Error as exc:
            raise UnreadableFile(f"line {reader.line_num}: not readable as CSV: {exc}") from exc
