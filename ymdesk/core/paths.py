"""Where ymdesk keeps its files: the data dir (journal, logs, reports) and private file creation."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "ymdesk"


def data_dir() -> Path:
    """The data dir: ``$YMDESK_HOME`` if set, else the platform's per-user data folder."""
    override = os.environ.get("YMDESK_HOME")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def logs_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def reports_dir() -> Path:
    path = data_dir() / "reports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def journal_path() -> Path:
    return data_dir() / "journal.sqlite3"


def touch_private(path: Path) -> Path:
    """Create `path` if missing, readable by its owner only (0600 on POSIX)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600)
    os.close(fd)
    if os.name == "posix":
        os.chmod(path, 0o600)
    return path
