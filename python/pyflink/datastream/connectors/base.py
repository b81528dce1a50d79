"""``Source`` and ``Sink``: connectors describe themselves as plan nodes; Java runs them."""

from abc import ABC, abstractmethod
from typing import Optional

from pyflink.common.typeinfo import TypeInformation
from pyflink.datastream._plan import Plan, Transformation

__all__ = ["Source", "Sink"]


class Source(ABC):
    @abstractmethod
    def _add_to_plan(
        self, plan: Plan, name: str, type_info: Optional[TypeInformation]
    ) -> Transformation:
        """Appends this source's node; ``type_info`` is what ``from_source`` was given."""


class Sink(ABC):
    @abstractmethod
    def _add_to_plan(self, plan: Plan, input: Transformation) -> Transformation:
        """Appends this sink's node, reading ``input``."""
