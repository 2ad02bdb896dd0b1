from services.intake.entrypoints.app import SERVICE, IntakeSettings, build
from shared.main import run_service

run_service(SERVICE, IntakeSettings, build)
