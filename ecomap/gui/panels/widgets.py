"""Small pieces the thematic panels share: filter combos and grids, labelled rows, the list-over-tabs
splitter, summary labels, the busy hint, HTML tables, shortcuts."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ecomap.i18n import language, tr

ANY = None  # the data of a combo's "all" entry
SUMMARY_STYLE = "QLabel{background:#f4f6f8;border:1px solid #d8dde3;padding:4px}"


def choice_combo(all_text: str) -> QComboBox:
    combo = QComboBox()
    combo.addItem(all_text, ANY)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(6)
    return combo


def set_choices(combo: QComboBox, values, labels: dict | None = None) -> None:
    """Replace the choices after the "all" entry, keeping the current choice when it still exists."""
    current = combo.currentData()
    combo.blockSignals(True)
    while combo.count() > 1:
        combo.removeItem(1)
    for v in values:
        combo.addItem((labels or {}).get(v, str(v)), v)
    i = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(i, 0))
    combo.blockSignals(False)


def chosen(combo: QComboBox) -> frozenset:
    v = combo.currentData()
    return frozenset() if v is None else frozenset({v})


def add_labelled(grid: QGridLayout, row: int, col: int, text: str, widget: QWidget) -> QLabel:
    """A label with a mnemonic (e.g. "&Stage") whose buddy is ``widget`` (Alt+S focuses it)."""
    label = QLabel(text)
    label.setBuddy(widget)
    label.setMinimumWidth(label.sizeHint().width() + 6)  # never clipped by a wide field
    grid.addWidget(label, row, col)
    grid.addWidget(widget, row, col + 1)
    return label


def search_box(placeholder: str) -> QLineEdit:
    box = QLineEdit()
    box.setPlaceholderText(placeholder)
    box.setClearButtonEnabled(True)
    return box


def filter_grid(combos: list[tuple[str, QComboBox]], checks: list[QWidget], search: QLineEdit) -> QGridLayout:
    """Labelled filter combos two to a row, then a row of check boxes, then the search box across."""
    grid = QGridLayout()
    grid.setContentsMargins(0, 0, 0, 0)
    for i, (text, combo) in enumerate(combos):
        add_labelled(grid, i // 2, (i % 2) * 2, text, combo)
    row = (len(combos) + 1) // 2
    line = QHBoxLayout()
    for check in checks:
        line.addWidget(check)
    line.addStretch(1)
    grid.addLayout(line, row, 0, 1, 4)
    grid.addWidget(search, row + 1, 0, 1, 4)
    grid.setColumnStretch(1, 1)
    grid.setColumnStretch(3, 1)
    return grid


def refresh_on_filter_change(panel: QWidget, refresh, combos, checks, search: QLineEdit) -> None:
    """Re-run ``refresh`` whenever a filter changes; Ctrl+F jumps to the search box."""
    for combo in combos:
        combo.currentIndexChanged.connect(refresh)
    for check in checks:
        check.toggled.connect(refresh)
    search.textChanged.connect(refresh)
    shortcut(panel, "Ctrl+F", lambda: (search.setFocus(), search.selectAll()))


def summary_label() -> QLabel:
    """The shaded one-paragraph summary above a panel's list."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(SUMMARY_STYLE)
    return label


def busy_hint(loader) -> QLabel:
    """A line shown while ``loader`` (a PanelLoader) reads the panel's data; the data shown
    until then stays usable."""
    label = QLabel(tr("Loading…"))
    label.setStyleSheet("QLabel{color:#555555;font-style:italic}")
    label.hide()
    loader.busyChanged.connect(label.setVisible)
    return label


def list_over_tabs(table: QWidget, buttons: QLayout, tabs: QTabWidget, stretch: tuple[int, int],
                   sizes: list[int]) -> QSplitter:
    """The list with its buttons above, the detail tabs below, in a vertical splitter."""
    top = QWidget()
    tl = QVBoxLayout(top)
    tl.setContentsMargins(0, 0, 0, 0)
    tl.addWidget(table)
    tl.addLayout(buttons)
    splitter = QSplitter(Qt.Orientation.Vertical)
    splitter.addWidget(top)
    splitter.addWidget(tabs)
    splitter.setStretchFactor(0, stretch[0])
    splitter.setStretchFactor(1, stretch[1])
    splitter.setSizes(sizes)
    return splitter


def stack(panel: QWidget, *parts) -> QVBoxLayout:
    """Lay ``parts`` (widgets or layouts) top to bottom in ``panel``; the last one takes the spare height."""
    lay = QVBoxLayout(panel)
    lay.setContentsMargins(4, 4, 4, 4)
    for i, part in enumerate(parts):
        stretch = 1 if i == len(parts) - 1 else 0
        if isinstance(part, QLayout):
            lay.addLayout(part, stretch)
        else:
            lay.addWidget(part, stretch)
    return lay


def shortcut(parent: QWidget, keys, slot) -> QShortcut:
    """A shortcut active while focus is anywhere inside ``parent`` (the panel)."""
    sc = QShortcut(QKeySequence(keys), parent)
    sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    sc.activated.connect(slot)
    return sc


def esc(v) -> str:
    return html.escape("" if v is None else str(v))


def html_table(headers: list[str], rows: list[list], row_styles: list[str] | None = None) -> str:
    head = "".join(f"<th align='left' style='padding:2px 6px;background:#eef2f6'>{esc(h)}</th>" for h in headers)
    body = []
    for i, r in enumerate(rows):
        style = (row_styles or [""] * len(rows))[i]
        cells = "".join(f"<td style='padding:2px 6px'>{esc(v)}</td>" for v in r)
        body.append(f"<tr style='{style}'>{cells}</tr>")
    return (f"<table cellspacing='0' style='border-collapse:collapse' width='100%'><tr>{head}</tr>"
            f"{''.join(body)}</table>")


def field_label(theme_field, column: str) -> str:
    """A field's name for the user: Chinese alias (English gloss in an English UI)."""
    if theme_field is None:
        return column
    return theme_field.alias_en if language() == "en" else theme_field.alias


def money(v) -> str:
    """万元 amounts: '1,234.5 万元' (the unit translated)."""
    return tr("{value} ×10⁴ CNY").format(value=f"{v:,.1f}")


def percent(v) -> str:
    return "—" if v is None else f"{v * 100:.1f}%"
