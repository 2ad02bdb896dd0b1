import uvicorn

from services.gateway.app import create_app
from services.gateway.settings import GatewaySettings
from shared.logging import configure_logging

settings = GatewaySettings()
configure_logging("gateway", fmt=settings.platform.log_format, level=settings.platform.log_level)
print(f"Auszug gateway: http://{settings.http_host}:{settings.http_port}/docs", flush=True)
uvicorn.run(
    create_app(settings),
    host=settings.http_host,
    port=settings.http_port,
    log_level="warning",
    access_log=False,
)
