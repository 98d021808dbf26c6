"""The 分析 / Analysis menu: one entry per analysis dialog, installed into the main window.

``install_analysis_actions(main_window)`` is all the app needs to call. Each dialog is
created on first use and kept, so its inputs survive closing and reopening; the layer
pickers are refreshed from the layer tree every time a dialog is shown.
"""

from __future__ import annotations

from PySide6.QtGui import QAction

from ecomap.core.tasks import run_task
from ecomap.i18n import tr


def _dialogs():
    from ecomap.gui.analysis_overlay import OverlayDialog, ProximityDialog
    from ecomap.gui.analysis_screening import ScreeningDialog
    from ecomap.gui.analysis_stats import StatsDialog
    from ecomap.gui.analysis_zonal import ZonalDialog

    return {"screening": ScreeningDialog, "overlay": OverlayDialog, "proximity": ProximityDialog,
            "stats": StatsDialog, "zonal": ZonalDialog}


def open_dialog(main_window, key: str):
    """Show (creating on first use) the analysis dialog ``key``; returns it."""
    store = main_window.__dict__.setdefault("_analysis_dialogs", {})
    dialog = store.get(key)
    if dialog is None:
        dialog = _dialogs()[key](main_window)
        store[key] = dialog
    else:
        _refresh(dialog)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def _refresh(dialog) -> None:
    from ecomap.gui.analysis_common import LayerCombo

    for combo in dialog.findChildren(LayerCombo):
        combo.refresh()
    fill = getattr(dialog, "_fill_layers", None)
    if fill is not None:
        fill()


def install_analysis_actions(main_window):
    """Add the Analysis menu (site screening, overlap report, distance query, statistics, zonal) to the menu bar."""
    from PySide6.QtWidgets import QMenu

    menu_bar = main_window.menuBar()
    existing = getattr(main_window, "analysis_menu", None)
    if existing is not None:
        return existing
    help_action = next((a for a in menu_bar.actions() if a.menu() is not None and a.text() == tr("&Help")), None)
    menu = QMenu(tr("&Analysis"), menu_bar)
    if help_action is not None:  # before Help, where users expect it
        menu_bar.insertMenu(help_action, menu)
    else:
        menu_bar.addMenu(menu)
    entries = (
        ("screening", tr("Site screening (三线一单)…"), "Ctrl+Shift+X"),
        ("overlay", tr("Overlap report…"), None),
        ("proximity", tr("Distance query…"), None),
        ("stats", tr("Statistics by township…"), None),
        ("zonal", tr("Zonal statistics / vegetation recovery…"), None),
    )
    actions = {}
    for key, text, shortcut in entries:
        act = QAction(text, main_window)
        if shortcut:
            act.setShortcut(shortcut)
        act.triggered.connect(lambda _checked=False, k=key: open_dialog(main_window, k))
        menu.addAction(act)
        actions[key] = act
    main_window.analysis_menu = menu
    main_window.analysis_actions = actions
    from PySide6.QtCore import QTimer

    # the first dialog would import them on the GUI thread (about 0.1 s): load them once the
    # window is up, in the background
    QTimer.singleShot(1500, menu, lambda: run_task(_preload_analysis_modules, visible=False))
    return menu


#: what the dialogs import: the analyses, their report writers (pyproj, rasterio, openpyxl)
ANALYSIS_MODULES = ("ecomap.analysis.screening", "ecomap.analysis.overlay", "ecomap.analysis.proximity",
                    "ecomap.analysis.stats", "ecomap.analysis.zonal", "ecomap.services.screening_report",
                    "ecomap.services.analysis_reports")


def _preload_analysis_modules(feedback) -> None:
    import importlib

    for name in ANALYSIS_MODULES:
        feedback.check()
        importlib.import_module(name)
