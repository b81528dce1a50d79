"""State backends: each renders Flink's ``state.backend.*`` configuration keys."""

from typing import Dict, Optional

__all__ = ["StateBackend", "HashMapStateBackend", "EmbeddedRocksDBStateBackend"]


class StateBackend(object):
    def _to_config(self) -> Dict[str, str]:
        raise NotImplementedError


class HashMapStateBackend(StateBackend):
    """Keyed state as objects on the TaskManager heap."""

    def _to_config(self) -> Dict[str, str]:
        return {"state.backend.type": "hashmap"}


class EmbeddedRocksDBStateBackend(StateBackend):
    """Keyed state in RocksDB on local disk; incremental checkpoints optional."""

    def __init__(self, enable_incremental_checkpointing: Optional[bool] = None) -> None:
        self._incremental = enable_incremental_checkpointing

    def is_incremental_checkpoints_enabled(self) -> bool:
        return bool(self._incremental)

    def _to_config(self) -> Dict[str, str]:
        config = {"state.backend.type": "rocksdb"}
        if self._incremental is not None:
            config["execution.checkpointing.incremental"] = str(self._incremental).lower()
        return config
