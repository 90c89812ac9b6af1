"""The Market simulator in a process of its own, so its handling does not share the client's interpreter (GIL).

`python -m benchmarks.sim_server SEED LIMITS` seeds the demo Market with SEED generated SKUs (or the
valid SKUs of a catalog file, "catalog:PATH"), prints
its URL, then answers commands on stdin: "stats" prints a JSON summary of the request log ("stats reads":
of the store reads), "quit"
stops. LIMITS is "unlimited" or "fast:SKUS_PER_WINDOW:PERIOD_SECONDS".
"""

from __future__ import annotations

import json
import sys

from ymdesk.core.simulator import MarketSimulator, build_demo_state
from ymdesk.core.simulator.limits import Limits


def bench_skus(count: int) -> list[str]:
    """Valid, distinct SKUs with leading zeros; the same list the client sends."""
    return [f"{i:08d}" for i in range(count)]


def parse_limits(text: str) -> Limits:
    if text == "unlimited":
        return Limits.unlimited()
    _, skus, period = text.split(":")
    return Limits.fast(skus=int(skus), period=float(period))


def stats(simulator: MarketSimulator, reads: bool = False) -> dict[str, object]:
    """The deletions (the SKU-carrying requests but the reads); with `reads`, the store reads (getCampaignOffers)."""
    if reads:
        records = [r for r in simulator.records() if r.method == "POST" and r.path.endswith("/offers")]
    else:
        records = [r for r in simulator.records() if r.offer_count and not r.path.endswith("/offers")]
    statuses: dict[str, int] = {}
    for record in records:
        statuses[str(record.status)] = statuses.get(str(record.status), 0) + 1
    accepted = [r for r in records if r.status == 200]
    return {
        "requests": len(records),
        "statuses": statuses,
        "handling_seconds": sum(r.handling_seconds for r in records),
        "accepted_skus": sum(r.offer_count for r in accepted),
        "accepted_times": [r.time for r in accepted],
        "accepted_counts": [r.offer_count for r in accepted],
    }


def main() -> None:
    seed, limits = sys.argv[1], parse_limits(sys.argv[2])
    if seed.startswith("catalog:"):
        from ymdesk.core.sheets.catalog import read_catalog

        skus = read_catalog(seed.removeprefix("catalog:")).valid_skus()
    else:
        skus = bench_skus(int(seed))
    state = build_demo_state(skus)
    with MarketSimulator(state, limits=limits) as simulator:
        print(simulator.url, flush=True)
        for line in sys.stdin:
            command = line.strip()
            if command in ("stats", "stats reads"):
                print(json.dumps(stats(simulator, reads=command == "stats reads")), flush=True)
            elif command == "reset":
                simulator.reset_observations()
                simulator.limits = limits
                print("{}", flush=True)
            elif command == "quit":
                break


if __name__ == "__main__":
    main()
