"""The desktop app's widgets, plus the few look-and-feel helpers every screen shares.

The helpers style widgets directly (no application-wide style sheet), so a tab written by
someone else keeps the platform's look, and a widget looks the same in tests and in the app.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QFont, QIcon, QImageReader, QKeySequence, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.keyslots import password_strength
from desktop_app.resources import icons_dir
from desktop_app.ui.elided_label import ElidedLabel

ACCENT = "#0f766e"
ACCENT_DARK = "#115e59"
ACCENT_LIGHT = "#99d5cf"
ERROR_COLOR = "#c62828"
WARNING_COLOR = "#b45309"
SUCCESS_COLOR = "#2e7d32"
SPACING = 12
MARGIN = 20
SHORT = 600  # a window or screen less tall than this gets a compact header
STRENGTH_COLORS = (ERROR_COLOR, WARNING_COLOR, WARNING_COLOR, SUCCESS_COLOR, SUCCESS_COLOR)
PRIMARY_STYLE = (f"QPushButton {{ background: {ACCENT}; color: white; border: none;"
                 " border-radius: 4px; padding: 6px 16px; font-weight: bold; }"
                 " QPushButton:hover { background: #115e59; }"
                 " QPushButton:disabled { background: #9ca3af; }")
# What a window's frame and title bar take around it (Windows at 150 %: a 31 px title bar),
# with a little air: a window gets at most its screen's free room less this.
FRAME_ROOM = QSize(16, 48)
MONO_FAMILIES = ["DejaVu Sans Mono", "Consolas", "Menlo", "Noto Sans Mono", "Liberation Mono",
                 "Courier New", "Noto Sans Mono CJK SC", "monospace"]


@cache
def app_icon() -> QIcon:
    """The app's icon: the SVG when Qt can draw SVG here, else the PNG rendered from it."""
    svg, png = icons_dir() / "app.svg", icons_dir() / "app.png"
    can_svg = b"svg" in [bytes(fmt.data()) for fmt in QImageReader.supportedImageFormats()]
    if can_svg and svg.exists():
        return QIcon(str(svg))
    return QIcon(str(png))


