from enum import Enum

__all__ = ["RuntimeExecutionMode"]


class RuntimeExecutionMode(Enum):
    """STREAMING runs unbounded; BATCH needs bounded sources; AUTOMATIC picks by the sources."""

    STREAMING = 0
    BATCH = 1
    AUTOMATIC = 2
