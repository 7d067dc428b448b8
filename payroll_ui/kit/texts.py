"""Words every app shows (language switch, footer, share link, notices)."""

from __future__ import annotations

import logging

from calc.core.text import T, Text

log = logging.getLogger("payroll_ui")


log.addHandler(logging.NullHandler())


UI: dict[str, Text] = {
    "lang": T("Язык", "Language"),
    "how": T("Как это посчитано?", "How is this computed?"),
    "valid_as_of": T("Ставки действуют на", "Rates valid as of"),
    "used": T("В расчёте использованы", "Used in this calculation"),
    "from": T("с", "from"),
    "verify": T(
        "Значение не удалось сверить с первоисточником — проверьте его перед тем, как опираться на него.",
        "This value could not be confirmed against a primary source — check it before relying on it.",
    ),
    "share": T("Ссылка на этот расчёт", "Link to this scenario"),
    "share_hint": T(
        "Откройте ссылку или скопируйте её — по ней откроется тот же расчёт.",
        "Open or copy the link — it opens the same scenario.",
    ),
    "copy": T("Копировать", "Copy"),
    "copied": T("Скопировано", "Copied"),
    "copy_prompt": T("Скопируйте ссылку:", "Copy the link:"),
    "stale": T(
        "Исправьте отмеченное поле. Пока показан последний верный расчёт.",
        "Please correct the marked field. The last valid result is shown meanwhile.",
    ),
    "oops": T(
        "Не получилось посчитать с этими данными. Попробуйте другие значения; показан последний верный расчёт.",
        "These inputs could not be computed. Please try other values; the last valid result is shown.",
    ),
    "param_bad": T("Параметр ссылки «{key}={value}» не подошёл: {why} Оставлено: {kept}.",
                   "The link parameter '{key}={value}' was not usable: {why} Kept: {kept}."),
    "home": T("← Все калькуляторы", "← All calculators"),
    "share_stale": T(
        "Пока расчёт не обновлён, ссылка ведёт к последнему верному расчёту — тому, что показан на странице.",
        "Until the result is updated, the link opens the last valid result — the one shown on the page.",
    ),
    "empty": T("пусто", "empty"),
}


LANG_NAMES = (("Русский", "ru"), ("English", "en"))

