"""The log file in the data dir: private (0600), rotated, and never holding the API key."""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

from ymdesk.core import paths

LOG_NAME = "ymdesk.log"
# "Api-Key: x", "Api-Key=x", "'Api-Key': 'x'" (a dict's repr), with an optional "Bearer"/"OAuth" scheme.
_HEADER = re.compile(r"""(?i)((?:Api-Key|Authorization)['"]?\s*[:=]\s*['"]?)(?:(?:Bearer|OAuth)\s+)?[^\s,'"}]+""")


class RedactingFilter(logging.Filter):
    """Masks Api-Key / Authorization header values, and any secret it was told about, in every record."""

    def __init__(self, secrets: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.secrets = tuple(s for s in secrets if s)

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        clean = _HEADER.sub(r"\1***", text)
        for secret in self.secrets:
            clean = clean.replace(secret, "***")
        if clean != text:
            record.msg, record.args = clean, None
        return True


def setup_logging(*, verbose: bool = False, secrets: tuple[str, ...] = ()) -> Path:
    """Log to <data dir>/logs/ymdesk.log (rotated); returns the file's path."""
    path = paths.touch_private(paths.logs_dir() / LOG_NAME)
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter(secrets))
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_ymdesk", False)]:
        root.removeHandler(old)
        old.close()
    handler._ymdesk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    logging.getLogger("urllib3").setLevel(logging.WARNING)  # it would log full URLs and headers at DEBUG
    return path
