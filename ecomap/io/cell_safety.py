"""Cells are data, never formulas: what every CSV and XLSX writer of EcoMap puts in a cell.

Excel, WPS and LibreOffice run a cell that starts with "=", and also take "+", "-" and
"@" — and a leading tab or carriage return, which they strip — for the start of a
formula. An attribute such as ``=HYPERLINK("http://…")`` or ``=cmd|' /C calc'!A0`` in an
exported table would run when a colleague opens it. So every *text* value starting so
is written as text:

- XLSX: the cell's type is string (Excel never evaluates a string cell; openpyxl would
  otherwise store "=…" as a formula);
- CSV, where no cell has a type: the value gets a leading apostrophe and is quoted, as
  OWASP recommends against CSV injection.

Numbers stay numbers (-5.2 in a float column is a number, not text). Other fields are
quoted as the csv module does (only when they hold a comma, a quote or a line break).
XLSX cannot hold control characters other than tab and line breaks (openpyxl refuses
them): they become U+FFFD. An Excel cell keeps at most :data:`EXCEL_CELL_CHARS`
characters: :func:`fit_frame_for_xlsx` cuts longer text there and says which cells it cut.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from numbers import Number
from typing import TextIO

import numpy as np
import pandas as pd

#: what a spreadsheet takes for the start of a formula
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: the most characters an Excel cell holds; Excel cuts longer text when it opens the file
EXCEL_CELL_CHARS = 32767
_NEEDS_QUOTES = re.compile(r'[,"\r\n]')
_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def is_number(value) -> bool:
    return isinstance(value, (Number, np.number, np.bool_)) and not isinstance(value, (str, bytes))


def formula_like(value) -> bool:
    """True for text a spreadsheet would take for a formula (numbers never are)."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


# --------------------------------------------------------------------------- CSV
def csv_field(value, date_format: str | None = None) -> str:
    """One CSV field: empty for missing values, formula-like text neutralised and quoted."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, (float, np.floating)) and math.isnan(value):
        return ""
    if isinstance(value, (bool, np.bool_)):
        text = str(bool(value))
    elif isinstance(value, pd.Timestamp) and date_format:
        text = value.strftime(date_format)
    else:
        text = value if isinstance(value, str) else str(value)
        if not is_number(value) and text.startswith(FORMULA_STARTS):
            return '"' + ("'" + text).replace('"', '""') + '"'
    if _NEEDS_QUOTES.search(text):
        return '"' + text.replace('"', '""') + '"'
    return text


class CsvWriter:
    """Rows as csv.writer writes them (comma, minimal quoting), through :func:`csv_field`."""

    def __init__(self, fh: TextIO, lineterminator: str = "\r\n", date_format: str | None = None):
        self._fh = fh
        self._end = lineterminator
        self._date_format = date_format

    def writerow(self, values: Iterable) -> None:
        fields = [csv_field(v, self._date_format) for v in values]
        self._fh.write(('""' if fields == [""] else ",".join(fields)) + self._end)

    def writerows(self, rows: Iterable[Iterable]) -> None:
        for row in rows:
            self.writerow(row)


# --------------------------------------------------------------------------- XLSX
def xlsx_value(value):
    """``value`` as an openpyxl cell takes it: text without the control characters XLSX cannot hold."""
    if isinstance(value, str) and _XLSX_ILLEGAL.search(value):
        return _XLSX_ILLEGAL.sub("\ufffd", value)
    return value


def append_row(ws, values: Iterable) -> None:
    """``ws.append`` with every text cell typed as text, never as a formula."""
    ws.append([xlsx_value(v) for v in values])
    for cell in ws[ws.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"


def text_cells_as_text(ws) -> None:
    """Type every text cell of a written sheet as text (for sheets pandas has filled)."""
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.data_type != "s":
                cell.data_type = "s"


def fit_frame_for_xlsx(frame: pd.DataFrame, first_row: int = 2) -> tuple[pd.DataFrame, list[tuple[str, int]]]:
    """``frame`` with its text fit for XLSX cells, and the (column, Excel row) of each cell cut.

    Text longer than :data:`EXCEL_CELL_CHARS` is cut there, so that the file holds what
    Excel shows; ``first_row`` is the Excel row of the frame's first row (2 below a header).
    """
    out = frame.copy()
    cut: list[tuple[str, int]] = []
    for column in out.columns:
        series = out[column]
        if not (series.dtype == object or pd.api.types.is_string_dtype(series)):
            continue
        strings = series.astype(object).where(series.map(lambda v: isinstance(v, str)), None)
        long = (strings.str.len() > EXCEL_CELL_CHARS).fillna(False).to_numpy(dtype=bool)
        illegal = strings.str.contains(_XLSX_ILLEGAL.pattern, regex=True).fillna(False).to_numpy(dtype=bool)
        if not (long.any() or illegal.any()):
            continue
        values = series.to_numpy(dtype=object, copy=True)
        for i in np.flatnonzero(long | illegal):
            values[i] = xlsx_value(values[i])[:EXCEL_CELL_CHARS]
        cut.extend((str(column), first_row + int(i)) for i in np.flatnonzero(long))
        out[column] = pd.Series(values, index=out.index, dtype=object)
    return out, cut
