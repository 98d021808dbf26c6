"""The ``ecomap`` command: the same core as the GUI, headless.

Sub-commands live in ``ecomap/cli/cmd_<name>.py`` (``NAME``, ``add_arguments(parser)``,
``run(args) -> int``) and are found automatically. Bad input ends with exit status 2
and one ``error:`` line naming the file and the problem — never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys

from ecomap import __version__
from ecomap.errors import DataError
from ecomap.i18n import language, set_language, tr

EXIT_DATA_ERROR = 2


def _commands():
    import ecomap.cli as package

    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name.startswith("cmd_"):
            yield importlib.import_module(f"ecomap.cli.{info.name}")


# argparse's own words (it looks them up through gettext's ``_``)
_ARGPARSE_ZH = {
    "usage: ": "用法：", "positional arguments": "位置参数", "options": "选项",
    "show this help message and exit": "显示帮助并退出 / show this help message and exit",
    "show program's version number and exit": "显示版本并退出 / show the version and exit",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: 错误：%(message)s\n",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项：%(value)r（可选：%(choices)s）",
    "expected one argument": "需要一个参数",
}


_ARGPARSE_GETTEXT = argparse._


def _localise_argparse() -> None:
    if language() == "en":
        argparse._ = _ARGPARSE_GETTEXT
    else:
        argparse._ = lambda text: _ARGPARSE_ZH.get(text, _ARGPARSE_GETTEXT(text))


def _pre_language(argv: list[str]) -> None:
    """Set the language before building help texts."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            set_language(argv[i + 1])
        elif arg.startswith("--lang="):
            set_language(arg.split("=", 1)[1])


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ecomap",
        description=tr("EcoMap: desktop GIS for ecological protection and mine restoration "
                       "(headless commands)"),
    )
    parser.add_argument("--version", action="version", version=f"EcoMap {__version__}")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="界面语言 / language (zh_CN, en)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _commands():
        doc = (module.__doc__ or "").strip().splitlines()[0] if module.__doc__ else ""
        cmd = sub.add_parser(module.NAME, help=doc, description=doc,
                             formatter_class=argparse.RawDescriptionHelpFormatter)
        module.add_arguments(cmd)
        cmd.set_defaults(_run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from ecomap.io import gdal_config

    gdal_config.apply()  # before any command imports a GDAL reader
    _pre_language(argv)
    _localise_argparse()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 1
    try:
        return int(args._run(args) or 0)
    except DataError as exc:
        print(f"error: {exc.user_message()}", file=sys.stderr)
        return EXIT_DATA_ERROR
    except BrokenPipeError:  # output piped into `head`: not an error worth a message
        sys.stderr.close()
        return 141
    except KeyboardInterrupt:
        print("error: " + tr("cancelled"), file=sys.stderr)
        return 130
    except Exception as exc:  # a bug, not bad input: still one line unless debugging
        if os.environ.get("ECOMAP_DEBUG"):
            raise
        print("error: " + tr("unexpected problem ({detail}); set ECOMAP_DEBUG=1 for details")
              .format(detail=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
