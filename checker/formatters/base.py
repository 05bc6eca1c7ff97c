from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar, Literal

from pydantic import BaseModel

from checker.models import Report


class RenderOptions(BaseModel):
    view: Literal["check", "extract"] = "check"
    color: bool = False
    width: int = 120


class Formatter(ABC):
    name: ClassVar[str]
    suffix: ClassVar[str]
    description: ClassVar[str]

    @abstractmethod
    def render(self, report: Report, options: RenderOptions) -> str:
        """The whole output for one report, ending in a newline."""
