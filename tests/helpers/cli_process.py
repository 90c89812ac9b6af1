"""ymdesk-cli as a real subprocess, the way scripts (and the app's users) start it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ymdesk.core.simulator import DEMO_API_KEY, DEMO_BUSINESS_ID, DEMO_FBS_CAMPAIGN_ID


def cli_environment(home: Path | None = None, token: str | None = DEMO_API_KEY, **extra: str) -> dict[str, str]:
    """This process's environment plus the API key (unless `token` is None), a data dir and `extra`."""
    env = {**os.environ, **extra}
    if token:
        env["YM_API_KEY"] = token
    if home is not None:
        env["YMDESK_HOME"] = str(home)
    return env


def run_cli(
    *args: str, env: dict[str, str] | None = None, timeout: float = 120, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Runs ymdesk-cli to its end (with the demo key unless `env` says otherwise); output captured as text."""
    return subprocess.run(
        [sys.executable, "-m", "ymdesk.cli", *args],
        capture_output=True,
        text=True,
        env=env or cli_environment(),
        timeout=timeout,
        input=stdin,
    )


def start_cli(*args: str, env: dict[str, str] | None = None, output: int = subprocess.PIPE) -> subprocess.Popen[str]:
    """Starts ymdesk-cli and returns at once, for tests that signal or kill it mid-run."""
    return subprocess.Popen(
        [sys.executable, "-m", "ymdesk.cli", *args],
        env=env or cli_environment(),
        stdout=output,
        stderr=output,
        text=True,
    )


def delete_offers_args(catalog: Path, *more: str, campaign_id: int = DEMO_FBS_CAMPAIGN_ID) -> list[str]:
    """`run delete-offers` with `catalog` on the demo FBS store (or `campaign_id`)."""
    return ["run", "delete-offers", "--campaign-id", str(campaign_id), "--file", str(catalog), *more]


def delete_from_catalog_args(catalog: Path, *more: str) -> list[str]:
    """`run delete-from-catalog` with `catalog` on the demo business."""
    return ["run", "delete-from-catalog", "--business-id", str(DEMO_BUSINESS_ID), "--file", str(catalog), *more]
