"""The JSON contract: the Report model as JSON (schema in checker/schema/report.schema.json)."""

from __future__ import annotations

import json

from checker.formatters.base import Formatter, RenderOptions
from checker.models import Report


class JsonFormatter(Formatter):
    name = "json"
    suffix = ".json"
    description = "the machine-readable contract: documents, claims, groups, findings"

    def render(self, report: Report, options: RenderOptions) -> str:
        data = report.model_dump(mode="json")
        if options.view == "extract":
            data = {k: data[k] for k in ("schema_version", "tool", "documents", "claims", "errors")}
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
