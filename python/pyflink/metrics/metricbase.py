"""The metric interfaces user functions program against; the UDF worker implements them.

Metrics live in the function's worker process and are updated there without crossing to Java, so
updating one per record is cheap. Their values reach the TaskManager at the end of every bundle:
a value read from the Java side lags the Python side by at most one bundle.
"""

from abc import ABC, abstractmethod
from typing import Callable, Optional

__all__ = ["Counter", "Distribution", "Meter", "Metric", "MetricGroup"]


class MetricGroup(ABC):
    """A named scope of metrics and of further groups.

    Asking a group twice for a counter, meter or distribution of the same name returns the same
    object; a name can hold only one kind of metric per group.
    """

    @abstractmethod
    def add_group(self, name: str, extra: Optional[str] = None) -> "MetricGroup":
        """The subgroup ``name``; with ``extra``, a key/value group: key ``name``, value
        ``extra`` (e.g. ``add_group("region", "eu")``)."""

    @abstractmethod
    def counter(self, name: str) -> "Counter":
        """The counter ``name`` of this group, created at 0 on first use."""

    @abstractmethod
    def gauge(self, name: str, obj: Callable[[], int]) -> None:
        """Registers the gauge ``name``: ``obj()`` is called for its current value each time the
        metrics are reported (once per bundle)."""

    @abstractmethod
    def meter(self, name: str, time_span_in_seconds: int = 60) -> "Meter":
        """The meter ``name`` of this group: events per second, averaged over
        ``time_span_in_seconds``."""

    @abstractmethod
    def distribution(self, name: str) -> "Distribution":
        """The distribution ``name`` of this group: statistics of the values it is updated
        with."""


class Metric(ABC):
    """Base of the metrics a ``MetricGroup`` creates."""


class Counter(Metric):
    """A count that goes up and down."""

    @abstractmethod
    def inc(self, n: int = 1) -> None:
        """Adds ``n``."""

    @abstractmethod
    def dec(self, n: int = 1) -> None:
        """Subtracts ``n``."""

    @abstractmethod
    def get_count(self) -> int:
        """The current count."""


class Meter(Metric):
    """A rate of events; the rate itself is computed on the Java side."""

    @abstractmethod
    def mark_event(self, value: int = 1) -> None:
        """Records ``value`` events."""

    @abstractmethod
    def get_count(self) -> int:
        """The number of events recorded so far."""


class Distribution(Metric):
    """Statistics (count, sum, minimum, maximum) of a series of values."""

    @abstractmethod
    def update(self, value: float) -> None:
        """Adds ``value`` to the series."""
