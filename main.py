"""Start the EcoMap desktop application: ``python main.py [PROJECT.ecomap | DATA FILES...]``."""

import sys

from ecomap.app.main import main

if __name__ == "__main__":
    sys.exit(main())
