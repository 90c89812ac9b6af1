"""Smoke-test probe of the frozen bundle's keyring (frozen by `ymdesk.spec -- --keyring-check`, never shipped).

It is built from the same analysis as ymdesk and ymdesk-cli, so it imports exactly the keyring, backends,
entry-point metadata and ymdesk.core.secrets they carry. It checks that keyring's backends are discoverable
frozen, then either round-trips a throw-away entry through ymdesk's KeyringTokenStore or, where the machine
has no keyring service (a headless Linux box), that the store refuses with ymdesk's clear message.

Prints one JSON line: {"backends": [...], "keyring": "<class>", "result": "round-trip" | "unavailable",
"message": "..."}; exit 0 when the behaviour is one of those two, 1 otherwise.
"""

import json
import sys
import uuid
from importlib.metadata import entry_points

EXPECTED_BACKEND = {"linux": "SecretService", "win32": "Windows", "darwin": "macOS"}
UNAVAILABLE_TEXT = "The system keyring is not available"


def main() -> int:
    import keyring
    from keyring.backends import fail

    from ymdesk.core import secrets

    found = sorted(ep.name for ep in entry_points(group="keyring.backends"))
    expected = EXPECTED_BACKEND.get(sys.platform)
    report: dict[str, object] = {"backends": found, "keyring": None, "result": None, "message": ""}
    if expected and expected not in found:
        report["message"] = f"keyring backend {expected} is not discoverable (metadata lost when freezing?)"
        print(json.dumps(report))
        return 1
    for ep in entry_points(group="keyring.backends"):
        if ep.name == expected:
            ep.load()  # the backend module itself must be in the bundle

    backend = keyring.get_keyring()
    report["keyring"] = f"{type(backend).__module__}.{type(backend).__name__}"
    # A throw-away entry: never touch the user's real key (service "ymdesk").
    secrets.KEYRING_SERVICE = f"ymdesk-smoke-test-{uuid.uuid4().hex[:8]}"
    store = secrets.KeyringTokenStore()
    token = f"smoke-{uuid.uuid4().hex}"
    try:
        store.set(token)
    except secrets.KeyringUnavailable as error:
        report["result"] = "unavailable"
        report["message"] = error.message.english()
        ok = isinstance(backend, fail.Keyring) and report["message"].startswith(UNAVAILABLE_TEXT)
        print(json.dumps(report))
        return 0 if ok else 1
    try:
        got = store.get()
    finally:
        store.delete()
    left = store.get()
    report["result"] = "round-trip"
    report["message"] = f"stored and read back ({'same' if got == token else 'DIFFERENT'}), deleted ({left is None})"
    print(json.dumps(report))
    return 0 if got == token and left is None else 1


if __name__ == "__main__":
    sys.exit(main())
