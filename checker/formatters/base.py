from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar, Literal

from pydantic import BaseModel, Field

from checker.models import Report, Severity


class RenderOptions(BaseModel):
    view: Literal["check", "extract"] = "check"
    color: bool = False
    width: int = 120
    fail_on: Severity = Field(Severity.error, description="junit: testcases fail on findings at or above this")
    title: str | None = Field(None, description="report heading (html, markdown); default names the documents' folder")


class Formatter(ABC):
    name: ClassVar[str]
    suffix: ClassVar[str]
    description: ClassVar[str]

    @abstractmethod
    def render(self, report: Report, options: RenderOptions) -> str:
        """The whole output for one report, ending in a newline."""
