"""Frozen entry point of the desktop app (`ymdesk`, windowed)."""

import sys

from ymdesk.app import main

sys.exit(main())
