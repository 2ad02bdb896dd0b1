"""The running system and the browser the end-to-end tests share (started once for the
whole package: each start of all services costs half a minute)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, sync_playwright

from support.browser import ACCOUNTS, ARGS, CHROMIUM, add_user
from support.nats_server import NatsServer
from support.system import System


@pytest.fixture(scope="package")
def staff_system(tmp_path_factory: pytest.TempPathFactory) -> Iterator[System]:
    if not shutil.which(CHROMIUM):
        pytest.skip("chromium is not installed (scripts/bootstrap installs it)")
    workdir = tmp_path_factory.mktemp("browser")
    with NatsServer(workdir / "nats") as nats:
        system = System(workdir, nats)
        try:
            system.start()
            runs = [add_user(system, *account) for account in ACCOUNTS]
            assert all(run.wait(timeout=60) == 0 for run in runs)
            yield system
        finally:
            system.stop()


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()
