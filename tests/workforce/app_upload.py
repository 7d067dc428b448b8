"""Helpers for the bargaining tests: uploading a file to the app, reading an exported workbook."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any

import openpyxl


def upload(a: Any, name: str, content: bytes) -> None:
    """Put ``content`` into the app's upload widget as if the file ``name`` had been chosen."""
    a.w_upload.value = (
        {
            "name": name,
            "type": "",
            "size": len(content),
            "content": memoryview(content),
            "last_modified": datetime(2026, 1, 1, tzinfo=UTC),
        },
    )


def texts_of(data: bytes) -> list[str]:
    """Every text cell of an XLSX file; fails on any formula cell."""
    wb = openpyxl.load_workbook(io.BytesIO(data))
    out = []
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    out.append(cell.value)
    return out
