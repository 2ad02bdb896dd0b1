"""`python -m services.reporting` runs the service; `... rebuild` drops its read model."""

import asyncio
import sys

from services.reporting.entrypoints.app import SERVICE, ReportingSettings, build, rebuild
from shared.main import run_service

if sys.argv[1:] == ["rebuild"]:
    asyncio.run(rebuild())
    print("reporting: read model dropped; it is rebuilt from the stream on the next start")
else:
    run_service(SERVICE, ReportingSettings, build)
