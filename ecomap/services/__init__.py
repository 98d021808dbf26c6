"""Operations that combine io, domain, analysis and rendering, without Qt widgets.

Views (gui, app) and the CLI call these, the GUI always through
:mod:`ecomap.core.tasks`; services import only analysis, domain, io and core.

Importing this package registers the domain catalogue as core's theme knowledge
(:mod:`ecomap.core.themes`); the packages above it import it in their ``__init__``.
"""

from ecomap.services import themes as _themes

_themes.install()
