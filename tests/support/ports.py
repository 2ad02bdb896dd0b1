"""Ephemeral TCP ports for test servers."""

from __future__ import annotations

import socket

# Ports handed out in this test process: the kernel may offer a port again as soon as
# the probing socket is closed, and two services given one port would answer for each
# other (the second exits, but its readiness probe is answered by the first).
_handed_out: set[int] = set()


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that was free a moment ago.

    The kernel picks the port, so parallel test runs don't collide on a fixed range.
    The socket is closed before returning, so there is a small race until the caller
    binds it; the servers here bind within milliseconds, which is good enough for tests.
    """
    while True:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.bind(("127.0.0.1", 0))
            port: int = sock.getsockname()[1]
        if port not in _handed_out:
            _handed_out.add(port)
            return port
