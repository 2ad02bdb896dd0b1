"""Dependencies every route takes: the caller (see identity.py) and the RPC client."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from services.gateway.identity import CurrentCaller
from shared.rpc import RpcClient


def rpc_client(request: Request) -> RpcClient:
    client: RpcClient = request.app.state.rpc
    return client


Rpc = Annotated[RpcClient, Depends(rpc_client)]

__all__ = ["CurrentCaller", "Rpc"]
