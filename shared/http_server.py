"""Running an ASGI app under uvicorn, failing fast when its port is taken, and ending at
once on SIGTERM/SIGINT while the app is still starting.

uvicorn binds its port only after the app's start-up hooks have run: a service whose
port was taken had already connected to NATS and started its consumers and relay, and
uvicorn's exit then raced their start, leaving a process that never ended (seen with
`python -m services.intake` on a taken port). Binding first means a taken port ends the
process with exit code 1 and one log line, before anything else starts.

uvicorn only notes a signal and acts on it once start-up is over; a start-up waiting for
an unreachable NATS (reconnects without limit) never ends, so SIGTERM and SIGINT were
ignored and only SIGKILL stopped the process. A signal during start-up now cancels it:
exit code 1 and one log line.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import socket
from types import FrameType
from typing import Any

import structlog
import uvicorn

from shared.logging import adopt_library_loggers

STARTUP_INTERRUPTED = 1


class _Server(uvicorn.Server):
    """uvicorn's server, whose start-up a signal cancels instead of waiting for it."""

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self._starting: asyncio.Task[None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self.interrupted: int | None = None

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        if self.interrupted is not None:
            return  # the signal came before start-up began: do not begin it
        self._loop = asyncio.get_running_loop()
        # A task of its own, so that cancelling it leaves the serving task intact.
        self._starting = asyncio.create_task(super().startup(sockets=sockets))
        try:
            await self._starting
        except asyncio.CancelledError:
            if self.interrupted is None:
                raise
            # The app's start-up is cancelled on the way out and reports that with a
            # traceback (uvicorn's error logger): one line of our own says it instead.
            logging.getLogger("uvicorn.error").disabled = True
        finally:
            self._starting = None

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        if self.started:
            super().handle_exit(sig, frame)
            return
        self.interrupted = sig
        self.should_exit = True
        starting = self._starting
        if starting is not None and self._loop is not None:
            # Called by Python's signal handler between two bytecodes of the loop's thread:
            # thread-safe scheduling also wakes the loop from its wait.
            self._loop.call_soon_threadsafe(starting.cancel)


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
    server = _Server(config)
    server.run(sockets=[sock])
    if server.interrupted is not None:
        structlog.get_logger("http").error(
            "stopped during start-up", signal=signal.Signals(server.interrupted).name
        )
        raise SystemExit(STARTUP_INTERRUPTED)
