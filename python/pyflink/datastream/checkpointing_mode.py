from enum import Enum

__all__ = ["CheckpointingMode"]


class CheckpointingMode(Enum):
    EXACTLY_ONCE = 0
    AT_LEAST_ONCE = 1