def scaled_font(widget: QWidget, factor: float, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    size = font.pointSizeF()
    if size > 0:  # fonts set in pixels report -1 points; leave those alone
        font.setPointSizeF(size * factor)
    font.setBold(bold)
    return font


@cache
def mono_font() -> QFont:
    """The monospace font of masked keys; made on first use, once a QGuiApplication exists."""
    font = QFont()
    font.setFamilies(MONO_FAMILIES)
    font.setStyleHint(QFont.StyleHint.TypeWriter)
    font.setFixedPitch(True)
    return font


def widget_font(widget: QWidget, mono: bool = False, scale: float = 1.0,
                bold: bool = False) -> QFont:
    font = QFont(widget.font())
    if mono:
        font.setFamilies(MONO_FAMILIES)
        font.setStyleHint(QFont.StyleHint.TypeWriter)
        font.setFixedPitch(True)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    return font


def stacked(parent: QWidget | None, *parts: QWidget | QLayout) -> QWidget:
    """Parts one under another with a small gap, as one form field: the field (or its row of
    controls) and the messages about it."""
    box = QWidget(parent)
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(4)
    for part in parts:
        if isinstance(part, QLayout):
            column.addLayout(part)
        else:
            column.addWidget(part)
    return box


def hint_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """Small, quiet text that explains; wraps."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setFont(scaled_font(label, 0.9))
    palette = label.palette()
    quiet = palette.color(QPalette.ColorRole.PlaceholderText)
    palette.setColor(QPalette.ColorRole.WindowText, quiet)
    label.setPalette(palette)
    return label


class MessageLabel(QLabel):
    """A line that says what is wrong (or right) right where it is; hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setVisible(False)
        self._until_answered = ""

    def _say(self, text: str, color: str) -> None:
        self.setStyleSheet(f"color: {color};")
        self.setText(text)
        self.setVisible(bool(text))

    def show_error(self, text: str) -> None:
        self._say(text, ERROR_COLOR)

    def show_warning(self, text: str) -> None:
        self._say(text, WARNING_COLOR)

    def show_info(self, text: str) -> None:
        self._say(text, "palette(window-text)")

    def clear(self) -> None:
        self._say("", ERROR_COLOR)

    def show_until_answered(self, text: str) -> None:
        """A failure that ends by itself (the shop's server not answering): the next answer
        a task brings here (``answered``) clears it, unless something else was said since.
        Said as a warning: nobody did anything wrong, and it ends by itself."""
        self.show_warning(text)
        self._until_answered = text

    def answered(self) -> None:
        if self._until_answered and self.text() == self._until_answered:
            self.clear()
        self._until_answered = ""


class HeaderBar(QFrame):
    """The coloured band on top of every screen: icon, title, subtitle, room on the right."""

    def __init__(self, title: str, subtitle: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("headerBar")
        self.setStyleSheet(
            f"QFrame#headerBar {{ background: qlineargradient(x1:0, y1:0, x2:1, y2:0,"
            f" stop:0 {ACCENT}, stop:1 {ACCENT_DARK}); }}"
            " QFrame#headerBar QLabel { color: white; background: transparent; }")
        self.icon = QLabel(self)
        self.icon.setPixmap(self._icon_pixmap(44))
        self.compact = False
        self.title = ElidedLabel(title, self)  # a shop's name: up to 100 characters
        self.title.setFont(scaled_font(self.title, 1.5, bold=True))
        self.subtitle = QLabel(subtitle, self)
        self.subtitle.setWordWrap(True)
        self.subtitle.setVisible(bool(subtitle))
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.title)
        texts.addWidget(self.subtitle)
        self.right = QHBoxLayout()
        self.right.setSpacing(SPACING)
        row = self._row = QHBoxLayout(self)
        row.setContentsMargins(MARGIN, 14, MARGIN, 14)
        row.setSpacing(14)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(texts, 1)
        row.addLayout(self.right)

    def _icon_pixmap(self, size: int) -> QPixmap:
        return app_icon().pixmap(size, size)

    def set_title(self, title: str, subtitle: str = "") -> None:
        self.title.setText(title)
        self.subtitle.setText(subtitle)
        self.subtitle.setVisible(bool(subtitle) and not self.compact)

    def set_compact(self, compact: bool) -> None:
        """One line, a small icon, little air: on a short screen (1366x768 at 150 % leaves
        512 px) the band gives its height to the tabs. The subtitle says again what the main
        window's status bar says (QA s17b F3)."""
        if compact == self.compact:
            return
        self.compact = compact
        self.icon.setPixmap(self._icon_pixmap(26 if compact else 44))
        edge = 4 if compact else 14
        self._row.setContentsMargins(MARGIN, edge, MARGIN, edge)
        self.subtitle.setVisible(bool(self.subtitle.text()) and not compact)


class CompactWhenShort(QObject):
    """Keeps a window's header compact while the window or its screen is short. The window's
    own height is asked too: a window that cannot shrink below its least height would never
    learn that it may, were the header's height decided by the screen alone."""

    def __init__(self, window: QWidget, header: HeaderBar) -> None:
        super().__init__(window)
        self._header = header
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QWidget) and event.type() in (QEvent.Type.Resize,
                                                             QEvent.Type.Show):
            screen = watched.screen()
            room = screen.availableGeometry().height() if screen is not None else SHORT
            self._header.set_compact(min(watched.height(), room) < SHORT)
        return False


def frame_with_header(dialog: QWidget, header: QWidget, body: QLayout) -> None:
    """The dialogs' one shape: the header band across the top, edge to edge, then ``body``."""
    outer = QVBoxLayout(dialog)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.setSpacing(0)
    outer.addWidget(header)
    outer.addLayout(body, 1)


def give_shortcut(button: QAbstractButton, keys: str) -> None:
    """``keys`` press ``button`` while it is on screen and enabled (its tab shown), and its
    tooltip names them: an owner at the keyboard finds them where the mouse would."""
    sequence = QKeySequence(keys)
    button.setShortcut(sequence)
    named = sequence.toString(QKeySequence.SequenceFormat.NativeText)
    tip = button.toolTip()
    button.setToolTip(f"{tip} ({named})" if tip else named)


