"""Typed access to the app's QSettings, with declared defaults. The API key never goes here."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from ymdesk.core.market.client import DEFAULT_API_URL
from ymdesk.core.model import MAX_BATCH

MAX_RECENT_FILES = 8


class AppSettings:
    """One property per setting. Tests pass a QSettings pointing at a file under tmp_path."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else QSettings()

    @classmethod
    def at_path(cls, path: str) -> AppSettings:
        return cls(QSettings(path, QSettings.Format.IniFormat))

    def sync(self) -> None:
        self._store.sync()

    def _text(self, key: str, default: str) -> str:
        value = self._store.value(key, default)
        return str(value) if value is not None else default

    # language: "" means "follow the system"
    @property
    def language(self) -> str:
        return self._text("ui/language", "")

    @language.setter
    def language(self, value: str) -> None:
        self._store.setValue("ui/language", value)

    @property
    def last_folder(self) -> str:
        return self._text("files/last_folder", "")

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self._store.setValue("files/last_folder", value)

    @property
    def recent_files(self) -> list[str]:
        value = self._store.value("files/recent", [])
        if isinstance(value, str):  # QSettings returns a one-item list as a plain string
            value = [value]
        return [str(item) for item in (value or []) if item]

    def add_recent_file(self, path: str) -> None:
        files = [path, *(item for item in self.recent_files if item != path)]
        self._store.setValue("files/recent", files[:MAX_RECENT_FILES])

    def clear_recent_files(self) -> None:
        self._store.setValue("files/recent", [])

    @property
    def window_geometry(self) -> QByteArray:
        value = self._store.value("window/geometry", QByteArray())
        return value if isinstance(value, QByteArray) else QByteArray()

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._store.setValue("window/geometry", value)

    @property
    def batch_size(self) -> int:
        try:
            value = int(self._store.value("api/batch_size", MAX_BATCH))
        except (TypeError, ValueError):
            value = MAX_BATCH
        return max(1, min(MAX_BATCH, value))

    @batch_size.setter
    def batch_size(self, value: int) -> None:
        self._store.setValue("api/batch_size", max(1, min(MAX_BATCH, int(value))))

    @property
    def api_url(self) -> str:
        return self._text("api/base_url", DEFAULT_API_URL).strip() or DEFAULT_API_URL

    @api_url.setter
    def api_url(self, value: str) -> None:
        self._store.setValue("api/base_url", value.strip() or DEFAULT_API_URL)

    @property
    def campaign_id(self) -> int | None:
        """The store picked last time, so the run dialog starts there."""
        try:
            return int(self._store.value("api/campaign_id", 0)) or None
        except (TypeError, ValueError):
            return None

    @campaign_id.setter
    def campaign_id(self, value: int | None) -> None:
        self._store.setValue("api/campaign_id", value or 0)
