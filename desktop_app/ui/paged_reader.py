"""A long list read a page at a time on the worker thread (the audit log, the Orders tab's
orders, a product's card keys).

The reader keeps what the three lists shared: a first read (a new search, filter or sort, or a
read again after a change) drops the answer of every read started before it; the next page is
asked only while more rows exist and no read is under way, so scrolling to the end asks it
once. What is read, where the rows go and what a failure says stay the list's own.
"""

from __future__ import annotations

from collections.abc import Callable, Sized
from typing import TypeVar, cast

from PySide6.QtCore import QModelIndex, QObject, Signal

from desktop_app.ui.tables import ModelIndex, RowTableModel
from desktop_app.ui.tasks import ErrorTarget, run_in_background

AnswerT = TypeVar("AnswerT")
RowT = TypeVar("RowT")


class PagedReader(QObject):
    """The reads of one paged list. ``generation`` counts its first reads; a next page belongs
    to the first read before it and is dropped with it."""

    def __init__(self, parent: QObject, page_size: int) -> None:
        super().__init__(parent)  # answers are dropped once the list is gone (ui.tasks)
        self.page_size = page_size
        self.generation = 0
        self.more = False  # rows past those read: the next page may be asked
        self.reading = False  # a read is under way: the next page waits for its answer

    def can_read_next(self) -> bool:
        return self.more and not self.reading

    def read_first(self, fetch: Callable[[], AnswerT], show: Callable[[AnswerT], object], *,
                   limit: int | None = None, more: Callable[[AnswerT], bool] | None = None,
                   on_failure: Callable[[Exception], object] | None = None,
                   errors: ErrorTarget | None = None) -> None:
        """``fetch()`` on the worker, its answer to ``show`` unless another first read was
        started meanwhile. ``more(answer)`` says whether more rows exist; by default, when the
        answer is a list of ``limit`` rows (the page size unless given) or more. A failure
        goes to ``on_failure`` (unless dropped), else to ``errors`` (ui.tasks' failure path:
        a server not answering said there until answered)."""
        self.generation += 1
        self._read(fetch, show, limit or self.page_size, more, on_failure, errors)

    def read_next(self, fetch: Callable[[], AnswerT], show: Callable[[AnswerT], object], *,
                  more: Callable[[AnswerT], bool] | None = None,
                  on_failure: Callable[[Exception], object] | None = None,
                  errors: ErrorTarget | None = None) -> bool:
        """The next page, as ``read_first`` reads; False (nothing asked) while no more rows
        exist or a read is under way."""
        if not self.can_read_next():
            return False
        self._read(fetch, show, self.page_size, more, on_failure, errors)
        return True

    def _read(self, fetch: Callable[[], AnswerT], show: Callable[[AnswerT], object], limit: int,
              more: Callable[[AnswerT], bool] | None,
              on_failure: Callable[[Exception], object] | None,
              errors: ErrorTarget | None) -> None:
        generation = self.generation
        self.reading = True

        def ended() -> None:  # before the answer or the failure is handed on
            if generation == self.generation:
                self.reading = False

        def arrived(answer: AnswerT) -> None:
            if generation == self.generation:  # else asked again meanwhile: dropped
                self.more = more(answer) if more else len(cast(Sized, answer)) >= limit
                show(answer)

        def failed(exc: Exception) -> None:
            if generation == self.generation and on_failure is not None:
                on_failure(exc)

        run_in_background(self, fetch, arrived, failed if on_failure else None,
                          errors=errors, always=ended)


class PagedTableModel(RowTableModel[RowT]):
    """Rows read by a ``PagedReader`` (``pages``): the view scrolled to the end asks for the
    next page by ``more_wanted`` (Qt's fetchMore), once, while the reader has more."""

    more_wanted = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        self.pages: PagedReader | None = None  # none: one page only (a model tested alone)
        super().__init__(parent)

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.pages is not None and self.pages.can_read_next()

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self.more_wanted.emit()
