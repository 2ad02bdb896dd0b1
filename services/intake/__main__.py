"""`python -m services.intake` runs the service; `... retention` runs the retention job."""

import sys

from services.intake.entrypoints.app import SERVICE, IntakeSettings, build
from shared.main import run_service

if sys.argv[1:2] == ["retention"]:
    from services.intake.entrypoints.retention_cli import main

    main(sys.argv[2:])
else:
    run_service(SERVICE, IntakeSettings, build)
