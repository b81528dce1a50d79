"""``CheckpointConfig``: a view on the environment's ``execution.checkpointing.*`` settings."""

from enum import Enum
from typing import Dict, Optional

from pyflink.datastream.checkpointing_mode import CheckpointingMode

__all__ = ["CheckpointConfig", "ExternalizedCheckpointRetention"]

_PREFIX = "execution.checkpointing."


class ExternalizedCheckpointRetention(Enum):
    DELETE_ON_CANCELLATION = 0
    RETAIN_ON_CANCELLATION = 1
    NO_EXTERNALIZED_CHECKPOINTS = 2


def _millis(value: Optional[str], default: int) -> int:
    if value is None:
        return default
    number, _, unit = value.strip().partition(" ")
    factor = {"": 1, "ms": 1, "s": 1000, "min": 60_000}.get(unit.strip(), 1)
    return int(number) * factor


class CheckpointConfig(object):
    ExternalizedCheckpointCleanup = ExternalizedCheckpointRetention

    def __init__(self, config: Dict[str, str]) -> None:
        self._config = config

    def _set(self, key: str, value: str) -> "CheckpointConfig":
        self._config[_PREFIX + key] = value
        return self

    def is_checkpointing_enabled(self) -> bool:
        return self.get_checkpoint_interval() > 0

    def get_checkpoint_interval(self) -> int:
        return _millis(self._config.get(_PREFIX + "interval"), -1)

    def set_checkpoint_interval(self, checkpoint_interval: int) -> "CheckpointConfig":
        return self._set("interval", "%d ms" % checkpoint_interval)

    def get_checkpointing_mode(self) -> CheckpointingMode:
        return CheckpointingMode[self._config.get(_PREFIX + "mode", "EXACTLY_ONCE")]

    def set_checkpointing_mode(self, checkpointing_mode: CheckpointingMode) -> "CheckpointConfig":
        return self._set("mode", checkpointing_mode.name)

    def get_checkpoint_timeout(self) -> int:
        return _millis(self._config.get(_PREFIX + "timeout"), 600_000)

    def set_checkpoint_timeout(self, checkpoint_timeout: int) -> "CheckpointConfig":
        return self._set("timeout", "%d ms" % checkpoint_timeout)

    def get_min_pause_between_checkpoints(self) -> int:
        return _millis(self._config.get(_PREFIX + "min-pause"), 0)

    def set_min_pause_between_checkpoints(self, min_pause: int) -> "CheckpointConfig":
        return self._set("min-pause", "%d ms" % min_pause)

    def get_max_concurrent_checkpoints(self) -> int:
        return int(self._config.get(_PREFIX + "max-concurrent-checkpoints", "1"))

    def set_max_concurrent_checkpoints(self, max_concurrent: int) -> "CheckpointConfig":
        return self._set("max-concurrent-checkpoints", str(max_concurrent))

    def get_tolerable_checkpoint_failure_number(self) -> int:
        return int(self._config.get(_PREFIX + "tolerable-failed-checkpoints", "0"))

    def set_tolerable_checkpoint_failure_number(self, number: int) -> "CheckpointConfig":
        return self._set("tolerable-failed-checkpoints", str(number))

    def enable_unaligned_checkpoints(self, enabled: bool = True) -> "CheckpointConfig":
        if enabled:
            raise NotImplementedError("Unaligned checkpoints are not supported by Brook yet")
        return self

    def disable_unaligned_checkpoints(self) -> "CheckpointConfig":
        return self

    def is_unaligned_checkpoints_enabled(self) -> bool:
        return False

    def set_externalized_checkpoint_retention(
        self, retention: ExternalizedCheckpointRetention
    ) -> "CheckpointConfig":
        return self._set("externalized-checkpoint-retention", retention.name)

    set_externalized_checkpoint_cleanup = set_externalized_checkpoint_retention
    enable_externalized_checkpoints = set_externalized_checkpoint_retention

    def get_externalized_checkpoint_retention(self) -> ExternalizedCheckpointRetention:
        return ExternalizedCheckpointRetention[
            self._config.get(
                _PREFIX + "externalized-checkpoint-retention", "NO_EXTERNALIZED_CHECKPOINTS"
            )
        ]

    def set_checkpoint_storage_dir(self, checkpoint_path: str) -> "CheckpointConfig":
        return self._set("dir", checkpoint_path)

    def get_checkpoint_storage_dir(self) -> Optional[str]:
        return self._config.get(_PREFIX + "dir")
