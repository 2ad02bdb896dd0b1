"""Child processes: the reporting worker and the three services, always stopped again."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import sys
from pathlib import Path
from typing import Any

from bench.common import ROOT


class Worker:
    """`python -m bench.worker ...` with the BENCH line protocol (see bench/worker.py)."""

    def __init__(self, args: list[str], log: Path) -> None:
        self.args = args
        self.log = log
        self.proc: asyncio.subprocess.Process | None = None
        self._stderr: Any = None

    async def start(self) -> None:
        self._stderr = self.log.open("ab")
        self.proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bench.worker",
            *self.args,
            cwd=ROOT,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=self._stderr,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        await self._line(expect="ready", within=60)

    async def go(self) -> None:
        assert self.proc is not None and self.proc.stdin is not None
        self.proc.stdin.write(b"go\n")
        await self.proc.stdin.drain()

    async def result(self, within: float = 240) -> dict[str, Any]:
        line = await self._line(expect=None, within=within)
        result: dict[str, Any] = json.loads(line)
        assert self.proc is not None
        await asyncio.wait_for(self.proc.wait(), timeout=30)
        return result

    async def _line(self, *, expect: str | None, within: float) -> str:
        assert self.proc is not None and self.proc.stdout is not None
        async with asyncio.timeout(within):
            while True:
                raw = await self.proc.stdout.readline()
                if not raw:
                    raise RuntimeError(f"worker exited early; see {self.log}")
                text = raw.decode().strip()
                if not text.startswith("BENCH "):
                    continue
                text = text[len("BENCH ") :]
                if expect is None or text == expect:
                    return text

    async def stop(self) -> None:
        if self.proc is not None and self.proc.returncode is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.proc.wait(), timeout=10)
            except TimeoutError:
                self.proc.kill()
                await self.proc.wait()
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None

    async def __aenter__(self) -> Worker:
        try:
            await self.start()
        except BaseException:
            await self.stop()
            raise
        return self

    async def __aexit__(self, *exc: object) -> None:
        with contextlib.suppress(ProcessLookupError):
            await self.stop()
