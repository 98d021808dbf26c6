"""Keeps one thematic panel's data current, loading it off the GUI thread only when it changed.

A :class:`PanelLoader` listens to the hub. When the layer tree changes it takes a
snapshot and compares the panel's inputs (:class:`~ecomap.services.project_snapshot.Needs`)
with those of the last load: a change elsewhere in the tree does not reload the panel.
When an edit is committed (or undone) to a layer the panel shows, it reloads. Loads run
through one :class:`~ecomap.core.tasks.LatestTask`: a newer load cancels the older one,
and only the newest result reaches the panel, on the GUI thread.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from ecomap.core.tasks import LatestTask
from ecomap.errors import DataError
from ecomap.i18n import tr
from ecomap.services.project_snapshot import Needs, ProjectSnapshot

log = logging.getLogger(__name__)


def failure_text(exc: BaseException) -> str:
    """What a panel says when its data could not be loaded (the details go to the log)."""
    if isinstance(exc, DataError):
        return exc.user_message()
    log.error("panel data not loaded: %s", getattr(exc, "__ecomap_traceback__", exc))
    return tr("The data of this panel could not be read: {error}").format(error=str(exc) or type(exc).__name__)


class PanelLoader(QObject):
    #: the loaded data, on the GUI thread
    loaded = Signal(object)
    #: the load failed (the exception; a DataError carries a message for the user)
    failed = Signal(object)
    #: a load started (True) or its result arrived (False)
    busyChanged = Signal(bool)

    def __init__(self, hub, needs: Needs, load, description: str = "", parent: QObject | None = None):
        """``load(snapshot, feedback, **options)`` builds the panel's data on a worker thread."""
        super().__init__(parent)
        self.hub, self.needs, self.load = hub, needs, load
        #: () → extra keyword arguments of a load, asked when it starts (e.g. the day a panel shows)
        self.options = dict
        self.latest = LatestTask(self, description, visible=False)
        self.latest.finished.connect(self._finished)
        self.latest.failed.connect(self._failed)
        self.latest.cancelled.connect(self._cancelled)
        self._busy = False
        self._signature = None
        # the snapshot of the last load keeps its layers and frames alive, so the ids in its
        # signature cannot be reused by new objects while it is compared
        self._snapshot: ProjectSnapshot | None = None
        hub.layersChanged.connect(self.layers_changed)
        hub.featuresChanged.connect(self.features_changed)

    @property
    def busy(self) -> bool:
        """A load runs, or its result has not been shown yet."""
        return self._busy

    def layers_changed(self) -> None:
        """The tree changed: reload only if the panel's inputs did."""
        snapshot = self.hub.snapshot()
        if self.needs.signature(snapshot) != self._signature:
            self.reload(snapshot)

    def features_changed(self, event) -> None:
        """An edit was committed, undone or reloaded: reload if it touched a layer the panel shows."""
        snapshot = self.hub.snapshot()
        if any(layer is event.target.layer for layer in self.needs.layer_objects(snapshot)):
            self.reload(snapshot)

    def reload(self, snapshot: ProjectSnapshot | None = None) -> None:
        snapshot = snapshot if snapshot is not None else self.hub.snapshot()
        self._snapshot = snapshot
        self._signature = self.needs.signature(snapshot)
        options = dict(self.options())
        self.latest.submit(lambda feedback: self.load(snapshot, feedback, **options))
        self._set_busy(True)

    def wait(self, timeout: float = 60.0) -> bool:
        """Until the current load's result has been delivered (tests, scripts)."""
        return self.latest.wait(timeout)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit(busy)

    def _finished(self, data) -> None:
        self.loaded.emit(data)
        self._set_busy(False)

    def _failed(self, exc) -> None:
        self.failed.emit(exc)
        self._set_busy(False)

    def _cancelled(self) -> None:
        self._set_busy(False)
