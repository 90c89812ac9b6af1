"""Contract test: the CLI against Stoplight Prism's validating mock of the vendored API spec.

The simulator shares the client's assumptions; Prism does not. It serves tests/data's spec on 127.0.0.1,
checks every request against it (`--errors`: a request that breaks it gets an error answer and a
"Violation: request…" line in Prism's log) and answers with the spec's examples, which include paging
that never ends (the same nextPageToken every time). Every CLI command here must send only requests
the spec allows, end on its own, and stay within a bounded number of requests.

Prism is installed by `npm ci --prefix tests/prism` (CI does it). Without node or Prism the test skips,
unless YMDESK_REQUIRE_PRISM=1 (set by .ci/run), which makes their absence a failure.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "tests" / "data" / "market-partner-api-subset.yaml"
PRISM = REPO / "tests" / "prism" / "node_modules" / ".bin" / "prism"
#: Ids and names as in the spec's examples (Prism's campaigns and promos answers list these).
CAMPAIGN_ID, BUSINESS_ID, PROMO_ID = "1", "1", "string"
#: Bounds for one CLI command: a runaway loop shows as one of them broken.
COMMAND_SECONDS = 45
COMMAND_REQUESTS = 25
STARTUP_SECONDS = 60

VIOLATION = re.compile(r"Violation: request|did not pass the validation rules")
RECEIVED = re.compile(r"\[HTTP SERVER\] (\w+) (\S+) .*Request received")


def _require_prism() -> None:
    missing = None
    if shutil.which("node") is None:
        missing = "node is not installed"
    elif not PRISM.exists():
        missing = "Prism is not installed: run `npm ci --prefix tests/prism`"
    if missing:
        if os.environ.get("YMDESK_REQUIRE_PRISM") == "1":
            pytest.fail(f"{missing}, and YMDESK_REQUIRE_PRISM=1 says the contract test must run")
        pytest.skip(missing)


@dataclass
class Prism:
    url: str
    log: Path
    markers: int = 0

    def mark(self) -> str:
        """Everything Prism logged up to now: ask for a path no one else asks for, wait until its line shows."""
        self.markers += 1
        path = f"/__ymdesk-contract-marker-{self.markers}"
        requests.get(self.url + path, timeout=10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            text = self.log.read_text(encoding="utf-8", errors="replace")
            if path in text:
                return text
            time.sleep(0.02)
        raise AssertionError(f"Prism never logged {path}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def prism(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Prism]:
    _require_prism()
    log = tmp_path_factory.mktemp("prism") / "prism.log"
    port = _free_port()
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(PRISM), "mock", "--host", "127.0.0.1", "--port", str(port), "--errors", str(SPEC)],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: stopped whole, by its id, at the end
            env={**os.environ, "SCARF_ANALYTICS": "false", "NO_COLOR": "1"},
        )
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while "Prism is listening" not in log.read_text(encoding="utf-8", errors="replace"):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"Prism did not start:\n{log.read_text(encoding='utf-8', errors='replace')[-3000:]}")
            time.sleep(0.05)
        yield Prism(f"http://127.0.0.1:{port}", log)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


@pytest.fixture(scope="module")
def skus_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("skus") / "skus.csv"
    path.write_text("Ваш SKU;Название\nA-0001;Товар\n00042;Нули впереди\nАртикул 7;Кириллица\n", encoding="utf-8")
    return path


@dataclass
class Outcome:
    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str
    requests: list[tuple[str, str]]
    violations: list[str]


def run_cli(prism: Prism, home: Path, *args: str) -> Outcome:
    """Run one CLI command against Prism; stop it at once if it runs away (too many requests or too long)."""
    before = len(prism.mark())
    env = {**os.environ, "YM_API_KEY": "contract-test-key", "YM_API_URL": prism.url, "YMDESK_HOME": str(home)}
    process = subprocess.Popen(
        [sys.executable, "-m", "ymdesk.cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=REPO,
    )
    runaway = None
    deadline = time.monotonic() + COMMAND_SECONDS
    try:
        while True:
            try:
                stdout, stderr = process.communicate(timeout=0.2)
                break
            except subprocess.TimeoutExpired:
                sent = len(RECEIVED.findall(prism.log.read_text(encoding="utf-8", errors="replace")[before:]))
                if sent > COMMAND_REQUESTS or time.monotonic() > deadline:
                    runaway = f"{sent} requests in {COMMAND_SECONDS - (deadline - time.monotonic()):.1f} s"
                    process.kill()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    command = "ymdesk-cli " + " ".join(args)
    assert runaway is None, f"`{command}` ran away ({runaway}): a listing or retry loop?"
    lines = prism.mark()[before:].splitlines()
    received = [(m.group(1), m.group(2)) for line in lines if (m := RECEIVED.search(line))]
    requests_sent = [(method, path) for method, path in received if "__ymdesk-contract-marker" not in path]
    violations = [line for line in lines if VIOLATION.search(line)]
    return Outcome(args, process.returncode, stdout, stderr, requests_sent, violations)


def check(outcome: Outcome, *, paths: tuple[str, ...], exits: tuple[int, ...] = (0, 1)) -> None:
    command = "ymdesk-cli " + " ".join(outcome.args)
    assert not outcome.violations, f"{command} sent requests the spec does not allow:\n" + "\n".join(outcome.violations)
    assert "Traceback" not in outcome.stderr, f"{command}:\n{outcome.stderr}"
    assert "unexpected error" not in outcome.stderr, f"{command}:\n{outcome.stderr}"
    assert outcome.returncode in exits, f"{command} exited {outcome.returncode}:\n{outcome.stderr}"
    assert 0 < len(outcome.requests) <= COMMAND_REQUESTS, f"{command}: {len(outcome.requests)} requests"
    for path in paths:
        assert any(sent.startswith(path) for _, sent in outcome.requests), f"{command} never called {path}"


def cli_help(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "ymdesk.cli", *args, "--help"], capture_output=True, text=True, cwd=REPO, timeout=60
    )
    return done.stdout + done.stderr


@pytest.mark.parametrize(
    ("args", "paths"),
    [
        (("campaigns",), ("/v2/campaigns",)),
        (("campaigns", "--json"), ("/v2/campaigns",)),
        (("promos", "--business-id", BUSINESS_ID), (f"/v2/businesses/{BUSINESS_ID}/promos",)),
        (("promos", "--business-id", BUSINESS_ID, "--json"), (f"/v2/businesses/{BUSINESS_ID}/promos",)),
    ],
    ids=["campaigns", "campaigns-json", "promos", "promos-json"],
)
def test_listings_against_the_validating_mock(prism, isolated_home, args, paths):
    outcome = run_cli(prism, isolated_home, *args)
    check(outcome, paths=paths)
    assert outcome.returncode == 0
    if "--json" in args:
        json.loads(outcome.stdout)


#: Each `run` operation: its target arguments and the method it must call.
OPERATIONS = {
    "delete-offers": (("--campaign-id", CAMPAIGN_ID, "--file", "{file}"), f"/v2/campaigns/{CAMPAIGN_ID}/offers/delete"),
    "delete-from-catalog": (
        ("--business-id", BUSINESS_ID, "--file", "{file}"),
        f"/v2/businesses/{BUSINESS_ID}/offer-mappings/delete",
    ),
    "delete-promo-offers": (
        ("--business-id", BUSINESS_ID, "--promo-id", PROMO_ID, "--file", "{file}"),
        f"/v2/businesses/{BUSINESS_ID}/promos/offers/delete",
    ),
    "leave-promo": (
        ("--business-id", BUSINESS_ID, "--promo-id", PROMO_ID, "--all-offers"),
        f"/v2/businesses/{BUSINESS_ID}/promos/offers/delete",
    ),
    "remove-prices": (("--campaign-id", CAMPAIGN_ID), f"/v2/campaigns/{CAMPAIGN_ID}/offer-prices/removals"),
    "archive": (
        ("--business-id", BUSINESS_ID, "--file", "{file}"),
        f"/v2/businesses/{BUSINESS_ID}/offer-mappings/archive",
    ),
    "unarchive": (
        ("--business-id", BUSINESS_ID, "--file", "{file}"),
        f"/v2/businesses/{BUSINESS_ID}/offer-mappings/unarchive",
    ),
}
#: The method a --check reads with, per operation (issue 12).
CHECK_READS = {
    "delete-offers": f"/v2/campaigns/{CAMPAIGN_ID}/offers",
    "delete-from-catalog": f"/v2/businesses/{BUSINESS_ID}/offer-mappings",
    "delete-promo-offers": f"/v2/businesses/{BUSINESS_ID}/promos/offers",
    "archive": f"/v2/businesses/{BUSINESS_ID}/offer-mappings",
    "unarchive": f"/v2/businesses/{BUSINESS_ID}/offer-mappings",
}


def _run_args(name: str, skus_file: Path) -> list[str]:
    operation = "delete-promo-offers" if name == "leave-promo" else name
    target, _ = OPERATIONS[name]
    return ["run", operation, *(arg.format(file=skus_file) for arg in target)]


def _offered(operation: str) -> bool:
    """The CLI offers `run OPERATION` and the engine is wired for it (archive and unarchive come with
    issue 12's part B: the CLI lists every Operation before the engine has limits for them)."""
    from ymdesk.core.market import ratelimit

    limits = getattr(ratelimit, "DEFAULT_LIMITS", None)
    if limits is not None and operation not in {known.value for known in limits}:
        return False
    return "invalid choice" not in cli_help("run", operation)


@pytest.mark.parametrize("name", list(OPERATIONS))
def test_every_operation_against_the_validating_mock(prism, isolated_home, skus_file, name):
    operation = "delete-promo-offers" if name == "leave-promo" else name
    if not _offered(operation):
        pytest.skip(f"`run {operation}` is not wired in the engine yet (issue 12, part B)")
    outcome = run_cli(prism, isolated_home, *_run_args(name, skus_file), "--yes", "--json")
    check(outcome, paths=(OPERATIONS[name][1],))
    summary = json.loads(outcome.stdout)
    assert summary["status"] == "done" and summary["operation"] == operation
    assert summary["requested"] == (3 if "{file}" in OPERATIONS[name][0] else 0)


@pytest.mark.parametrize("name", list(CHECK_READS))
def test_every_check_against_the_validating_mock(prism, isolated_home, skus_file, name):
    if "--check" not in cli_help("run", name):
        pytest.skip(f"the CLI has no `run {name} --check` yet")
    outcome = run_cli(prism, isolated_home, *_run_args(name, skus_file), "--check", "--dry-run", "--yes")
    # Prism's examples are no real store: a check may end saying it could not finish (exit 2 or 3 with
    # one clear line), but never with an unexpected error, a request the spec refuses, or a loop.
    check(outcome, paths=(CHECK_READS[name],), exits=(0, 1, 2, 3))
    assert outcome.stderr.strip() or outcome.returncode == 0
    assert not any(path.endswith(("/delete", "/archive", "/unarchive")) for _, path in outcome.requests)


def test_verify_against_the_validating_mock(prism, isolated_home, skus_file):
    if "invalid choice" in cli_help("verify"):
        pytest.skip("the CLI has no `verify` yet")
    ran = run_cli(prism, isolated_home, *_run_args("delete-offers", skus_file), "--yes", "--json")
    check(ran, paths=(OPERATIONS["delete-offers"][1],))
    outcome = run_cli(prism, isolated_home, "verify", str(json.loads(ran.stdout)["job_id"]))
    check(outcome, paths=(CHECK_READS["delete-offers"],))
