"""The bundle's entry point: the same ``main`` as the ``mentordesk`` launcher of a wheel."""

import sys

from mentordesk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
