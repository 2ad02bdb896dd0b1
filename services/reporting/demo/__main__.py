"""`python -m services.reporting.demo`: generate a year of demo data through the API.

With `--check`, wait until reporting has counted it and compare every figure with what
the plan says it must be (exit code 1 on any difference).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time

from services.reporting.demo import check, drive, plan
from shared.clock import today


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m services.reporting.demo", description=__doc__)
    parser.add_argument("--gateway", default="http://127.0.0.1:8000", help="URL of the gateway")
    parser.add_argument("--year", type=int, default=today().year - 1, help="the year to fill")
    parser.add_argument("--households", type=int, default=400, help="households registered")
    parser.add_argument("--seed", type=int, default=7, help="same seed, same year")
    parser.add_argument("--municipality", default="koeln")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--check", action="store_true", help="compare every figure afterwards")
    args = parser.parse_args()
    year = plan.generate(args.year, args.households, args.seed, args.municipality)
    started = time.monotonic()
    requests = asyncio.run(drive.run(year, args.gateway, args.concurrency))
    print(f"{requests} requests in {time.monotonic() - started:.1f} s for {args.year}")
    if args.check:
        differences = check.differences(year, args.gateway)
        for line in differences:
            print(line)
        print("all figures as expected" if not differences else f"{len(differences)} differ")
        return 1 if differences else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
