"""Ephemeral TCP ports for test servers."""

from __future__ import annotations

import socket


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that was free a moment ago.

    The kernel picks the port, so parallel test runs don't collide on a fixed range.
    The socket is closed before returning, so there is a small race until the caller
    binds it; the servers here bind within milliseconds, which is good enough for tests.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port
