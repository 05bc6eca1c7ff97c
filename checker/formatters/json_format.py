"""The JSON contract: the Report model as JSON (schema in checker/schema/report.schema.json)."""

from __future__ import annotations

from checker.formatters.base import Formatter, RenderOptions
from checker.models import Report


class JsonFormatter(Formatter):
    name = "json"
    suffix = ".json"
    description = "the machine-readable contract: documents, claims, groups, findings"

    def render(self, report: Report, options: RenderOptions) -> str:
        # pydantic's own serialiser: a draft checked against a store reports thousands of claims, and
        # json.dumps over model_dump took four times as long. Same text, but for exponents ("1e-7").
        include = _EXTRACT_VIEW if options.view == "extract" else None
        return report.model_dump_json(indent=2, include=include) + "\n"


_EXTRACT_VIEW = {"schema_version", "tool", "documents", "claims", "errors"}
