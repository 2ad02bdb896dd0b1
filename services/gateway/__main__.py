import structlog

from services.gateway.app import create_app
from services.gateway.settings import GatewaySettings
from shared import http_server
from shared.logging import configure_logging

settings = GatewaySettings()
configure_logging("gateway", fmt=settings.platform.log_format, level=settings.platform.log_level)
structlog.get_logger("gateway").info(
    "gateway listening", url=f"http://{settings.http_host}:{settings.http_port}/docs"
)
http_server.run(
    create_app(settings),
    host=settings.http_host,
    port=settings.http_port,
    **settings.proxy_options,
)
