"""The bargaining app's upload path: the limit is said next to the button, a failed upload after a good
one leaves no result of the earlier file on the page, a file over the limit gets a message."""

from __future__ import annotations

import html

from app_upload import upload

from calc.workforce.input import MAX_BYTES
from payroll_ui.apps.bargaining import MAX_ROWS, UPLOAD_CHECK, build

GOOD = b"id,salary,hire_date,scale\n1,50000,2015-03-01,education\n2,72000,2009-06-01,education\n"


def test_the_limit_is_said_next_to_the_button() -> None:
    a = build("en")
    assert "Up to 5 MB and 20,000 rows." in a.upload_limit.value
    assert f"f.size<={MAX_BYTES}" in UPLOAD_CHECK  # checked in the page before sending
    assert "{name}" in html.unescape(a.upload_limit.value)  # the message the page fills in
    r = build("ru")
    assert "До 5 МБ и 20\u00a0000 строк." in r.upload_limit.value
    assert MAX_ROWS == 20_000


def test_a_failed_upload_after_a_good_one_leaves_no_old_result() -> None:
    a = build("en")
    upload(a, "staff.csv", GOOD)
    assert a.result is not None and a.figures["employees"] == 2
    a.prepare_download()
    assert 'class="pa-xlsx"' in a.download.value
    upload(a, "staff.csv", b"id,salary\n")  # no data rows
    assert "no data rows" in a.field_message("data")
    assert a.result is None
    assert a.cards.value == "" and a.status.value == "" and a.download.value == "" and a.bands_html.value == ""
    assert a.chart.image.layout.display == "none"
    assert "File 'staff.csv'" not in a.data_info.value  # the failed file is not shown as loaded
    upload(a, "staff.csv", GOOD)  # a good file again: the result is back
    assert a.result is not None and a.cards.value and a.chart.image.layout.display == ""


def test_a_file_over_the_limit_that_reaches_the_kernel_gets_the_message() -> None:
    a = build("en")
    upload(a, "staff.csv", GOOD)
    upload(a, "big.csv", b"x" * (MAX_BYTES + 1))
    assert "too large" in a.field_message("data") and "the page takes files of up to 5 MB" in a.field_message("data")
    assert a.result is None and a.download.value == ""
