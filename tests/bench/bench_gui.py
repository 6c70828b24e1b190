"""Issue #12's GUI figure: Enter -> verdict painted, beside the core's own time in the same run.

A real main window on the offscreen platform over a real encrypted shop; a USB scanner's burst
(the payload's keys, then Enter) typed into the window, as the counter tests do. Per scan:

* core: the counter's scan (redeem + the station's recent rows) on the shop's worker thread,
  timed where it runs; the same call without any window ("core alone") alternates with it;
* verdict: Enter -> the verdict panel painted (its frame, symbol, headline and detail have each
  had their Paint event since Enter; the panel is set back to "Ready" between scans so every
  part changes);
* list: Enter -> the recent list refreshed (its model holds the new rows).

Target: verdict painted <= core + 16 ms (one frame at 60 Hz); the list comes after. Run:

    python tests/bench/bench_gui.py [--samples 100]

or as the ``gui`` group of tests/bench/run.py, which prints it beside the other figures.
"""

from __future__ import annotations

import argparse
import functools
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Protocol

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

FRAME_MS = 16.0
WARM_UP = 10
OWNER, PASSWORD = "Owner", "bench-password-2026"
STATION = "Bench counter"


class FigureTable(Protocol):
    """run.py's Table: one printed and stored row per figure."""

    def add(self, figure: str, project: float, baseline: float | None, unit: str,
            baseline_name: str, target: str = "") -> None: ...


@dataclass
class Samples:
    core_alone: list[float] = field(default_factory=list)
    core: list[float] = field(default_factory=list)  # the worker's scan during a GUI scan
    verdict: list[float] = field(default_factory=list)  # Enter -> verdict painted
    after_core: list[float] = field(default_factory=list)  # core's answer -> verdict painted
    recent: list[float] = field(default_factory=list)  # Enter -> recent list refreshed
    list_first: int = 0  # scans whose list was refreshed before the verdict was painted


