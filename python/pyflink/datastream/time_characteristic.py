from enum import Enum

__all__ = ["TimeCharacteristic"]


class TimeCharacteristic(Enum):
    """Deprecated in Flink: event time is the default and processing-time windows say so."""

    ProcessingTime = 0
    IngestionTime = 1
    EventTime = 2
