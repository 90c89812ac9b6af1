"""`python -m ymdesk`: the desktop app (the CLI is `ymdesk-cli`)."""

import sys

from ymdesk.app import main

sys.exit(main())
