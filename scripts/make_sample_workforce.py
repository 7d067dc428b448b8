#!/usr/bin/env python3
"""Generate the fictional sample workforce (``calc/data/sample_workforce.csv``) with a fixed seed.

A fictional regional public institution with a few thousand employees: schools (education scale),
an anti-plague station (its medical and other staff scales), the administration (civil-service
scale), a northern branch with a district coefficient and northern allowance, and an archive and
printing subsidiary taxed as a small business (SME). Salaries are plausible for each occupation
(monthly, rubles; a few with kopecks; one director far above the tax bands and contribution caps),
hire dates up to 31 December 2025, children for the tax deduction.

    python scripts/make_sample_workforce.py            # writes calc/data/sample_workforce.csv
    python scripts/make_sample_workforce.py --check    # exit 1 if the committed file differs

``generate(n, seed)`` is also used by the benchmarks to make large workforces (vectorised).
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 20261121
SIZE = 3000
OUT = Path(__file__).resolve().parent.parent / "calc" / "data" / "sample_workforce.csv"
LAST_HIRE = np.datetime64("2025-12-31")

# (department, occupation, share of staff, salary low, salary high (rubles/month), scale, kind)
OCCUPATIONS: list[tuple[str, str, float, int, int, str, str]] = [
    ("Школы", "Учитель", 0.30, 45_000, 78_000, "education", "general"),
    ("Школы", "Старший учитель", 0.08, 60_000, 92_000, "education", "general"),
    ("Школы", "Заместитель директора школы", 0.03, 90_000, 140_000, "education", "general"),
    ("Школы", "Директор школы", 0.01, 130_000, 220_000, "education", "general"),
    ("Школы", "Младший обслуживающий персонал", 0.08, 25_000, 40_000, "education", "general"),
    ("Противочумная станция", "Врач-эпидемиолог", 0.05, 70_000, 130_000, "anti_plague_medical", "general"),
    ("Противочумная станция", "Лаборант", 0.06, 40_000, 62_000, "anti_plague_other", "general"),
    ("Противочумная станция", "Водитель", 0.03, 35_000, 52_000, "anti_plague_other", "general"),
    ("Администрация", "Специалист", 0.08, 50_000, 90_000, "civil_service", "general"),
    ("Администрация", "Начальник отдела", 0.03, 110_000, 180_000, "civil_service", "general"),
    ("Администрация", "Заместитель руководителя", 0.005, 250_000, 420_000, "civil_service", "general"),
    ("Северный филиал", "Учитель", 0.07, 50_000, 85_000, "education", "general"),
    ("Северный филиал", "Врач", 0.03, 80_000, 140_000, "anti_plague_medical", "general"),
    ("Архив и типография (МСП)", "Архивист", 0.06, 35_000, 55_000, "archives", "sme"),
    ("Архив и типография (МСП)", "Печатник", 0.04, 40_000, 70_000, "archives", "sme"),
    ("Архив и типография (МСП)", "Менеджер", 0.015, 90_000, 150_000, "archives", "sme"),
    ("Администрация", "Руководитель учреждения", 0.0, 1_650_000, 1_650_000, "civil_service", "general"),
]
NORTH = [("1.5", "0.5"), ("1.7", "0.8"), ("1.4", "0.3")]
COLUMNS = [
    "id",
    "department",
    "occupation",
    "salary",
    "hire_date",
    "scale",
    "kind",
    "district_coef",
    "northern_percent",
    "children",
]


def generate(n: int = SIZE, seed: int = SEED, start_id: int = 1) -> pd.DataFrame:
    """``n`` fictional employees (vectorised; the same seed gives the same table)."""
    rng = np.random.default_rng(seed)
    shares = np.array([o[2] for o in OCCUPATIONS])
    occ = rng.choice(len(OCCUPATIONS), size=n, p=shares / shares.sum())
    lo = np.array([o[3] for o in OCCUPATIONS])[occ]
    hi = np.array([o[4] for o in OCCUPATIONS])[occ]
    rub = lo + np.floor(rng.random(n) * (hi - lo)).astype(np.int64)
    rub = rub // 100 * 100
    salary_kop = rub * 100
    with_kop = rng.random(n) < 0.02
    salary_kop = salary_kop + np.where(with_kop, rng.integers(1, 100, n) * 50, 0)
    salary_kop[0] = 1_650_000_00  # the general director: above the 2.4M / 5M bands and the caps
    occ[0] = len(OCCUPATIONS) - 1
    tenure_days = np.minimum(rng.exponential(9.0, n), 44.0) * 365.25
    hire = LAST_HIRE - tenure_days.astype("timedelta64[D]")
    dept = np.array([o[0] for o in OCCUPATIONS], dtype=object)[occ]
    north_idx = rng.integers(0, len(NORTH), n)
    northern = dept == "Северный филиал"
    coef = np.where(northern, np.array([c for c, _ in NORTH], dtype=object)[north_idx], "1")
    pct = np.where(northern, np.array([p for _, p in NORTH], dtype=object)[north_idx], "0")
    children = rng.choice(5, size=n, p=[0.45, 0.28, 0.2, 0.05, 0.02])
    return pd.DataFrame(
        {
            "id": [f"E{i:07d}" for i in range(start_id, start_id + n)],
            "department": dept,
            "occupation": np.array([o[1] for o in OCCUPATIONS], dtype=object)[occ],
            "salary_kop": salary_kop,
            "hire_date": hire,
            "scale": np.array([o[5] for o in OCCUPATIONS], dtype=object)[occ],
            "kind": np.array([o[6] for o in OCCUPATIONS], dtype=object)[occ],
            "district_coef": coef,
            "northern_percent": pct,
            "children": children.astype(np.int64),
        }
    )


def money_text(kop: np.ndarray) -> list[str]:
    """Kopecks as '45300' or '45300.50' (integer arithmetic, no float formatting)."""
    return [f"{k // 100}" if k % 100 == 0 else f"{k // 100}.{k % 100:02d}" for k in kop.tolist()]


def csv_text(df: pd.DataFrame) -> str:
    out = df.copy()
    out["salary"] = money_text(df["salary_kop"].to_numpy())
    out["hire_date"] = pd.to_datetime(df["hire_date"]).dt.strftime("%Y-%m-%d")
    buf = io.StringIO()
    out[COLUMNS].to_csv(buf, index=False, lineterminator="\n")
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the committed file instead of writing")
    args = ap.parse_args(argv)
    text = csv_text(generate())
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("sample_workforce.csv is up to date" if same else "sample_workforce.csv differs: regenerate it")
        return 0 if same else 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({SIZE} employees)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
