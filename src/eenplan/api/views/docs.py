"""The API documentation as a server-rendered page, built from the OpenAPI schema.

Swagger UI and Redoc load their scripts from a CDN, and EenPlan downloads nothing at run time, so
this page renders the operations and schemas of ``/api/v1/schema/`` as plain HTML instead.
"""

from django.views.generic import TemplateView
from drf_spectacular.generators import SchemaGenerator

HTTP_METHODS = ("get", "post", "put", "patch", "delete")


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def _type_of(schema: dict) -> str:
    """A short, readable type: ``string (uuid)``, ``lijst van Case``, ``één van: a, b``."""
    if "$ref" in schema:
        text = _ref_name(schema["$ref"])
    elif "allOf" in schema or "oneOf" in schema:
        text = " | ".join(_type_of(part) for part in schema.get("allOf", schema.get("oneOf")))
    elif schema.get("type") == "array":
        text = f"lijst van {_type_of(schema.get('items', {}))}"
    elif "enum" in schema:
        text = "één van: " + ", ".join(str(value) for value in schema["enum"] if value != "")
    else:
        text = schema.get("type", "object")
        if "format" in schema:
            text += f" ({schema['format']})"
    return f"{text} of null" if schema.get("nullable") else text


def _body_type(content: dict | None) -> str:
    if not content:
        return ""
    media = content.get("application/json") or next(iter(content.values()))
    return _type_of(media.get("schema", {}))


def _parameters(operation: dict) -> list[dict]:
    return [
        {
            "name": parameter["name"],
            "location": parameter["in"],
            "required": parameter.get("required", False),
            "type": _type_of(parameter.get("schema", {})),
            "description": parameter.get("description", ""),
        }
        for parameter in operation.get("parameters", [])
    ]


def _operation(path: str, method: str, operation: dict) -> dict:
    return {
        "id": operation.get("operationId", ""),
        "method": method.upper(),
        "path": path,
        "summary": operation.get("summary", ""),
        "description": operation.get("description", ""),
        "parameters": _parameters(operation),
        "request": _body_type(operation.get("requestBody", {}).get("content")),
        "responses": [
            {
                "code": code,
                "description": response.get("description", ""),
                "type": _body_type(response.get("content")),
            }
            for code, response in operation.get("responses", {}).items()
        ],
    }


def operations_by_tag(schema: dict) -> dict[str, list[dict]]:
    groups: dict[str, list[dict]] = {}
    for path, item in schema.get("paths", {}).items():
        for method in HTTP_METHODS:
            if method in item:
                tag = (item[method].get("tags") or ["api"])[0]
                groups.setdefault(tag, []).append(_operation(path, method, item[method]))
    return groups


def components(schema: dict) -> list[dict]:
    return [
        {
            "name": name,
            "description": component.get("description", ""),
            "type": _type_of(component) if "properties" not in component else "",
            "properties": [
                {
                    "name": field,
                    "type": _type_of(definition),
                    "required": field in component.get("required", []),
                    "read_only": definition.get("readOnly", False),
                    "description": definition.get("description", ""),
                }
                for field, definition in component.get("properties", {}).items()
            ],
        }
        for name, component in schema.get("components", {}).get("schemas", {}).items()
    ]


class ApiDocsView(TemplateView):
    template_name = "api/docs.html"

    def get_context_data(self, **kwargs):
        schema = SchemaGenerator().get_schema(request=None, public=True)
        return {
            **super().get_context_data(**kwargs),
            "info": schema.get("info", {}),
            "groups": operations_by_tag(schema),
            "components": components(schema),
        }
