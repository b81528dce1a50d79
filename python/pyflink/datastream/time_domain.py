from enum import Enum

__all__ = ["TimeDomain"]


class TimeDomain(Enum):
    """Which clock fired a timer."""

    EVENT_TIME = 0
    PROCESSING_TIME = 1
