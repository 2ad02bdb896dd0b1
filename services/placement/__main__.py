"""`python -m services.placement` runs the service; `... rebuild` drops its read models."""

import asyncio
import sys

from services.placement.entrypoints.app import SERVICE, PlacementSettings, build, rebuild
from shared.main import run_service

if sys.argv[1:] == ["rebuild"]:
    asyncio.run(rebuild())
    print("placement: read models dropped; they are rebuilt from the stream on the next start")
else:
    run_service(SERVICE, PlacementSettings, build)