def screen_room(window: QWidget) -> QSize:
    """The most room ``window`` may take: its screen's available geometry (no taskbar) less
    the frame. A window not shown yet opens on its parent's screen (a dialog over its parent)."""
    anchor = window.parentWidget()
    if anchor is not None and not window.isVisible():
        window = anchor.window()
    screen = window.screen()
    return screen.availableGeometry().size() - FRAME_ROOM


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Size ``window`` to ``width`` x ``height``, or smaller on a small screen: a 1366x768 PC
    at 150 % has 911x512 (QA s17b F1). Its layout must allow it: a table shrinks, a long
    page scrolls (``ScrollingPage``), the buttons stay."""
    window.resize(QSize(width, height).boundedTo(screen_room(window)))


class ScrollingPage(QScrollArea):
    """A page in a frameless scroll area that scrolls up and down only: a page taller than a
    small screen scrolls inside its dialog instead of pushing the buttons off the screen.
    It asks for its page's whole size, so where there is room nothing scrolls."""

    def __init__(self, page: QWidget) -> None:
        super().__init__(page.parentWidget())
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(page)
        self.viewport().setAutoFillBackground(False)  # the page's own background (a tab's)

    def sizeHint(self) -> QSize:
        page = self.widget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        # Short (it scrolls), but never narrower than the page: it does not scroll sideways.
        hint, page = super().minimumSizeHint(), self.widget()
        if page is not None:
            hint.setWidth(page.minimumSizeHint().width()
                          + self.verticalScrollBar().sizeHint().width())
        return hint


def grow_to_fit(window: QWidget) -> None:
    """Make ``window`` tall enough for its wrapped labels at its current width.

    A shown window keeps its height when a wrapped line appears or gets longer (top-level
    layouts ignore height-for-width, and a form computes it at its own guess of the width),
    so without this the labels are squeezed. Each wrapped label is held at the height its
    text needs at its real width, and the window grows by what they lacked."""
    layout = window.layout()
    if layout is None:
        return
    tallest = screen_room(window).height()
    wrapped = [label for label in window.findChildren(QLabel) if label.wordWrap()]
    for label in wrapped:
        label.setMinimumHeight(0)  # a shorter text gives the room back
    layout.activate()
    if layout.hasHeightForWidth():
        window.resize(window.width(), min(tallest, max(
            window.height(), layout.totalHeightForWidth(window.width()))))
    for _ in range(4):
        layout.activate()
        lacking = 0
        for label in wrapped:
            needed = label.heightForWidth(label.width())
            if label.isVisible() and needed > label.height():
                lacking += needed - label.height()
                label.setMinimumHeight(needed)
        if not lacking or window.height() >= tallest:
            return
        window.resize(window.width(), min(tallest, max(window.height() + lacking,
                                                       window.minimumSizeHint().height())))


def dialog_buttons(dialog: QWidget, accept_text: str, on_accept: Callable[[], object],
                   reject_text: str) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """The usual row: a default button that acts (Enter presses it) and one that closes.

    The caller passes the words through its own ``tr`` so each dialog keeps its context."""
    buttons = QDialogButtonBox(dialog)
    accept = QPushButton(accept_text, dialog)
    accept.setDefault(True)
    accept.clicked.connect(on_accept)
    buttons.addButton(accept, QDialogButtonBox.ButtonRole.AcceptRole)
    reject = buttons.addButton(reject_text, QDialogButtonBox.ButtonRole.RejectRole)
    reject.clicked.connect(dialog.reject)  # type: ignore[attr-defined]
    return buttons, accept, reject


class StrengthMeter(QWidget):
    """How hard a password is to guess: a coloured bar and a word beside it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(SPACING)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(6)
        self.label = QLabel(self)
        self.label.setMinimumWidth(80)
        # As tall as its tallest word from the start (Chinese words are taller than the empty
        # label): the first key typed moves nothing below it (QA s39).
        self.label.setMinimumHeight(max(self._height_of(word) for word in self._words()))
        row.addWidget(self.bar, 1)
        row.addWidget(self.label)

    def _words(self) -> tuple[str, ...]:
        return (self.tr("Too short"), self.tr("Weak"), self.tr("Fair"), self.tr("Good"),
                self.tr("Strong"))

    def _height_of(self, word: str) -> int:
        self.label.setText(word)
        height = self.label.sizeHint().height()
        self.label.clear()
        return height

    def show_for(self, password: str) -> int:
        """Show ``password``'s score (0-4) and return it."""
        score = password_strength(password)
        words = self._words()
        color = STRENGTH_COLORS[score]
        self.bar.setValue(score)
        self.bar.setStyleSheet(
            f"QProgressBar::chunk {{ background: {color}; border-radius: 3px; }}"
            " QProgressBar { border: none; border-radius: 3px; background: palette(midlight); }")
        self.label.setText(words[score] if password else "")
        self.label.setStyleSheet(f"color: {color};")
        return score

def close_popups() -> None:
    """Every open popup (a menu, a drop-down list), innermost first."""
    for _ in range(8):  # a submenu's parents: a few at most
        popup = QApplication.activePopupWidget()
        if popup is None:
            return
        popup.close()
