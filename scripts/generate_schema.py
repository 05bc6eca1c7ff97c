"""Regenerate checker/schema/report.schema.json from the Report model (tests/test_formatters.py checks it)."""

from __future__ import annotations

import json
from pathlib import Path

from checker.models import Report

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "checker" / "schema" / "report.schema.json"


def main() -> None:
    # "serialization": the schema of what `--format json` prints (Document.text is excluded there).
    schema = Report.model_json_schema(mode="serialization")
    SCHEMA_PATH.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}")


if __name__ == "__main__":
    main()
