"""``export redemptions`` of a week of attempts, as a ratio to a bare ``SELECT`` of the same
rows written by ``csv.writer`` as they come (QA s20a F4: 750k attempts took 139 s, 62x a
small shop). Part of the group "reports" of ``tests/bench/run.py``, on its filled shop.
"""

from __future__ import annotations

import csv
import datetime as dt
import time
from pathlib import Path
from typing import Any

from desktop_app.core import reports
from desktop_app.core.dates import day_range
from desktop_app.core.store import Shop

WEEK_START = dt.date(2026, 3, 9)  # a week of bench_reports' month
WEEK_END = WEEK_START + dt.timedelta(days=6)


def bare_export(shop: Shop, out: Path) -> int:
    """The baseline: the export's own query, its raw tuples written by csv.writer."""
    cursor = shop.db.execute(reports._log_query(*day_range(WEEK_START, WEEK_END)))
    rows = 0
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        while batch := cursor.fetchmany(reports.FETCH):
            writer.writerows(batch)
            rows += len(batch)
    return rows


def export_figure(table: Any, shop: Shop, tmp: Path) -> None:
    """The export and the bare baseline in turn, twice (a busy spell of the shared machine
    hits both), each figure the faster of its two."""
    took: list[float] = []
    bare: list[float] = []
    rows = 0
    for _ in range(2):
        started = time.perf_counter()
        rows = bare_export(shop, tmp / "bare.csv")
        bare.append(time.perf_counter() - started)
        started = time.perf_counter()
        assert reports.export_redemptions(shop, tmp / "export.csv", WEEK_START, WEEK_END) == rows
        took.append(time.perf_counter() - started)
    table.add(f"export redemptions, a week, {rows:,} rows", min(took), min(bare), "s",
              "bare SELECT + csv.writer", "<= 3x")
