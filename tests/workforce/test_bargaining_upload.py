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


def _links(page_html: str) -> dict[str, tuple[str, bytes]]:
    """{class: (file name, bytes)} of the data links in a piece of the page."""
    import base64
    import re

    out = {}
    for cls, name, data in re.findall(
        r'<a class="([^"]+)" download="([^"]+)" href="data:[^;]+;base64,([^"]+)"', page_html
    ):
        out[cls] = (html.unescape(name), base64.b64decode(data))
    return out


def test_the_template_downloaded_from_the_page_uploads_back_as_its_examples() -> None:
    for lang, name, header in (("ru", "шаблон-списка-работников", "Таб. №"), ("en", "staff-template", "Employee No.")):
        a = build(lang)
        a.w_source.value = "file"
        links = _links(a.data_info.value)
        assert set(links) == {"pa-template", "pa-template-csv"}
        assert links["pa-template"][0] == f"{name}.xlsx" and links["pa-template-csv"][0] == f"{name}.csv"
        csv = links["pa-template-csv"][1]
        sep = b";" if lang == "ru" else b","  # the list separator of Excel in the page's language
        assert csv.startswith(b"\xef\xbb\xbf" + header.encode() + sep)
        for file_name, data in links.values():
            upload(a, file_name, data)
            assert a.field_message("data") == "", a.field_message("data")
            assert a.result is not None and a.figures["employees"] == 2
            assert 'data-figure="rejected" data-value="0"' in a.status.value


def test_the_applies_list_finds_scales_given_by_name() -> None:
    import pandas as pd

    from payroll_ui.apps.bargaining import scales_in

    t = pd.DataFrame({"Шкала надбавки": ["Работники государственных архивов", "police", "State archive staff", "?"]})
    assert scales_in(t) == ["archives", "police"]


def test_the_file_chooser_offers_the_files_excel_saves() -> None:
    accept = build("ru").w_upload.accept.split(",")
    assert {".csv", ".xlsx", ".txt"} <= set(accept)  # .txt: Excel's "Unicode text"
