"""`python -m services.prevention` runs the service; `... retention` runs the retention
job; `... rebuild` rewrites its lists."""

import asyncio
import sys

from services.prevention.entrypoints.app import SERVICE, PreventionSettings, build, rebuild
from shared.main import run_service

if sys.argv[1:2] == ["retention"]:
    from services.prevention.entrypoints.retention_cli import main

    main(sys.argv[2:])
elif sys.argv[1:] == ["rebuild"]:
    streams = asyncio.run(rebuild())
    print(f"prevention: lists rebuilt from {streams} streams of the event store")
else:
    run_service(SERVICE, PreventionSettings, build)
