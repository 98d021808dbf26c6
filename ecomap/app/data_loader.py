"""Adding data: read files in a worker, then settle what the files could not tell (encoding, CRS).

``DataLoader.add_paths(paths)`` reads every file off the UI thread with a progress
window that can be cancelled; read errors are collected and shown once, clearly.
A folder or ZIP archive holding several datasets is first listed (in a worker too)
and the user ticks the ones to add.
Then, one layer at a time on the GUI thread: a Shapefile whose text encoding was
guessed gets the encoding preview (and is re-read, again in a worker, if the user
picks another); a layer without a declared CRS gets the CRS dialog. The layers are
added to the tree in one undoable step.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from ecomap.app.task_progress import TaskProgressMixin
from ecomap.core.crs import CrsInfo, crs_from_epsg
from ecomap.core.default_styles import detect_theme
from ecomap.core.feedback import UNKNOWN
from ecomap.core.layer_tree import make_layer_node
from ecomap.core.tasks import Task
from ecomap.core.tree_commands import AddNodesCommand
from ecomap.errors import DataError
from ecomap.i18n import tr
from ecomap.io.registry import holds_several, is_shapefile

PROJECT_SUFFIX = ".ecomap"


def read_files(feedback, items: list) -> list[tuple[str, list | DataError]]:
    """Worker: open every item (a path, or a (path, layer) pair); per item its layers or the DataError."""
    from ecomap.io.registry import open_path

    out = []
    for i, item in enumerate(items):
        path, layer = (item, None) if isinstance(item, str) else item
        feedback.check()
        feedback.step(i, len(items), layer or Path(path).name)
        try:
            layers = open_path(path, layer=layer)
        except DataError as exc:
            out.append((path, exc))
            continue
        for lyr in layers:
            # the GUI asks for extents and geometry types at once; compute them here, off the UI thread
            _ = lyr.bounds
            _ = getattr(lyr, "geometry_type", None)
        out.append((path, layers))
    return out


def list_containers(feedback, paths: list[str]) -> list[tuple[str, list | DataError | None]]:
    """Worker: per path the datasets of a folder or ZIP archive (or the DataError), None for a plain file."""
    from ecomap.io.registry import holds_several, list_datasets

    out = []
    for i, path in enumerate(paths):
        feedback.check()
        feedback.step(i, len(paths), Path(path).name)
        if not holds_several(path):
            out.append((path, None))
            continue
        try:
            out.append((path, list_datasets(path)))
        except DataError as exc:
            out.append((path, exc))
    return out


def reread_shapefile(feedback, path: Path, layer_name: str | None, encoding: str):
    """Worker: the layer read again with ``encoding`` (a Shapefile, also inside a ZIP archive)."""
    from ecomap.io.registry import open_path

    feedback.set_progress(UNKNOWN, Path(path).name)
    layers = open_path(path, layer=layer_name, encoding=encoding)
    _ = layers[0].bounds
    return layers[0]


def with_crs(layer, epsg: int):
    """A copy of ``layer`` whose CRS the user confirmed as EPSG:``epsg`` (the data is not moved)."""
    info = CrsInfo(declared_epsg=epsg, swapped_axes=layer.crs_info.swapped_axes if layer.crs_info else False)
    if getattr(layer, "kind", None) == "vector":
        features = layer.features.set_crs(crs_from_epsg(epsg), allow_override=True)
        notes = [n for n in layer.notes if "assumed" not in n and "假定" not in n]
        return replace(layer, features=features, crs_info=info, notes=notes)
    return replace(layer, crs_info=info)


def is_attribute_table(layer) -> bool:
    """A vector layer without geometry (e.g. a GeoPackage attributes table: stage history, measurements)."""
    return getattr(layer, "kind", None) == "vector" and layer.geometry_type is None


def needs_crs_question(layer) -> bool:
    if is_attribute_table(layer):
        return False  # an attribute-only table has no coordinates to place
    info = getattr(layer, "crs_info", None)
    return info is None or info.crs() is None or info.is_assumed


def start_reading(paths) -> Task | None:
    """The read of data files named on the command line, started before the main window is
    built: building it takes the GUI thread about a second, while reading is mostly GDAL and
    numpy on the other core. None where the files need questions first (folders, archives)
    or a project is among them."""
    paths = [str(p) for p in paths]
    if not paths or any(p.lower().endswith(PROJECT_SUFFIX) or holds_several(p) for p in paths):
        return None
    return Task(read_files, paths, description=tr("Reading data…"), visible=False).start()


class DataLoader(QObject, TaskProgressMixin):
    """Reads files for the main window and adds their layers to the tree."""

    layersAdded = Signal(list)  # layer nodes
    projectDropped = Signal(str)

    def __init__(self, window, tree, undo, lon_hint_fn=None):
        super().__init__(window)
        self.window, self.tree, self.undo = window, tree, undo
        self.lon_hint = lon_hint_fn or (lambda: None)
        self.task: Task | None = None
        self._queue: list = []
        self._ready: list = []
        self._pending_errors: list[DataError] = []
        self.progress: QProgressDialog | None = None

    # ------------------------------------------------------------------ entry point

    def add_paths(self, paths, reading: Task | None = None) -> Task | None:
        """Read ``paths`` and add their layers; ``reading`` is their read already started
        (:func:`start_reading`), taken over instead of reading them again."""
        paths = [str(p) for p in paths]
        if reading is not None:
            return self._read(paths, task=reading)
        projects = [p for p in paths if p.lower().endswith(PROJECT_SUFFIX)]
        for p in projects:
            self.projectDropped.emit(p)
        paths = [p for p in paths if p not in projects]
        if not paths:
            return None
        if not any(holds_several(p) for p in paths):
            return self._read(paths)
        task = Task(list_containers, paths, description=tr("Looking into folders and archives…"),
                    visible=False)  # the progress dialog shows it
        self.show_task_progress(task, tr("Looking into folders and archives…"), tr("Add data"),
                                tr("Looking into {name}…"), Qt.WindowModality.NonModal)
        task.finished.connect(self._on_listed)
        task.failed.connect(self._on_failed)
        self.task = task.start()
        return task

    def _read(self, items: list, errors: list | None = None, task: Task | None = None) -> Task:
        started = task is not None
        if task is None:
            task = Task(read_files, items, description=tr("Reading data…"), visible=False)  # the dialog shows it
        self._pending_errors = list(errors or [])
        self.show_task_progress(task, tr("Reading data…"), tr("Add data"), tr("Reading {name}…"),
                                Qt.WindowModality.NonModal)
        task.finished.connect(self._on_read)
        task.failed.connect(self._on_failed)
        self.task = task if started else task.start()
        return task

    def _on_listed(self, results):
        """Ask which datasets to add where a folder or archive holds several, then read them."""
        self._close_progress()
        items, errors = [], []
        for path, datasets in results:
            if isinstance(datasets, DataError):
                errors.append(datasets)
            elif datasets is None or len(datasets) == 1:
                items.append(path)
            elif not datasets:
                items.append(path)  # opening it says that nothing in it can be read
            else:
                chosen = self.ask_datasets(path, datasets)
                items.extend((str(d.path), d.layer) for d in chosen or [])
        if items:
            self.task = self._read(items, errors)
        elif errors:
            self.show_errors(errors)

    def _on_failed(self, exc):
        self._close_progress()
        QMessageBox.critical(self.window, tr("Add data"), tr("Reading failed: {error}").format(error=exc))

    def _on_read(self, results):
        self._close_progress()
        errors = self._pending_errors + [exc for _path, exc in results if isinstance(exc, DataError)]
        self._pending_errors = []
        if errors:
            self.show_errors(errors)
        self._queue = [lyr for _path, layers in results if not isinstance(layers, DataError) for lyr in layers]
        self._ready = []
        self._process_next()

    def show_errors(self, errors: list[DataError]) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Some files could not be opened"),
                          tr("EcoMap could not open {n} file(s):").format(n=len(errors)), parent=self.window)
        box.setInformativeText("\n\n".join(e.user_message() for e in errors[:10]))
        box.exec()

    # ------------------------------------------------------------------ one layer at a time

    def _process_next(self):
        while self._queue:
            layer = self._queue.pop(0)
            enc = getattr(layer, "encoding", None)
            if enc is not None and enc.guessed and is_shapefile(layer):
                chosen = self.ask_encoding(layer)
                if chosen and chosen.upper() != enc.encoding.upper():
                    self._reread(layer, chosen)
                    return  # continues when the re-read finishes
            self._ready.append(self._settle_crs(layer))
        self._add_ready()

    def _reread(self, layer, encoding: str):
        task = Task(reread_shapefile, layer.source.path, layer.source.layer, encoding,
                    description=tr("Reading {name}…").format(name=layer.name))

        def done(new_layer):
            self._ready.append(self._settle_crs(new_layer))
            self._process_next()

        def failed(exc):
            QMessageBox.warning(self.window, tr("Text encoding"), str(exc))
            self._ready.append(self._settle_crs(layer))
            self._process_next()

        task.finished.connect(done)
        task.failed.connect(failed)
        self.task = task.start()

    def _settle_crs(self, layer):
        if not needs_crs_question(layer):
            return layer
        epsg = self.ask_crs(layer)
        return with_crs(layer, epsg) if epsg else layer

    def _add_ready(self):
        layers, self._ready = self._ready, []
        if not layers:
            return
        nodes = []
        for layer in layers:
            theme, aliases = detect_theme(layer)
            if aliases and getattr(layer, "kind", None) == "vector":
                for k, v in aliases.items():
                    layer.field_aliases.setdefault(k, v)
            nodes.append(make_layer_node(layer, theme=theme))
        # the last file read goes on top, as in QGIS; attribute-only tables go below the map layers
        nodes.reverse()
        nodes.sort(key=lambda n: is_attribute_table(n.layer))
        self.undo.push(AddNodesCommand(self.tree, nodes, self.tree.root, 0))
        tables = sum(is_attribute_table(n.layer) for n in nodes)
        if tables:
            self.window.statusBar().showMessage(
                tr("{n} attribute-only tables added below the map layers (no map symbols); "
                   "open one with the attribute table (F6).").format(n=tables), 15000)
        self.layersAdded.emit(nodes)

    # ------------------------------------------------------------------ questions (replaced in tests)

    def ask_datasets(self, path: str, datasets: list) -> list:
        """The datasets of the folder or archive ``path`` that the user ticked (none when cancelled)."""
        from ecomap.gui.dataset_chooser import DatasetChooser

        dlg = DatasetChooser(Path(path).name, datasets, self.window)
        return dlg.selected() if dlg.exec() else []

    def ask_encoding(self, layer) -> str | None:
        from ecomap.gui.encoding_dialog import EncodingDialog
        from ecomap.io.registry import gdal_location

        path, name = gdal_location(layer.source)
        dlg = EncodingDialog(path, layer.encoding.encoding, True, name, self.window)
        return dlg.encoding() if dlg.exec() else None

    def ask_crs(self, layer) -> int | None:
        from ecomap.gui.crs_dialog import CrsDialog

        info = layer.crs_info
        if info is not None and info.is_assumed:
            reason = tr("{name}: the file declares no coordinate system. EcoMap assumes EPSG:{epsg} because "
                        "{reason}. Confirm or choose another.").format(name=layer.name, epsg=info.assumed_epsg,
                                                                         reason=info.reason)
        else:
            reason = tr("{name}: the file declares no coordinate system and its coordinates do not tell. "
                        "Choose the one it was made in.").format(name=layer.name)
        dlg = CrsDialog(self.window, title=tr("Coordinate system of {name}").format(name=layer.name),
                        current=info.assumed_epsg if info is not None else None, bounds=layer.bounds,
                        reason=reason, lon_hint=self.lon_hint())
        return dlg.selected_epsg() if dlg.exec() else None
