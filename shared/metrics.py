"""The backbone's Prometheus metrics. Every process serves them on `/metrics`.

Names follow Prometheus conventions: `auszug_` namespace, base units, `_total` for
counters. The scrape target supplies the service (`job`/`instance`), so no metric
repeats it as a label.
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

EVENTS_APPENDED = Counter(
    "auszug_events_appended_total",
    "Domain events appended to this service's event store.",
    ["event_type"],
)
OUTBOX_PUBLISHED = Counter(
    "auszug_outbox_published_total",
    "Outbox entries published to JetStream and acknowledged by it.",
)
OUTBOX_PUBLISH_ERRORS = Counter(
    "auszug_outbox_publish_errors_total",
    "Relay rounds that failed to publish (the entries stay in the outbox and are retried).",
)
OUTBOX_BACKLOG = Gauge(
    "auszug_outbox_backlog_messages",
    "Outbox entries not yet acknowledged by JetStream.",
)
OUTBOX_LAST_SUCCESS = Gauge(
    "auszug_outbox_relay_last_success_timestamp_seconds",
    "When the relay last found the outbox drained or published successfully (Unix time).",
)
COMMAND_CONFLICTS = Counter(
    "auszug_command_conflicts_total",
    "Commands that met a concurrent append to their stream, by outcome "
    "(retried: decided again on the new state; gave_up: answered 409).",
    ["outcome"],
)
EVENTS_CONSUMED = Counter(
    "auszug_events_consumed_total",
    "Events a consumer took off the stream, by outcome (applied, duplicate, unknown_type).",
    ["consumer", "outcome"],
)
EVENTS_DEAD_LETTERED = Counter(
    "auszug_events_dead_lettered_total",
    "Messages a consumer moved to the dead-letter stream, by reason.",
    ["consumer", "reason"],
)
CONSUMER_RETRIES = Counter(
    "auszug_consumer_retries_total",
    "Messages handed back to JetStream for a later retry after a failure.",
    ["consumer"],
)
CONSUMER_PENDING = Gauge(
    "auszug_consumer_pending_messages",
    "Messages in the stream this consumer has not received yet (its lag).",
    ["consumer"],
)
CONSUMER_BATCH_DURATION = Histogram(
    "auszug_consumer_batch_duration_seconds",
    "Time to apply one fetched batch, including its SQL transaction.",
    ["consumer"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)
RPC_REQUESTS = Counter(
    "auszug_rpc_requests_total",
    "Requests a service answered over NATS, by subject and outcome.",
    ["method", "outcome"],
)
RPC_DURATION = Histogram(
    "auszug_rpc_request_duration_seconds",
    "Time a service took to answer a request.",
    ["method"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)
HTTP_REQUESTS = Counter(
    "auszug_http_requests_total",
    "HTTP requests the gateway answered, by route template (never the raw path) and status.",
    ["method", "route", "status"],
)
HTTP_DURATION = Histogram(
    "auszug_http_request_duration_seconds",
    "Time the gateway took to answer an HTTP request, by route template.",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
