"""Application start-up: Qt application, language, main window, files from the command line."""

from __future__ import annotations

import argparse
import sys


def _install_translator(app, lang: str) -> None:
    from PySide6.QtCore import QLocale, QTranslator

    from ecomap.i18n import ts_path

    if lang == "en":
        return
    translator = QTranslator(app)
    if translator.load(str(ts_path(lang).with_suffix(".qm"))):
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Territory.China))


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(prog="ecomap-gui")
    parser.add_argument("paths", nargs="*", help="项目文件或数据文件 / project file or data files")
    parser.add_argument("--lang", choices=["zh_CN", "en"])
    parser.add_argument("--screenshot", help="write a screenshot of the window to this PNG and quit")
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from ecomap import i18n

    i18n.set_language(args.lang or i18n.default_language())
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("EcoMap")
    app.setOrganizationName("EcoMap")
    _install_translator(app, i18n.language())

    from ecomap.app.main_window import MainWindow

    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    for path in args.paths:
        window.open_path(path)
    if args.screenshot:
        window.schedule_screenshot(args.screenshot)
    return app.exec()
