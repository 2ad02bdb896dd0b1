"""What the browser carries between leaving for the OpenID provider and coming back.

state, nonce and the PKCE verifier travel in a short-lived cookie, HMAC-signed with the
gateway's secret so it cannot be made up, HttpOnly so no script reads the verifier, and
SameSite=Lax so the provider's top-level redirect back brings it along. Nothing is kept
server-side for a sign-in that is never finished.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass

from authlib.common.security import generate_token

FLOW_COOKIE = "auszug_oidc"
FLOW_PATH = "/ui/anmelden/oidc"
FLOW_SECONDS = 600


@dataclass(frozen=True)
class Flow:
    """One sign-in under way: `state` against forged returns, `nonce` against replayed ID
    tokens, `verifier` (PKCE) against stolen codes."""

    state: str
    nonce: str
    verifier: str
    started_at: float

    @classmethod
    def new(cls, now: Callable[[], float] = time.time) -> Flow:
        # 48 characters of [A-Za-z0-9]: a valid PKCE verifier (43–128), ~285 bits.
        return cls(generate_token(32), generate_token(32), generate_token(48), now())


class FlowCookie:
    """Signs a Flow into a cookie value and reads it back, at most FLOW_SECONDS old."""

    def __init__(self, secret: str, now: Callable[[], float] = time.time) -> None:
        self._key = hashlib.sha256(b"oidc-flow:" + secret.encode()).digest()
        self.now = now

    def dump(self, flow: Flow) -> str:
        payload = base64.urlsafe_b64encode(json.dumps(asdict(flow)).encode()).decode()
        return f"{payload}.{self._sign(payload)}"

    def load(self, value: str | None) -> Flow | None:
        """The flow in a genuine, fresh cookie; None for anything else."""
        payload, _, signature = (value or "").partition(".")
        if not payload or not hmac.compare_digest(signature, self._sign(payload)):
            return None
        try:
            flow = Flow(**json.loads(base64.urlsafe_b64decode(payload)))
        except (ValueError, TypeError):
            return None
        if not 0 <= self.now() - flow.started_at <= FLOW_SECONDS:
            return None
        return flow

    def _sign(self, payload: str) -> str:
        return hmac.new(self._key, payload.encode(), hashlib.sha256).hexdigest()
