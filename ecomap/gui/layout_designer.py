"""The print-layout designer: the page preview, the item list and each item's properties.

Every change — a drag on the page, a value typed in the properties — goes through
:meth:`LayoutDesigner.edit`, which snapshots the layout before and after and pushes
an undoable command, so Ctrl+Z undoes a moved legend as it undoes a renamed title.
Exports call the same ``ecomap.services.exports`` functions as the CLI, in a task on
a snapshot of the layout, so the designer stays usable while a PDF is written.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ecomap.core.layout import model as m
from ecomap.core.layout.legend import legend_entries
from ecomap.core.layout.model import Layout, layout_from_dict
from ecomap.core.layout.page import frame_layers
from ecomap.core.layout.templates import briefing_layout, load_template, save_template
from ecomap.core.tasks import Task
from ecomap.errors import DataError
from ecomap.gui.export_actions import start_export, status_message
from ecomap.gui.layout_scene import LayoutScene, LayoutView
from ecomap.i18n import tr
from ecomap.services import exports

KIND_NAMES = {"map": "Map frame", "inset": "Locator inset", "label": "Text", "legend": "Legend",
              "scalebar": "Scale bar", "north": "North arrow", "picture": "Picture"}


def item_title(item) -> str:
    if isinstance(item, m.LabelItem) and item.text:
        return f"{tr('Text')}: {item.text.splitlines()[0][:16]}"
    return tr(KIND_NAMES.get(item.kind, item.kind))


class LayoutEdit(QUndoCommand):
    """A change of the layout, as the model before and after."""

    def __init__(self, designer: LayoutDesigner, before: dict, after: dict, text: str):
        super().__init__(text)
        self.designer, self.before, self.after = designer, before, after
        self._first = True

    def redo(self) -> None:
        if self._first:  # the change is already applied when the command is pushed
            self._first = False
            return
        self.designer.set_layout(layout_from_dict(self.after), keep_undo=True)

    def undo(self) -> None:
        self.designer.set_layout(layout_from_dict(self.before), keep_undo=True)


class LayoutDesigner(QDialog):
    """Edit ``layout`` over ``ctx``; ``on_save(layout)`` stores it (in the project)."""

    def __init__(self, layout: Layout, ctx, on_save=None, current_extent=None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Print layout — {name}").format(name=layout.name))
        self.resize(1300, 860)
        self.ctx = ctx
        self.on_save = on_save
        self.current_extent = current_extent  # callable giving the main window's view, or None
        self.undo = QUndoStack(self)
        self.layout_model = layout
        self.scene = LayoutScene(layout, ctx, self)
        self.view = LayoutView(self.scene)
        self.scene.geometryEdited.connect(self._geometry_edited)
        self.scene.selectionChanged.connect(self._selection_changed)
        self._building = False

        self.items_list = QListWidget()
        self.items_list.currentRowChanged.connect(self._list_row_changed)
        self.props_host = QWidget()
        self.props_layout = QVBoxLayout(self.props_host)
        self.props_layout.setContentsMargins(0, 0, 0, 0)
        self.page_combo = QComboBox()
        for page in ("A4", "A3"):
            for orient, label in (("landscape", tr("landscape")), ("portrait", tr("portrait"))):
                self.page_combo.addItem(f"{page} {label}", f"{page} {orient}")
        self.page_combo.activated.connect(self._page_changed)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(QLabel(tr("Page")))
        side_layout.addWidget(self.page_combo)
        side_layout.addWidget(QLabel(tr("Items")))
        side_layout.addWidget(self.items_list, 1)
        side_layout.addWidget(QLabel(tr("Properties")))
        side_layout.addWidget(self.props_host, 2)
        splitter = QSplitter()
        splitter.addWidget(self.view)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        self.status = QLabel()
        self._main_window = parent
        self._window_status = status_message(parent)
        outer = QVBoxLayout(self)
        outer.addWidget(self._toolbar())
        outer.addWidget(splitter, 1)
        outer.addWidget(self.status)
        self._refresh_lists()
        self.view.fit_page()

    # ------------------------------------------------------------------ toolbar

    def _toolbar(self) -> QToolBar:
        tb = QToolBar()

        def act(text, slot, shortcut=None):
            a = QAction(text, self)
            a.triggered.connect(slot)
            if shortcut:
                a.setShortcut(shortcut)
            tb.addAction(a)
            return a

        undo = self.undo.createUndoAction(self, tr("Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo.createRedoAction(self, tr("Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        tb.addAction(undo)
        tb.addAction(redo)
        tb.addSeparator()
        for kind in ("label", "legend", "scalebar", "north", "inset", "picture", "map"):
            act(tr("Add {what}").format(what=tr(KIND_NAMES[kind])), lambda _=False, k=kind: self.add_item(k))
        act(tr("Delete item"), self.delete_selected, QKeySequence.StandardKey.Delete)
        tb.addSeparator()
        act(tr("Fit page"), self.view.fit_page)
        act(tr("Reset to briefing template"), self.reset_briefing)
        act(tr("Load template…"), self.load_template_dialog)
        act(tr("Save as template…"), self.save_template_dialog)
        tb.addSeparator()
        act(tr("Export PDF…"), lambda: self.export_dialog("pdf"))
        act(tr("Export image…"), lambda: self.export_dialog("png"))
        act(tr("Export SVG…"), lambda: self.export_dialog("svg"))
        act(tr("Copy page image"), self.copy_page)
        if self.on_save is not None:
            act(tr("Save in project"), self.save_to_project, QKeySequence.StandardKey.Save)
        return tb

    # ------------------------------------------------------------------ model changes

    def edit(self, text: str, change) -> None:
        """Apply ``change(layout)`` as one undoable step."""
        before = self.layout_model.to_dict()
        change(self.layout_model)
        after = self.layout_model.to_dict()
        if before == after:
            return
        self.undo.push(LayoutEdit(self, before, after, text))
        self._model_changed()

    def set_layout(self, layout: Layout, keep_undo: bool = False) -> None:
        selected = self.scene.selected_item_id()
        self.layout_model = layout
        self.scene.layout = layout
        if not keep_undo:
            self.undo.clear()
        self._model_changed()
        self.scene.select(selected)

    def _model_changed(self) -> None:
        self.scene.rebuild()
        self._refresh_lists()

    def _geometry_edited(self, item_id, x, y, w, h) -> None:
        def change(layout):
            item = layout.item(item_id)
            item.x, item.y, item.w, item.h = x, y, w, h
        self.edit(tr("Move item"), change)

    def add_item(self, kind: str) -> None:
        w, h = self.layout_model.size_mm
        main = self.layout_model.main_map
        link = main.id if main is not None else ""
        cls = m.ITEM_CLASSES[kind]
        item = cls(x=w / 2 - 20, y=h / 2 - 10)
        if hasattr(item, "link"):
            item.link = link
        if kind == "label":
            item.text, item.w, item.h = tr("Text"), 60.0, 10.0
        if kind == "picture":
            path, _ = QFileDialog.getOpenFileName(self, tr("Choose a picture"), "",
                                                  tr("Images") + " (*.png *.jpg *.jpeg *.svg *.bmp)")
            if not path:
                return
            item.path, item.w, item.h = path, 30.0, 30.0
        self.edit(tr("Add {what}").format(what=tr(KIND_NAMES[kind])), lambda layout: layout.items.append(item))
        self.scene.select(item.id)

    def delete_selected(self) -> None:
        item_id = self.scene.selected_item_id()
        if item_id:
            self.edit(tr("Delete item"), lambda layout: layout.items.remove(layout.item(item_id)))

    def _page_changed(self, index: int) -> None:
        if index < 0:
            return
        page, orientation = self.page_combo.itemData(index).split()
        if (page, orientation) != (self.layout_model.page, self.layout_model.orientation):
            resized = self.layout_model.resized(page, orientation)
            self.edit(tr("Change page"), lambda layout: (setattr(layout, "page", page),
                                                         setattr(layout, "orientation", orientation),
                                                         layout.items.__setitem__(slice(None), resized.items)))
            self.view.fit_page()

    def reset_briefing(self) -> None:
        fresh = briefing_layout(self.layout_model.page, self.layout_model.orientation, self.layout_model.name)
        fresh.variables.update(self.layout_model.variables)
        self.edit(tr("Reset to briefing template"), lambda layout: layout.items.__setitem__(slice(None), fresh.items))

    # ------------------------------------------------------------------ lists and properties

    def _refresh_lists(self) -> None:
        self._building = True
        index = max(0, self.page_combo.findData(f"{self.layout_model.page} {self.layout_model.orientation}"))
        self.page_combo.setCurrentIndex(index)
        selected = self.scene.selected_item_id()
        self.items_list.clear()
        for item in self.layout_model.items:
            entry = QListWidgetItem(item_title(item))
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            self.items_list.addItem(entry)
            if item.id == selected:
                self.items_list.setCurrentItem(entry)
        self._building = False
        self._show_properties(self.layout_model.item(selected) if selected else None)

    def _list_row_changed(self, row: int) -> None:
        if self._building or row < 0:
            return
        self.scene.select(self.items_list.item(row).data(Qt.ItemDataRole.UserRole))

    def _selection_changed(self) -> None:
        if self._building:
            return
        item_id = self.scene.selected_item_id()
        self._building = True
        for row in range(self.items_list.count()):
            if self.items_list.item(row).data(Qt.ItemDataRole.UserRole) == item_id:
                self.items_list.setCurrentRow(row)
        self._building = False
        self._show_properties(self.layout_model.item(item_id) if item_id else None)

    def _show_properties(self, item) -> None:
        while self.props_layout.count():
            widget = self.props_layout.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        panel = QWidget()
        form = QFormLayout(panel)
        if item is None:
            self._variables_form(form)
        else:
            self._geometry_form(form, item)
            builder = getattr(self, f"_form_{item.kind}", None)
            if builder is not None:
                builder(form, item)
        self.props_layout.addWidget(panel)
        self.props_layout.addStretch(1)

    def _setter(self, item_id: str, attr: str, text: str):
        def apply(value):
            self.edit(text, lambda layout: setattr(layout.item(item_id), attr, value))
        return apply

    def _spin(self, value: float, lo: float, hi: float, on_done, step: float = 1.0, decimals: int = 1):
        box = QDoubleSpinBox()
        box.setRange(lo, hi)
        box.setDecimals(decimals)
        box.setSingleStep(step)
        box.setValue(value)
        box.editingFinished.connect(lambda: on_done(box.value()))
        return box

    def _choice(self, item, attr: str, options, text: str) -> QComboBox:
        """A combo of (value, label) ``options`` showing ``item.attr``; choosing one is an undoable edit."""
        box = QComboBox()
        for value, label in options:
            box.addItem(label, value)
        box.setCurrentIndex(max(0, box.findData(getattr(item, attr))))
        box.activated.connect(lambda i: self._setter(item.id, attr, text)(box.itemData(i)))
        return box

    def _geometry_form(self, form: QFormLayout, item) -> None:
        for attr, label in (("x", tr("Left (mm)")), ("y", tr("Top (mm)")), ("w", tr("Width (mm)")),
                            ("h", tr("Height (mm)"))):
            form.addRow(label, self._spin(getattr(item, attr), 0, 1000, self._setter(item.id, attr, tr("Move item"))))
        border = self._spin(item.border, 0, 5, self._setter(item.id, "border", tr("Frame line")), 0.05, 2)
        form.addRow(tr("Frame line (mm)"), border)

    def _form_label(self, form: QFormLayout, item) -> None:
        text = QPlainTextEdit(item.text)
        text.setMaximumHeight(90)
        apply = QPushButton(tr("Apply text"))
        apply.clicked.connect(lambda: self._setter(item.id, "text", tr("Edit text"))(text.toPlainText()))
        form.addRow(tr("Text"), text)
        form.addRow("", apply)
        form.addRow(QLabel(tr("Placeholders: {title} {date} {scale} {crs} {unit} {source}, and field names "
                              "such as {XZQMC} in an atlas")))
        form.addRow(tr("Size (pt)"), self._spin(item.size, 4, 96, self._setter(item.id, "size", tr("Text size"))))
        bold = QCheckBox(tr("Bold"))
        bold.setChecked(item.bold)
        bold.toggled.connect(self._setter(item.id, "bold", tr("Bold")))
        form.addRow("", bold)
        form.addRow(tr("Alignment"), self._choice(
            item, "align", (("left", tr("left")), ("center", tr("centre")), ("right", tr("right"))), tr("Alignment")))

    def _form_map(self, form: QFormLayout, item) -> None:
        scale = self._spin(item.scale or 0, 0, 1e8, lambda v: self._setter(item.id, "scale", tr("Map scale"))(
            v or None), 1000, 0)
        form.addRow(tr("Scale 1: (0 = fit)"), scale)
        if self.current_extent is not None:
            here = QPushButton(tr("Show the main window's view"))
            here.clicked.connect(lambda: self._setter(item.id, "extent", tr("Map extent"))(
                [float(v) for v in self.current_extent()]))
            form.addRow("", here)
        whole = QPushButton(tr("Show all layers"))
        whole.clicked.connect(lambda: self._setter(item.id, "extent", tr("Map extent"))(None))
        form.addRow("", whole)
        grid = QComboBox()
        for value, label in ((None, tr("none")), ("geographic", tr("longitude/latitude graticule")),
                             ("projected", tr("kilometre grid"))):
            grid.addItem(label, value)
        grid.setCurrentIndex(max(0, grid.findData(item.grid.type if item.grid else None)))

        def set_grid(i):
            kind = grid.itemData(i)
            self._setter(item.id, "grid", tr("Grid"))(m.GridSpec(type=kind) if kind else None)
        grid.activated.connect(set_grid)
        form.addRow(tr("Grid"), grid)
        mask = QCheckBox(tr("Show only inside the county boundary"))
        mask.setChecked(item.mask_layer == "auto")
        mask.toggled.connect(lambda on: self._setter(item.id, "mask_layer", tr("Mask"))("auto" if on else ""))
        form.addRow("", mask)

    def _form_legend(self, form: QFormLayout, item) -> None:
        title = QLineEdit(item.title)
        title.editingFinished.connect(lambda: self._setter(item.id, "title", tr("Legend title"))(title.text()))
        form.addRow(tr("Title"), title)
        everything = type(item)(**{**{k: v for k, v in item.to_dict().items() if k != "kind"}, "hidden": []})
        frame = self.layout_model.item(item.link) or self.layout_model.main_map
        entries = legend_entries(everything, self.ctx, frame_layers(frame, self.ctx) if frame else None)
        table = QTableWidget(len(entries), 2)
        table.setHorizontalHeaderLabels([tr("Show"), tr("Label")])
        table.horizontalHeader().setStretchLastSection(True)
        for row, entry in enumerate(entries):
            shown = QTableWidgetItem()
            shown.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            shown.setCheckState(Qt.CheckState.Unchecked if entry.key in item.hidden else Qt.CheckState.Checked)
            shown.setData(Qt.ItemDataRole.UserRole, entry.key)
            table.setItem(row, 0, shown)
            label = QTableWidgetItem(("    " if entry.indent else "") + entry.label)
            label.setData(Qt.ItemDataRole.UserRole, entry.key)
            table.setItem(row, 1, label)

        def changed(cell):
            key = cell.data(Qt.ItemDataRole.UserRole)
            if cell.column() == 0:
                hidden = set(item.hidden)
                (hidden.discard if cell.checkState() == Qt.CheckState.Checked else hidden.add)(key)
                self._setter(item.id, "hidden", tr("Legend entries"))(sorted(hidden))
            else:
                labels = dict(item.labels)
                labels[key] = cell.text().strip()
                self._setter(item.id, "labels", tr("Legend label"))(labels)
        table.itemChanged.connect(changed)
        form.addRow(table)
        form.addRow(tr("Text size (pt)"), self._spin(item.size, 4, 30, self._setter(item.id, "size", tr("Text size"))))

    def _form_scalebar(self, form: QFormLayout, item) -> None:
        form.addRow(tr("Units"), self._choice(
            item, "units", (("auto", tr("automatic")), ("m", tr("m")), ("km", tr("km"))), tr("Scale bar units")))
        form.addRow(tr("Segments"), self._spin(item.segments, 1, 10, lambda v: self._setter(
            item.id, "segments", tr("Scale bar"))(int(v)), 1, 0))

    def _form_picture(self, form: QFormLayout, item) -> None:
        choose = QPushButton(Path(item.path).name or tr("Choose…"))

        def pick():
            path, _ = QFileDialog.getOpenFileName(self, tr("Choose a picture"), "",
                                                  tr("Images") + " (*.png *.jpg *.jpeg *.svg *.bmp)")
            if path:
                self._setter(item.id, "path", tr("Picture"))(path)
        choose.clicked.connect(pick)
        form.addRow(tr("File"), choose)

    def _variables_form(self, form: QFormLayout) -> None:
        form.addRow(QLabel(tr("Text for the footer and title (used by {unit}, {source}, {subtitle})")))
        for key, label in (("unit", tr("Mapping unit")), ("source", tr("Data source")),
                           ("subtitle", tr("Subtitle"))):
            edit = QLineEdit(self.layout_model.variables.get(key, ""))

            def done(k=key, e=edit):
                self.edit(tr("Edit text"), lambda layout: layout.variables.__setitem__(k, e.text()))
            edit.editingFinished.connect(done)
            form.addRow(label, edit)

    # ------------------------------------------------------------------ files

    def export_dialog(self, kind: str) -> None:
        filters = {"pdf": "PDF (*.pdf)", "svg": "SVG (*.svg)",
                   "png": "PNG (*.png);;JPEG (*.jpg);;TIFF (*.tif)"}
        path, _ = QFileDialog.getSaveFileName(self, tr("Export layout"), f"{self.ctx.title or 'map'}.{kind}",
                                              filters[kind])
        if not path:
            return
        dpi = 300
        if kind == "png":
            choice, ok = QInputDialog.getItem(self, tr("Resolution"), tr("Dots per inch"), ["150", "300", "600"], 1,
                                              False)
            if not ok:
                return
            dpi = int(choice)
        self.run_export(Path(path), dpi)

    def run_export(self, path: Path, dpi: int = 300) -> Task:
        """Write the layout as it is now to ``path``, in a task (the designer stays usable)."""
        layout, ctx = exports.layout_snapshot(self.layout_model, self.ctx)
        return self._start(tr("Exporting {name}").format(name=path.name),
                           lambda feedback: exports.export_layout(layout, ctx, path, dpi, feedback=feedback),
                           path, self._exported)

    def _exported(self, exported) -> None:
        self._show_status(tr("Wrote {path}").format(path=exported.path))
        if exported.notes:
            QMessageBox.information(self if shiboken6.isValid(self) else self._main_window, tr("Export"),
                                    "\n".join(exported.notes))

    def copy_page(self) -> Task:
        layout, ctx = exports.layout_snapshot(self.layout_model, self.ctx)

        def copied(image) -> None:
            QGuiApplication.clipboard().setImage(image)
            self._show_status(tr("Copied the page image"))
        return self._start(tr("Copying the page image"),
                           lambda feedback: exports.render_layout_image(layout, ctx, 150, feedback=feedback),
                           tr("the clipboard"), copied)

    def _start(self, description: str, work, target, on_finished) -> Task:
        # errors go to the main window when there is one: an export outlives a closed designer
        return start_export(self._main_window or self, description, work, title=tr("Export"), target=target,
                            on_finished=on_finished, status=self._show_status)

    def _show_status(self, text: str) -> None:
        if shiboken6.isValid(self):
            self.status.setText(text)
        elif self._window_status is not None:  # closed before the export ended
            self._window_status(text)

    def done(self, result: int) -> None:
        self.scene.cancel_renders()
        super().done(result)

    def save_template_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Save as template"), f"{self.layout_model.name}.json",
                                              tr("Layout templates") + " (*.json)")
        if path:
            save_template(self.layout_model, path)

    def load_template_dialog(self) -> None:
        from ecomap.core.layout.templates import templates_dir

        path, _ = QFileDialog.getOpenFileName(self, tr("Load template"), str(templates_dir()),
                                              tr("Layout templates") + " (*.json)")
        if not path:
            return
        try:
            loaded = load_template(path)
        except DataError as exc:
            QMessageBox.warning(self, tr("Load template"), exc.user_message())
            return
        name = self.layout_model.name
        self.edit(tr("Load template"), lambda layout: (layout.__dict__.update(loaded.copy().__dict__),
                                                       setattr(layout, "name", name)))
        self.view.fit_page()

    def save_to_project(self) -> None:
        if self.on_save is not None:
            self.on_save(self.layout_model.copy())
