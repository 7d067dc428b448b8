"""The bargaining page in Chromium with the files people have: download the template from the page and
upload it back; a staff list as Russian Excel saves it ("Unicode text"); headers the page does not
understand are named in the page's language."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

MY_FILE = {"ru": "Свой файл", "en": "My file"}


def _choose(p, path: Path) -> None:
    with p.page.expect_file_chooser() as fc:
        p.page.locator(".in-upload").click()
    fc.value.set_files(str(path))


def _computed(p, n: int) -> None:
    p.page.wait_for_function(
        f"() => document.querySelector(\"[data-figure='computed']\")?.dataset.value === '{n}'", timeout=60_000
    )


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_template_from_the_page_uploads_back(open_page, tmp_path: Path, lang: str) -> None:
    p = open_page(lang)
    p.open("bargaining")
    p.page.locator(".widget-toggle-button", has_text=MY_FILE[lang]).click()
    for cls in ("a.pa-template", "a.pa-template-csv"):
        link = p.page.locator(cls)
        link.wait_for(timeout=30_000)
        with p.page.expect_download() as dl:
            link.click()
        path = tmp_path / dl.value.suggested_filename
        dl.value.save_as(path)
        assert path.name.startswith("шаблон-списка-работников" if lang == "ru" else "staff-template")
        _choose(p, path)
        _computed(p, 2)
        assert p.figure("rejected") == "0"
    assert p.errors == []


def test_a_russian_excel_unicode_text_with_headers_as_people_write_them(open_page, tmp_path: Path) -> None:
    p = open_page("ru")
    p.open("bargaining")
    p.page.locator(".widget-toggle-button", has_text=MY_FILE["ru"]).click()
    rows = [
        ["Таб. №", "ФИО", "Оклад, руб.", "Дата приёма", "Шкала надбавки"],
        ["1", "Ёлкина Анна", "45000,5", "01.03.2015", "Педагогические работники (вариант 10–30 %)"],
        ["2", "Петров Пётр", "38500", "15.06.2010", "Педагогические работники (вариант 10–30 %)"],
        ["3", "Сидоров Иван", "41000", "01.09.2019", "education"],
    ]
    path = tmp_path / "staff.txt"
    path.write_bytes("".join("\t".join(r) + "\r\n" for r in rows).encode("utf-16"))
    _choose(p, path)
    _computed(p, 3)

    bad = tmp_path / "bad.csv"
    bad.write_bytes("Таб. №;Сумма;Дата приёма;Шкала\r\n1;50000;01.03.2015;police\r\n".encode("cp1251"))
    _choose(p, bad)
    msg = p.page.get_by_text("не распознаны заголовки")
    msg.wait_for(timeout=60_000)
    text = msg.inner_text()
    assert "«Сумма»" in text and "нет обязательного столбца «Оклад, руб.»" in text
    assert p.errors == []
