"""The Dask path's repeated-id pass: ids hashed on the workers, the texts decide (a shared hash is not a repeat)."""

from __future__ import annotations

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
import pytest

from calc.workforce import dask as WD


def frame() -> dd.DataFrame:
    ids = [f"T{i}" for i in range(40)]
    ids[33] = " T5 "  # the same id as row 7 once stripped, in another partition
    ids[12] = ""  # empty ids are not repeats (check rejects them)
    ids[20] = ""
    return dd.from_pandas(pd.DataFrame({"Таб. №": ids, "salary": ["1000"] * 40}), npartitions=4)


@pytest.mark.parametrize("collide", [False, True])
def test_repeats_found_by_their_text(monkeypatch: pytest.MonkeyPatch, collide: bool) -> None:
    if collide:  # every id shares one hash: only the texts can tell the repeats
        monkeypatch.setattr(WD, "text_hashes", lambda texts: np.zeros(len(texts), np.uint64))
    with dask.config.set(scheduler="synchronous"):
        offsets, rows = WD.layout(frame())
    assert offsets == [0, 10, 20, 30]
    assert rows == {"T5": [7, 35]}  # spreadsheet rows: the header is row 1


def test_hashes_equal_for_equal_texts_only() -> None:
    from calc.workforce.input import text_hashes

    h = text_hashes(pd.Series(["a", "b", "a", "", "ё", "ё"], dtype="str"))
    assert h.dtype == np.uint64 and h[0] == h[2] and h[4] == h[5] and len({h[0], h[1], h[3], h[4]}) == 4
