"""Writes the Grafana dashboard `dashboards/auszug.json` from one row template per service.

    python3 deploy/grafana/dashboard.py           # rewrite the JSON after a change here
    python3 deploy/grafana/dashboard.py --check   # exit 1 if the JSON is not up to date

Generated, not hand-edited, so every service row shows the same panels the same way and
a new service is one word in SERVICES. A business row on top, then the gateway, then one
row per service. Every panel queries the data source chosen in the `datasource`
variable, so the JSON also imports into a Grafana that was not provisioned by us.
Standard library only.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "dashboards" / "auszug.json"
SERVICES = ("intake", "placement", "volunteer", "prevention", "reporting")
# The events the council papers and the client name; each is counted where it is written.
BUSINESS_EVENTS = ("HouseholdRegistered", "OfferReceived", "PlacementCompleted", "HomeVisitDone")
PROBES = 'route!~"/metrics|/healthz|/readyz"'
DATASOURCE = {"type": "prometheus", "uid": "${datasource}"}
WIDTH = 6  # four panels side by side
HEIGHT = 7


def panel(
    title: str,
    exprs: dict[str, str],
    *,
    unit: str = "short",
    kind: str = "timeseries",
    description: str = "",
) -> dict[str, Any]:
    """A panel with one query per legend entry (`{legend: expr}`)."""
    targets = [
        {"refId": chr(ord("A") + i), "expr": expr, "legendFormat": legend, "datasource": DATASOURCE}
        for i, (legend, expr) in enumerate(exprs.items())
    ]
    options: dict[str, Any] = (
        {
            "reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
            "colorMode": "value",
            "graphMode": "none",
            "textMode": "auto",
        }
        if kind == "stat"
        else {
            "legend": {"displayMode": "list", "placement": "bottom", "showLegend": True},
            "tooltip": {"mode": "multi", "sort": "desc"},
        }
    )
    return {
        "type": kind,
        "title": title,
        "description": description,
        "datasource": DATASOURCE,
        "targets": targets,
        "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
        "options": options,
    }


def rate(metric: str, selector: str, by: str) -> str:
    return f"sum by ({by}) (rate({metric}{{{selector}}}[5m]))"


def p95(histogram: str, selector: str, by: str) -> str:
    return (
        f"histogram_quantile(0.95, sum by ({by}, le) (rate({histogram}_bucket{{{selector}}}[5m])))"
    )


def business_row() -> list[dict[str, Any]]:
    stats = [
        panel(
            event,
            {"": f'sum(increase(auszug_events_appended_total{{event_type="{event}"}}[$__range]))'},
            kind="stat",
            description=f"{event} events written in the chosen time range (all services).",
        )
        for event in BUSINESS_EVENTS
    ]
    per_day = panel(
        "Events written, rolling 24 h, by type",
        {"{{event_type}}": "sum by (event_type) (increase(auszug_events_appended_total[1d]))"},
        description="Activity, not the council's figures: those come from reporting, "
        "counted by business date.",
    )
    return [*stats, per_day]


def gateway_row() -> list[dict[str, Any]]:
    sel = f'service="gateway", {PROBES}'
    return [
        panel("Up", {"": 'up{service="gateway"}'}, kind="stat"),
        panel(
            "Requests per second, by route",
            {"{{method}} {{route}}": rate("auszug_http_requests_total", sel, "method, route")},
            unit="reqps",
        ),
        panel(
            "Server errors (5xx share)",
            {
                "5xx": f'sum(rate(auszug_http_requests_total{{{sel}, status=~"5.."}}[5m]))'
                f" / sum(rate(auszug_http_requests_total{{{sel}}}[5m]))"
            },
            unit="percentunit",
            description="Alert AuszugHttpErrorRate fires above 5 % for 10 minutes.",
        ),
        panel(
            "Latency p95, by route",
            {"{{route}}": p95("auszug_http_request_duration_seconds", sel, "route")},
            unit="s",
        ),
        *process_panels("gateway"),
    ]


def service_row(service: str) -> list[dict[str, Any]]:
    s = f'service="{service}"'
    return [
        panel("Up", {"": f"up{{{s}}}"}, kind="stat"),
        panel(
            "Requests per second, by outcome",
            {"{{outcome}}": rate("auszug_rpc_requests_total", s, "outcome")},
            unit="reqps",
        ),
        panel(
            "Request latency p95, by method",
            {"{{method}}": p95("auszug_rpc_request_duration_seconds", s, "method")},
            unit="s",
        ),
        panel(
            "Events written per second, by type",
            {"{{event_type}}": rate("auszug_events_appended_total", s, "event_type")},
        ),
        panel(
            "Outbox",
            {
                "backlog": f"sum(auszug_outbox_backlog_messages{{{s}}})",
                "seconds since the relay's last round": "max(time() - "
                f"auszug_outbox_relay_last_success_timestamp_seconds{{{s}}})",
                "publish errors (15m)": "sum(increase("
                f"auszug_outbox_publish_errors_total{{{s}}}[15m]))",
            },
            description="Backlog: events not yet acknowledged by JetStream. The relay "
            "completes a round every second when idle.",
        ),
        panel(
            "Consumer lag (events pending)",
            {"{{consumer}}": f"sum by (consumer) (auszug_consumer_pending_messages{{{s}}})"},
        ),
        panel(
            "Events consumed per second",
            {
                "{{consumer}} {{outcome}}": rate(
                    "auszug_events_consumed_total", s, "consumer, outcome"
                ),
                "{{consumer}} retried": rate("auszug_consumer_retries_total", s, "consumer"),
                "{{consumer}} dead-lettered ({{reason}})": rate(
                    "auszug_events_dead_lettered_total", s, "consumer, reason"
                ),
            },
            description="Any dead letter fires AuszugEventsDeadLettered.",
        ),
        panel(
            "Consumer batch duration p95",
            {"{{consumer}}": p95("auszug_consumer_batch_duration_seconds", s, "consumer")},
            unit="s",
        ),
        *process_panels(service),
    ]


def process_panels(service: str) -> list[dict[str, Any]]:
    s = f'service="{service}"'
    return [
        panel("CPU", {"cores": f"sum(rate(process_cpu_seconds_total{{{s}}}[5m]))"}),
        panel("Memory", {"resident": f"sum(process_resident_memory_bytes{{{s}}})"}, unit="bytes"),
    ]


def dashboard() -> dict[str, Any]:
    rows = [("Business", business_row()), ("gateway", gateway_row())]
    rows += [(service, service_row(service)) for service in SERVICES]
    panels: list[dict[str, Any]] = []
    y = 0
    for title, row_panels in rows:
        row = {"type": "row", "title": title, "collapsed": False, "panels": []}
        panels.append(row | {"id": len(panels) + 1, "gridPos": {"h": 1, "w": 24, "x": 0, "y": y}})
        y += 1
        for i, p in enumerate(row_panels):
            p["id"] = len(panels) + 1
            p["gridPos"] = {"h": HEIGHT, "w": WIDTH, "x": (i % 4) * WIDTH, "y": y + i // 4 * HEIGHT}
            panels.append(p)
        y += (len(row_panels) + 3) // 4 * HEIGHT
    return {
        "uid": "auszug",
        "title": "Auszug",
        "description": "One row per service and a business row. Generated by "
        "deploy/grafana/dashboard.py; edit that, not this file.",
        "tags": ["auszug"],
        "timezone": "browser",
        "schemaVersion": 39,
        "version": 1,
        "editable": False,
        "refresh": "30s",
        "time": {"from": "now-24h", "to": "now"},
        "templating": {
            "list": [
                {
                    "type": "datasource",
                    "name": "datasource",
                    "label": "Data source",
                    "query": "prometheus",
                    "current": {"text": "Prometheus", "value": "prometheus"},
                }
            ]
        },
        "annotations": {"list": []},
        "panels": panels,
    }


def render() -> str:
    return json.dumps(dashboard(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    text = render()
    if sys.argv[1:] == ["--check"]:
        if not OUT.exists() or OUT.read_text() != text:
            sys.exit(f"{OUT} is out of date: run python3 {Path(__file__).name} in deploy/grafana/")
    else:
        OUT.parent.mkdir(parents=True, exist_ok=True)
        OUT.write_text(text)
