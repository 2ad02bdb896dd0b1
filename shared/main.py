"""`python -m services.<name>`: the same start-up for every service."""

from __future__ import annotations

from collections.abc import Callable

from faststream.asgi import AsgiFastStream

from shared.logging import configure_logging
from shared.service import serve
from shared.settings import ServiceSettings


def run_service(
    name: str,
    settings_type: type[ServiceSettings],
    build: Callable[[ServiceSettings], AsgiFastStream],
) -> None:
    settings = settings_type()
    configure_logging(name, fmt=settings.platform.log_format, level=settings.platform.log_level)
    serve(build(settings), settings)
