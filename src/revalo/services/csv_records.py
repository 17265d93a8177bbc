"""Reading a CSV file of rows: its text lines, then its records with the line each starts
on. The separator is the one the header uses: a comma, or a semicolon or a tab as a
spreadsheet set to French (or another language that writes decimal commas) saves it."""

from __future__ import annotations

import csv
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

from revalo.domain.errors import DomainError, InvalidValue
from revalo.services.import_checks import RowError

T = TypeVar("T")

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


def read_table(
    lines: Iterable[str],
    columns: Sequence[str],
    required: Sequence[str],
    parse: Callable[[dict[str, str]], T],
    what: str,
) -> tuple[list[tuple[int, T]], list[RowError]]:
    """The rows of a file with a header of ``columns`` (``required`` among them), each read
    by ``parse`` with its line, and every problem of the header and the rows (line 1 is the
    header; a refusal of ``parse`` names its row). ``what`` names a row in "the file has no
    {what}"."""
    rows: list[tuple[int, T]] = []
    errors: list[RowError] = []
    header: list[str] | None = None
    for line, record in Records(lines):
        if header is None:
            header = [c.strip().lower() for c in record]
            missing = [c for c in required if c not in header]
            unknown = [c for c in header if c not in columns]
            if missing:
                errors.append(RowError(1, None, f"missing column(s): {', '.join(missing)}"))
            if unknown:
                errors.append(RowError(1, None, f"unknown column(s): {', '.join(unknown)}"))
            if errors:
                return [], errors
            continue
        if len(record) != len(header):
            errors.append(
                RowError(line, None, f"{len(record)} fields where the header has {len(header)}")
            )
            continue
        try:
            rows.append((line, parse(dict(zip(header, record, strict=True)))))
        except DomainError as exc:
            errors.append(RowError(line, exc.field, exc.message))
    if header is None:
        errors.append(RowError(1, None, "the file is empty: it needs a header line"))
    elif not rows and not errors:
        errors.append(RowError(2, None, f"the file has no {what}"))
    return rows, errors


def named(errors: Sequence[RowError]) -> str:
    """The problems of a file's rows in one text, by line."""
    return "; ".join(
        f"line {e.line}" + (f" ({e.column})" if e.column else "") + f": {e.message}" for e in errors
    )
