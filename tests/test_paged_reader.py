"""The paged reader the long lists share (ui/paged_reader.py): on the real worker thread, with
a plain list of numbers as the page source; the lists themselves are tested on real shops in
test_ui_admin.py (audit), test_ui_orders_paged.py and test_ui_cardkey_pages.py."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QModelIndex, QObject
from PySide6.QtWidgets import QApplication

from desktop_app.core.errors import InvalidInput
from desktop_app.ui import tasks
from desktop_app.ui.paged_reader import PagedReader, PagedTableModel
from desktop_app.ui.tables import Column

PAGE = 10
NUMBERS = list(range(25))  # two whole pages and a short one


class NumberModel(PagedTableModel[int]):
    def columns(self) -> list[Column[int]]:
        return [Column("Number", str)]


class Numbers:
    """The page source: ``NUMBERS`` from an offset, each read's offset noted (on the worker)."""

    def __init__(self) -> None:
        self.offsets: list[int] = []

    def page(self, offset: int, limit: int = PAGE) -> Callable[[], list[int]]:
        def read() -> list[int]:
            self.offsets.append(offset)
            return NUMBERS[offset:offset + limit]

        return read


def idle() -> None:
    assert tasks.wait_until_idle(10_000), "a background task did not finish"


@pytest.fixture
def owner(qapp: QApplication) -> Iterator[QObject]:
    parent = QObject()
    yield parent
    idle()


def refused() -> list[int]:
    raise InvalidInput(field="search")


def test_an_older_reads_answer_is_dropped_once_a_newer_one_started(owner: QObject) -> None:
    reader, numbers = PagedReader(owner, PAGE), Numbers()
    shown: list[list[int]] = []
    failures: list[Exception] = []
    reader.read_first(lambda: [-1], shown.append, on_failure=failures.append)
    reader.read_first(refused, shown.append, on_failure=failures.append)
    reader.read_first(numbers.page(0), shown.append, on_failure=failures.append)
    assert reader.reading and reader.generation == 3
    idle()  # the three answers come in the order asked: the first two are dropped
    assert shown == [NUMBERS[:PAGE]] and failures == []
    assert reader.more and not reader.reading
    # A next page under way is dropped too when a first read starts meanwhile.
    assert reader.read_next(numbers.page(PAGE), shown.append)
    reader.read_first(numbers.page(0, 2 * PAGE), shown.append, limit=2 * PAGE)
    idle()
    assert numbers.offsets == [0, PAGE, 0]
    assert shown == [NUMBERS[:PAGE], NUMBERS[:2 * PAGE]]


def test_the_next_page_is_asked_once_while_one_is_read(owner: QObject) -> None:
    reader, numbers = PagedReader(owner, PAGE), Numbers()
    model = NumberModel(owner)
    model.pages = reader
    model.more_wanted.connect(
        lambda: reader.read_next(numbers.page(model.rowCount()), model.append_rows))
    assert not model.canFetchMore(QModelIndex())  # nothing read yet
    reader.read_first(numbers.page(0), model.set_rows)
    assert not model.canFetchMore(QModelIndex())  # the first page is under way
    idle()
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())  # the view scrolled on while the page was read
    assert not model.canFetchMore(QModelIndex())
    assert not reader.read_next(numbers.page(model.rowCount()), model.append_rows)
    idle()
    assert numbers.offsets == [0, PAGE]
    assert model.rows() == NUMBERS[:2 * PAGE] and model.canFetchMore(QModelIndex())


def test_no_more_pages_after_a_short_page(owner: QObject) -> None:
    reader, numbers = PagedReader(owner, PAGE), Numbers()
    model = NumberModel(owner)
    model.pages = reader
    model.more_wanted.connect(
        lambda: reader.read_next(numbers.page(model.rowCount()), model.append_rows))
    reader.read_first(numbers.page(0), model.set_rows)
    idle()
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        idle()
    assert model.rows() == NUMBERS and numbers.offsets == [0, PAGE, 2 * PAGE]
    assert not reader.more
    model.fetchMore(QModelIndex())
    assert not reader.read_next(numbers.page(model.rowCount()), model.append_rows)
    idle()
    assert numbers.offsets == [0, PAGE, 2 * PAGE]
    # A read longer than a page (read again after a change) is measured by its own limit.
    reader.read_first(numbers.page(0, 2 * PAGE), model.set_rows, limit=2 * PAGE)
    idle()
    assert reader.more
    reader.read_first(numbers.page(0, 3 * PAGE), model.set_rows, limit=3 * PAGE)
    idle()
    assert not reader.more and model.rows() == NUMBERS


def test_a_failed_page_ends_the_read_and_is_said(owner: QObject) -> None:
    reader, numbers = PagedReader(owner, PAGE), Numbers()
    failures: list[Exception] = []
    reader.read_first(numbers.page(0), lambda rows: None)
    idle()
    assert reader.read_next(refused, lambda rows: None, on_failure=failures.append)
    idle()
    assert [type(exc) for exc in failures] == [InvalidInput]
    assert not reader.reading and reader.more  # the list says whether to ask again


def test_a_model_without_a_reader_has_one_page(qapp: QApplication) -> None:
    model = NumberModel()
    model.set_rows(NUMBERS)
    assert not model.canFetchMore(QModelIndex())
