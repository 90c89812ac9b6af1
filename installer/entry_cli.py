"""Frozen entry point of the command line (`ymdesk-cli`, console)."""

import sys

from ymdesk.cli import main

sys.exit(main())
