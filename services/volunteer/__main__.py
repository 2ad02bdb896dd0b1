"""`python -m services.volunteer` runs the service; `... retention` runs the retention
job; `... rebuild` drops its read model."""

import asyncio
import sys

from services.volunteer.entrypoints.app import SERVICE, VolunteerSettings, build, rebuild
from shared.main import run_service

if sys.argv[1:2] == ["retention"]:
    from services.volunteer.entrypoints.retention_cli import main

    main(sys.argv[2:])
elif sys.argv[1:] == ["rebuild"]:
    asyncio.run(rebuild())
    print("volunteer: read model dropped; it is rebuilt from the stream on the next start")
else:
    run_service(SERVICE, VolunteerSettings, build)
