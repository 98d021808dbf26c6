import sys

from ecomap.cli.main import main

sys.exit(main())
