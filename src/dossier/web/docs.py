"""`/docs` (pages.docs): the API described for a person, rendered here from the app's own OpenAPI schema.

FastAPI's interactive pages load their scripts and styles from a CDN, which a server that
fetches nothing at run time (and a reader offline) cannot have; this page lists the same
endpoints with their parameters, as plain HTML in the site's own style. `/openapi.json` stays
the machine-readable description.
"""
from __future__ import annotations

import re
from typing import Any



def _type(schema: dict[str, Any]) -> str:
    """A parameter's type as a reader writes it: "integer", "string or null", "asc | desc"."""
    if "enum" in schema:
        return " | ".join(map(str, schema["enum"]))
    if "anyOf" in schema:
        return " or ".join(_type(s) for s in schema["anyOf"])
    if schema.get("format") == "date":
        return "date (YYYY-MM-DD)"
    return str(schema.get("type", "any"))


def operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Every (method, path) of the schema with its summary, parameters and request body."""
    out = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p.get("in"), "required": p.get("required", False),
                       "type": _type(p.get("schema", {})),
                       "default": p.get("schema", {}).get("default"),
                       "description": p.get("description") or p.get("schema", {}).get("description")}
                      for p in op.get("parameters", [])]
            body = op.get("requestBody", {}).get("description") or (
                "JSON" if "requestBody" in op else None)
            out.append({"method": method.upper(), "path": path, "summary": op.get("summary"),
                        "description": op.get("description"), "parameters": params,
                        "body": body,
                        "anchor": re.sub(r"[^a-z0-9]+", "-", f"{method} {path}".lower()).strip("-")})
    return out
