"""Records passed between the extraction steps (segment -> figures -> context)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from checker.models import Horizon


class Sentence(BaseModel):
    """A sentence of article body; furniture (bylines, bios, related links) never becomes one."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    text: str
    paragraph: int = 0
    in_headline: bool = False


class Figure(BaseModel):
    """One figure found in a span of text, with offsets into the document's full text."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    text: str
    value: float | None
    low: float | None = None
    high: float | None = None
    is_range: bool = Field(False, description="written as a range ('10,000 to 12,000'), not a hedged point")
    unit: str | None = None
    unit_span: tuple[int, int] | None = Field(None, description="offsets of the unit or counted noun, if written")
    kind: Literal["count", "measure", "money", "percent", "number"] = "number"
    dimension: str | None = None
    base_value: float | None = None
    base_low: float | None = None
    base_high: float | None = None
    qualifier: str | None = None
    qualifier_span: tuple[int, int] | None = None


class Context(BaseModel):
    """What a figure is about, who says it and when it holds."""

    model_config = ConfigDict(frozen=True)

    subject: str | None = None
    attribution: str | None = None
    horizon: Horizon = Field(default_factory=Horizon)
