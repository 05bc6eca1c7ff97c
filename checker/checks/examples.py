"""Build a Story from a hand-written example (a check's must_fire / must_not_fire, or a case in
tests/checks/*.yaml), so checks are testable without the extractor.

An example is `{"claims": [...], "documents": [...]?, "waivers": [...]?, "findings": [...]?}`.
A claim needs `document`, `text`, `value` and `sentence`; the builder fills what the extractor
would: offsets (the figure is found in its sentence; sentences of one document are laid end to
end), `id`, `line`, `subject_key` and `source_key` (through the Lexicon) and `horizon_detail`
from `horizon`, which is a kind ("current") or a mapping ({kind: deadline, end: 2024-12-31}).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from checker.checks.base import Example, Story, Waiver
from checker.lexicon import Lexicon
from checker.models import Claim, Document, Finding, Horizon
from checker.ruleset import RuleSet

DEFAULT_PUBLISHED = dt.date(2024, 10, 24)


def build_example(example: Example, rules: RuleSet) -> Story:
    from checker.engine import build_story  # engine imports the checks package; import late

    documents, claims = example_claims(example, rules)
    waivers = [Waiver.model_validate(w) for w in example.get("waivers", [])]
    findings = [Finding.model_validate(f) for f in example.get("findings", [])]
    return build_story(documents, claims, rules, findings=findings, waivers=waivers)


def example_claims(example: Example, rules: RuleSet) -> tuple[list[Document], list[Claim]]:
    lexicon = Lexicon(rules)
    specs: list[dict[str, Any]] = [dict(c) for c in example.get("claims", [])]
    doc_specs = {str(d["id"]): dict(d) for d in example.get("documents", [])}
    for spec in specs:
        doc_specs.setdefault(str(spec["document"]), {"id": str(spec["document"])})
    texts = _document_texts(specs)
    documents = {}
    for doc_id, spec in doc_specs.items():
        spec.setdefault("path", f"{doc_id}.txt")
        spec.setdefault("published", DEFAULT_PUBLISHED)
        documents[doc_id] = Document(text=texts.get(doc_id, ""), **spec)
    claims = []
    counters: dict[str, int] = {}
    for spec in specs:
        doc_id = str(spec.pop("document"))
        document = documents[doc_id]
        counters[doc_id] = counters.get(doc_id, 0) + 1
        sentence = spec.setdefault("sentence", spec["text"])
        sentence_start = document.text.index(sentence)
        at = sentence.find(spec["text"], spec.pop("search_from", 0))
        at = at if at >= 0 else 0
        horizon = _horizon(spec.pop("horizon", None), document.published)
        spec.setdefault("id", f"{doc_id}:c{counters[doc_id]}")
        spec.setdefault("start", sentence_start + at)
        spec.setdefault("end", sentence_start + at + len(spec["text"]))
        spec.setdefault("line", document.text.count("\n", 0, sentence_start) + 1)
        spec.setdefault("sentence_start", sentence_start)
        spec.setdefault("subject_key", lexicon.subject_key(spec.get("subject"), spec.get("unit")))
        spec.setdefault("source_key", lexicon.source_key(spec.get("attribution"), document))
        claims.append(Claim(document=doc_id, horizon=horizon.label(), horizon_detail=horizon, **spec))
    return list(documents.values()), claims


def _document_texts(specs: list[dict[str, Any]]) -> dict[str, str]:
    sentences: dict[str, list[str]] = {}
    for spec in specs:
        doc_sentences = sentences.setdefault(str(spec["document"]), [])
        sentence = spec.get("sentence", spec["text"])
        if sentence not in doc_sentences:
            doc_sentences.append(sentence)
    return {doc: "\n".join(lines) + "\n" for doc, lines in sentences.items()}


def _horizon(value: Any, published: dt.date | None) -> Horizon:
    if value is None:
        return Horizon(kind="current", start=published)
    if isinstance(value, str):
        return Horizon(kind=value, start=published if value in ("current", "point") else None)
    data = dict(value)
    if data.get("kind") in ("current",) and "start" not in data:
        data["start"] = published
    return Horizon.model_validate(data)
