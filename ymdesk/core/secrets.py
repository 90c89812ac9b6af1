"""The Market API key: kept in the OS keyring, never in settings, logs, journals or reports."""

from __future__ import annotations

import os
from typing import Protocol

from ymdesk.core.messages import QT_TRANSLATE_NOOP, Message, UserError

KEYRING_SERVICE = "ymdesk"
KEYRING_USER = "market-api-key"
TOKEN_ENV = "YM_API_KEY"


class TokenStore(Protocol):
    def get(self) -> str | None: ...
    def set(self, token: str) -> None: ...
    def delete(self) -> None: ...


class KeyringUnavailable(UserError):
    pass


class NoApiKey(UserError):
    """No key is saved (app) or given (CLI): connect first. A UserError, so it is shown, never swallowed."""

    def __init__(self) -> None:
        super().__init__(
            Message.translate(
                "Secrets", "No API key: connect to Market first (Market > Connect), or set YM_API_KEY for the CLI."
            )
        )


class KeyringTokenStore:
    """The OS keyring: Windows Credential Manager, Secret Service on Linux, Keychain on macOS."""

    def get(self) -> str | None:
        import keyring
        from keyring.errors import KeyringError

        try:
            return keyring.get_password(KEYRING_SERVICE, KEYRING_USER) or None
        except (KeyringError, RuntimeError):
            return None

    def set(self, token: str) -> None:
        import keyring
        from keyring.errors import KeyringError

        try:
            keyring.set_password(KEYRING_SERVICE, KEYRING_USER, token)
        except (KeyringError, RuntimeError) as exc:
            raise KeyringUnavailable(_no_keyring_message()) from exc

    def delete(self) -> None:
        import keyring
        from keyring.errors import KeyringError, PasswordDeleteError

        try:
            keyring.delete_password(KEYRING_SERVICE, KEYRING_USER)
        except PasswordDeleteError:
            pass
        except (KeyringError, RuntimeError) as exc:
            raise KeyringUnavailable(_no_keyring_message()) from exc


class MemoryTokenStore:
    """Keeps the key in memory only: for tests and for the demo session."""

    def __init__(self, token: str | None = None) -> None:
        self._token = token

    def get(self) -> str | None:
        return self._token

    def set(self, token: str) -> None:
        self._token = token

    def delete(self) -> None:
        self._token = None


def _no_keyring_message() -> Message:
    return Message(
        "Secrets",
        QT_TRANSLATE_NOOP(
            "Secrets",
            "The system keyring is not available, so the API key cannot be saved; "
            "set the YM_API_KEY environment variable instead, or install a keyring service.",
        ),
    )


def token_for_cli(store: TokenStore | None = None) -> str | None:
    """The CLI takes the key from YM_API_KEY first, then from the keyring entry the app saved."""
    token = os.environ.get(TOKEN_ENV, "").strip()
    if token:
        return token
    return (store or KeyringTokenStore()).get()
