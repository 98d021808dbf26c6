"""Application start-up: Qt application, language, main window, files from the command line."""

from __future__ import annotations

import argparse
import os
import sys


def _install_translator(app, lang: str) -> None:
    from PySide6.QtCore import QLocale, QTranslator

    from ecomap.i18n import ts_path

    if lang == "en":
        return
    translator = QTranslator(app)
    if translator.load(str(ts_path(lang).with_suffix(".qm"))):
        app.installTranslator(translator)
    # Qt's own texts (OK/Cancel in dialogs, file dialogs, context menus of line edits)
    from PySide6.QtCore import QLibraryInfo

    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
    else:
        # PySide6-Essentials ships no qtbase catalogue: our own covers buttons, file and colour dialogs
        std = QTranslator(app)
        if std.load(str(ts_path(lang).with_name(f"qt_std_{lang}.qm"))):
            app.installTranslator(std)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from ecomap.io import gdal_config

    gdal_config.apply()  # before any window or loader imports a GDAL reader
    parser = argparse.ArgumentParser(prog="ecomap-gui")
    parser.add_argument("paths", nargs="*", help="项目文件或数据文件 / project file or data files")
    parser.add_argument("--lang", choices=["zh_CN", "en"])
    parser.add_argument("--screenshot", help="write a screenshot of the window to this PNG and quit")
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from ecomap import i18n

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("EcoMap")
    app.setOrganizationName("EcoMap")
    from ecomap.core.gui_gc import collect_garbage_on_this_thread

    collect_garbage_on_this_thread()  # never a Qt destructor on a worker thread
    # explicit choice first, then the one saved from Help → Language, then the environment
    from ecomap.app import app_settings

    saved = app_settings.settings().value("language")
    i18n.set_language(args.lang or os.environ.get("ECOMAP_LANG") or saved or i18n.default_language())
    _install_translator(app, i18n.language())

    from ecomap.app.data_loader import start_reading

    reading = start_reading(args.paths)
    from ecomap.app.main_window import MainWindow

    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    window.open_paths(args.paths, reading)
    if args.screenshot:
        window.schedule_screenshot(args.screenshot)
    return app.exec()