def p50_p95(values: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(values, n=20, method="inclusive")
    return statistics.median(values), cuts[18]


def bench_gui(table: FigureTable, tmp: Path, samples: int) -> Samples:
    """Adds the GUI figures to ``table``; returns the raw samples (milliseconds)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop_app.core import fulfilment, products
    from desktop_app.core.store import create_shop
    from desktop_app.ui import tasks
    from desktop_app.ui.shop_session import close_shop

    app = QApplication.instance() or QApplication([sys.argv[0]])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "ini"))
    QSettings().setValue("station", STATION)
    shop = create_shop(tmp / "gui-shop", "Bench", "CNY", OWNER, PASSWORD)
    product = products.add_product(shop, "Pass", "1.00", "service", uses=1)
    payloads = [v.payload for v in fulfilment.issue_batch(shop, product.id,
                                                          2 * (samples + WARM_UP))]
    try:
        found = _run(app, shop, payloads, samples)
    finally:
        tasks.wait_until_idle()
        close_shop(shop)
        tasks.shutdown()
    _report(table, found)
    return found


def _run(app: Any, shop: Any, payloads: list[str], samples: int) -> Samples:
    from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
    from PySide6.QtTest import QTest

    from desktop_app.core.counter import Counter, CounterResult
    from desktop_app.ui import tasks
    from desktop_app.ui.main_window import MainWindow

    class TimedCounter(Counter):
        """The tab's counter, timing each scan where it runs (the worker thread)."""

        spans: ClassVar[list[tuple[float, float]]] = []  # a class made per run

        def scan(self, *args: Any, **kwargs: Any) -> CounterResult:
            start = time.perf_counter()
            result = super().scan(*args, **kwargs)
            self.spans.append((start, time.perf_counter()))
            return result

    class PaintWatch(QObject):
        """The moment each part of the panel is first painted showing a verdict (the panel
        is back at "Ready", reason "", before each scan) after ``arm``."""

        def __init__(self, panel: Any, widgets: list[Any]) -> None:
            super().__init__()
            self.panel = panel
            self.widgets = widgets
            self.first: dict[int, float] = {}
            self.armed = False
            for widget in widgets:
                widget.installEventFilter(self)

        def arm(self) -> None:
            self.first, self.armed = {}, True

        def painted_at(self) -> float | None:
            return max(self.first.values()) if len(self.first) == len(self.widgets) else None

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if self.armed and event.type() == QEvent.Type.Paint and self.panel.reason:
                self.first.setdefault(id(watched), time.perf_counter())
            return False

    type_char: Any = QTest.keyClick  # PySide6 types only keys and ints; a character works too
    window = MainWindow(shop)
    window.resize(1024, 768)
    window.show()
    tab = window.redemption_tab()
    assert tab is not None
    window.tabs.setCurrentWidget(tab)
    tab.verdict.clear_after_ms = 0
    tab.counter = timed = TimedCounter(shop, tab.station)
    alone = Counter(shop, tab.station)
    panel = tab.verdict
    watch = PaintWatch(panel, [panel, panel.symbol, panel.headline, panel.detail])
    refreshed: list[float] = []
    tab.recent_changed.connect(lambda: refreshed.append(time.perf_counter()))
    tasks.wait_until_idle()
    app.processEvents()
    handle = window.windowHandle()
    found = Samples()
    for number in range(samples + WARM_UP):
        core_payload, gui_payload = payloads[2 * number], payloads[2 * number + 1]
        spent = tasks.call_in_worker(functools.partial(_timed_scan, alone, core_payload))
        panel.show_ready()
        for _ in range(3):
            app.processEvents()
        for char in gui_payload:
            type_char(handle, char)
        refreshed.clear()
        watch.arm()
        loop = QEventLoop()
        tab.verdict_shown.connect(loop.quit)
        QTimer.singleShot(10_000, loop.quit)
        enter = time.perf_counter()
        QTest.keyClick(handle, Qt.Key.Key_Return)
        loop.exec()
        tab.verdict_shown.disconnect(loop.quit)
        app.processEvents()
        painted = watch.painted_at()
        watch.armed = False
        if panel.reason != "redeemed" or painted is None or not refreshed:
            raise RuntimeError(f"scan {number}: {panel.reason!r}, painted {painted}")
        core_start, core_end = timed.spans[-1]
        if number < WARM_UP:
            continue
        found.core_alone.append(spent * 1000)
        found.core.append((core_end - core_start) * 1000)
        found.verdict.append((painted - enter) * 1000)
        found.after_core.append((painted - core_end) * 1000)
        found.recent.append((refreshed[0] - enter) * 1000)
        found.list_first += refreshed[0] < painted
    tab.shutdown()
    window.close()
    return found


def _timed_scan(counter: Any, payload: str) -> float:
    start = time.perf_counter()
    result = counter.scan(payload, "scanner")
    if result.verdict.reason != "redeemed":
        raise RuntimeError(f"core alone: {result.verdict.reason}")
    return time.perf_counter() - start


def _report(table: FigureTable, found: Samples) -> None:
    alone = p50_p95(found.core_alone)
    core = p50_p95(found.core)
    verdict = p50_p95(found.verdict)
    after = p50_p95(found.after_core)
    recent = p50_p95(found.recent)
    target = f"<= core + {FRAME_MS:.0f} ms"
    table.add("gui: core scan on the worker p50", core[0], alone[0], "ms", "core alone")
    table.add("gui: Enter -> verdict painted p50", verdict[0], core[0], "ms",
              "core on the worker", f"{target} (+{verdict[0] - core[0]:.1f} ms)")
    table.add("gui: core's answer -> verdict painted p50", after[0], FRAME_MS, "ms",
              "one frame", "<= 1.00x")
    table.add("gui: core's answer -> verdict painted p95", after[1], FRAME_MS, "ms",
              "one frame", "<= 1.00x")
    table.add("gui: Enter -> recent list refreshed p50", recent[0], verdict[0], "ms",
              "verdict painted", f"after the verdict ({found.list_first} scans before it)")


class _PrintedTable:
    def add(self, figure: str, project: float, baseline: float | None, unit: str,
            baseline_name: str, target: str = "") -> None:
        ratio = f"{project / baseline:.2f}x" if baseline else "-"
        base = "-" if baseline is None else f"{baseline:.3f}"
        print(f"{figure:<44} {project:>9.3f} {base:>9} {unit:<3} {ratio:>7} vs "
              f"{baseline_name}  {target}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="voucher-bench-gui-") as name:
        bench_gui(_PrintedTable(), Path(name), args.samples)


if __name__ == "__main__":
    main()
