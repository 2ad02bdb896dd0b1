"""Which fields of a JSON answer its documented OpenAPI schema does not name.

JSON Schema lets an object carry any field its `properties` do not list unless
`additionalProperties` says otherwise, and the gateway's pydantic models never say so: a
schema check alone would let a view leak a field nobody documented (a name for a role that
must not see one). This walks the answer along the schema and names every such field.
"""

from __future__ import annotations

from typing import Any

Schema = dict[str, Any]


def _resolve(schema: Schema, spec: Schema) -> Schema:
    while "$ref" in schema:
        node: Any = spec
        for part in schema["$ref"].removeprefix("#/").split("/"):
            node = node[part]
        schema = node
    return schema


def _branches(schema: Schema, spec: Schema) -> list[Schema]:
    """The schema itself, or the alternatives it combines (anyOf, oneOf, allOf)."""
    schema = _resolve(schema, spec)
    combined = [s for key in ("anyOf", "oneOf", "allOf") for s in schema.get(key, [])]
    if not combined:
        return [schema]
    return [b for s in combined for b in _branches(s, spec)]


def undocumented_fields(value: Any, schema: Schema, spec: Schema, at: str = "$") -> list[str]:
    """JSON paths in `value` that no object schema of `schema` documents."""
    branches = _branches(schema, spec)
    if isinstance(value, dict):
        objects = [b for b in branches if "properties" in b or "additionalProperties" in b]
        if not objects:
            return []
        found: list[str] = []
        for key, item in value.items():
            declared = [b["properties"][key] for b in objects if key in b.get("properties", {})]
            free = [b["additionalProperties"] for b in objects if b.get("additionalProperties")]
            if not declared and not free:
                found.append(f"{at}.{key}")
                continue
            sub = (declared or free)[0]
            if isinstance(sub, dict):
                found += undocumented_fields(item, sub, spec, f"{at}.{key}")
        return found
    if isinstance(value, list):
        items = [b["items"] for b in branches if isinstance(b.get("items"), dict)]
        if not items:
            return []
        return [
            f
            for i, item in enumerate(value)
            for f in undocumented_fields(item, items[0], spec, f"{at}[{i}]")
        ]
    return []


def documented_response(spec: Schema, method: str, template: str, status: int) -> Schema | None:
    """The JSON schema the spec documents for this answer, if any."""
    responses = spec["paths"][template][method.lower()]["responses"]
    response = responses.get(str(status)) or responses.get(f"{str(status)[0]}XX")
    if response is None:
        response = responses.get("default")
    if response is None:
        return None
    content = _resolve(response, spec).get("content", {})
    media = content.get("application/json")
    return media.get("schema") if media else None
