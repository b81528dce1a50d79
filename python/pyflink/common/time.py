"""Durations and instants (PyFlink's ``Duration``, ``Time`` and ``Instant``), kept in milliseconds
or nanoseconds because that is what the plan sends."""

from typing import Any

__all__ = ["Duration", "Time", "Instant"]


class Duration(object):
    def __init__(self, millis: int, nanos: int = 0) -> None:
        self._nanos = millis * 1_000_000 + nanos

    @staticmethod
    def of_nanos(nanos: int) -> "Duration":
        return Duration(0, nanos)

    @staticmethod
    def of_millis(millis: int) -> "Duration":
        return Duration(millis)

    @staticmethod
    def of_seconds(seconds: int) -> "Duration":
        return Duration(seconds * 1000)

    @staticmethod
    def of_minutes(minutes: int) -> "Duration":
        return Duration(minutes * 60_000)

    @staticmethod
    def of_hours(hours: int) -> "Duration":
        return Duration(hours * 3_600_000)

    @staticmethod
    def of_days(days: int) -> "Duration":
        return Duration(days * 86_400_000)

    @staticmethod
    def zero() -> "Duration":
        return Duration(0)

    def to_milliseconds(self) -> int:
        return self._nanos // 1_000_000

    def to_nanos(self) -> int:
        return self._nanos

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, Duration) and self._nanos == other._nanos

    def __hash__(self) -> int:
        return hash(self._nanos)

    def __repr__(self) -> str:
        return "Duration(%d ms)" % self.to_milliseconds()


class Time(object):
    """Flink 1.x window sizes (``Time.seconds(5)``); Duration is the Flink 2 spelling."""

    def __init__(self, milliseconds: int) -> None:
        self._milliseconds = milliseconds

    @staticmethod
    def milliseconds(milliseconds: int) -> "Time":
        return Time(milliseconds)

    @staticmethod
    def seconds(seconds: int) -> "Time":
        return Time(seconds * 1000)

    @staticmethod
    def minutes(minutes: int) -> "Time":
        return Time(minutes * 60_000)

    @staticmethod
    def hours(hours: int) -> "Time":
        return Time(hours * 3_600_000)

    @staticmethod
    def days(days: int) -> "Time":
        return Time(days * 86_400_000)

    def to_milliseconds(self) -> int:
        return self._milliseconds

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, Time) and self._milliseconds == other._milliseconds

    def __hash__(self) -> int:
        return hash(self._milliseconds)

    def __str__(self) -> str:
        return "%d ms" % self._milliseconds


class Instant(object):
    def __init__(self, seconds: int, nanos: int) -> None:
        self.seconds = seconds
        self.nanos = nanos

    @staticmethod
    def of_epoch_milli(epoch_milli: int) -> "Instant":
        return Instant(epoch_milli // 1000, (epoch_milli % 1000) * 1_000_000)

    def to_epoch_milli(self) -> int:
        return self.seconds * 1000 + self.nanos // 1_000_000

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, Instant) and (self.seconds, self.nanos) == (
            other.seconds,
            other.nanos,
        )

    def __hash__(self) -> int:
        return hash((self.seconds, self.nanos))

    def __repr__(self) -> str:
        return "Instant<%s, %s>" % (self.seconds, self.nanos)


def to_millis(value: Any, what: str) -> int:
    """Accepts Duration, Time or an int of milliseconds, as PyFlink's APIs do across versions."""
    if isinstance(value, (Duration, Time)):
        return value.to_milliseconds()
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise TypeError("%s must be a Duration, a Time or milliseconds (int), got %r" % (what, value))
