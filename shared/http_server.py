"""Running an ASGI app under uvicorn, failing fast when its port is taken.

uvicorn binds its port only after the app's start-up hooks have run: a service whose
port was taken had already connected to NATS and started its consumers and relay, and
uvicorn's exit then raced their start, leaving a process that never ended (seen with
`python -m services.intake` on a taken port). Binding first means a taken port ends the
process with exit code 1 and one log line, before anything else starts.
"""

from __future__ import annotations

from typing import Any

import structlog
import uvicorn

from shared.logging import adopt_library_loggers


def run(app: Any, *, host: str, port: int, **options: Any) -> None:
    """Bind host:port (exit 1 if taken), then serve `app` there until SIGINT/SIGTERM."""
    config = uvicorn.Config(
        app, host=host, port=port, log_level="warning", access_log=False, **options
    )
    # Config installs uvicorn's log handlers: route them to ours before it can log.
    adopt_library_loggers()
    try:
        sock = config.bind_socket()
    except SystemExit:
        structlog.get_logger("http").error(
            "HTTP port taken: is another instance running?", host=host, port=port
        )
        raise
    uvicorn.Server(config).run(sockets=[sock])
