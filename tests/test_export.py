"""The XLSX writer: one pass over the rows, whatever their number."""

from __future__ import annotations

import io

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from graphmap import export

COLUMNS = {"name": "Naam", "note": "Notitie"}


def test_xlsx_rows_are_written_without_rereading_the_sheet(monkeypatch):
    """`Worksheet.max_row` reads every cell of the sheet: asked once per row, as the writer
    did, an export of the 5,000 gaps of 60 zones took seven seconds. Counted through the
    real property, the rows written must not change how often it is read."""
    reads = []
    real = Worksheet.max_row

    def counted(sheet):
        reads.append(sheet.title)
        return real.fget(sheet)

    monkeypatch.setattr(Worksheet, "max_row", property(counted))

    def written(n: int) -> int:
        reads.clear()
        rows = [
            {"name": f"Organisatie {i}", "note": "=1+1" if i % 2 else "gewoon"} for i in range(n)
        ]
        data = export.xlsx_bytes({"Hiaten": (rows, COLUMNS)})
        sheet = openpyxl.load_workbook(io.BytesIO(data))["Hiaten"]
        assert sheet.max_row == n + 1
        # The formula-like text stays text with the quote prefix, in the row it belongs to.
        assert [(c.value, c.data_type, c.quotePrefix) for c in sheet[3]] == [
            ("Organisatie 1", "s", False),
            ("=1+1", "s", True),
        ]
        assert sheet["B2"].value == "gewoon" and not sheet["B2"].quotePrefix
        return len(reads)

    assert written(20) == written(200)
