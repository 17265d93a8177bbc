"""Tables written as files: CSV (one table) and Excel workbooks (a sheet per table, with
openpyxl). Amounts stay numbers in Excel (Decimal written as a number with two decimals)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from decimal import Decimal

from openpyxl import Workbook, load_workbook

from revalo.services.cost_tables import Cell, Table


def _text(value: Cell) -> str:
    return "" if value is None else str(value)


def csv_bytes(table: Table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.columns)
    writer.writerows([_text(v) for v in row] for row in table.rows)
    return out.getvalue().encode("utf-8")


def _cell(value: Cell) -> str | int | float | None:
    # Excel keeps numbers as binary floats: two decimals of euros are exact enough to
    # show, and the file's figures are read back with the same two decimals.
    if isinstance(value, Decimal):
        return float(value)
    return value


def xlsx_bytes(tables: Sequence[Table]) -> bytes:
    book = Workbook()
    first = True
    for table in tables:
        sheet = book.active if first else book.create_sheet()
        first = False
        sheet.title = table.name[:31]
        sheet.append(table.columns)
        for row in table.rows:
            sheet.append([_cell(v) for v in row])
        for i, name in enumerate(table.columns):
            if name.endswith("_eur"):
                for cells in sheet.iter_cols(min_col=i + 1, max_col=i + 1, min_row=2):
                    for c in cells:
                        c.number_format = "#,##0.00"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read_xlsx(data: bytes) -> dict[str, list[list[Cell]]]:
    """Each sheet's rows (the header first), as openpyxl reads them back."""
    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    return {
        sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)]
        for sheet in book.worksheets
    }
