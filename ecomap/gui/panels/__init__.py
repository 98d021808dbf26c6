"""Thematic side panels: restoration projects, rectification ledger, water quality, ban zones.

``install_panels(main_window)`` creates the shared :class:`~ecomap.gui.panels.hub.PanelHub`
and adds each panel as a tab of the main window's thematic-panel dock (through
``main_window.add_panel``; a plain QMainWindow gets one dock per panel instead).
"""

from __future__ import annotations

from ecomap.i18n import tr


def create_panels(hub) -> list[tuple[object, str]]:
    """The panels over ``hub``, with their tab titles."""
    from ecomap.gui.panels.ban_zone_panel import BanZonePanel
    from ecomap.gui.panels.rectification_panel import RectificationPanel
    from ecomap.gui.panels.restoration_panel import RestorationPanel
    from ecomap.gui.panels.water_panel import WaterPanel

    return [
        (RestorationPanel(hub), tr("Restoration")),
        (RectificationPanel(hub), tr("Rectification")),
        (WaterPanel(hub), tr("Water quality")),
        (BanZonePanel(hub), tr("Ban zones")),
    ]


def install_panels(main_window):
    """Add the thematic panels to ``main_window``; returns the hub (panels in ``hub.panels``)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDockWidget, QMessageBox

    from ecomap.gui.panels.hub import PanelHub

    hub = PanelHub.for_window(main_window)
    hub.error_handler = lambda exc: QMessageBox.warning(main_window, tr("Edit not carried out"), str(exc))
    hub.panels = create_panels(hub)
    for widget, title in hub.panels:
        if hasattr(main_window, "add_panel"):
            main_window.add_panel(widget, title)
        else:
            dock = QDockWidget(title, main_window)
            dock.setObjectName("panel-" + widget.objectName())
            dock.setWidget(widget)
            main_window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    main_window.panel_hub = hub
    return hub
