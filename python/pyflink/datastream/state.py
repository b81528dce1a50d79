"""Keyed state: descriptors (what a function asks for in ``open``) and state interfaces (what the
UDF worker hands back, backed by the JVM's keyed state backend through a worker-side cache)."""

from abc import ABC, abstractmethod
from enum import Enum
from typing import Any, Dict, Iterable, List, Optional, Tuple

from pyflink.common.time import Time, to_millis
from pyflink.common.typeinfo import TypeInformation, type_json

__all__ = [
    "State",
    "ValueState",
    "AppendingState",
    "MergingState",
    "ListState",
    "ReducingState",
    "AggregatingState",
    "MapState",
    "ReadOnlyBroadcastState",
    "BroadcastState",
    "StateDescriptor",
    "ValueStateDescriptor",
    "ListStateDescriptor",
    "MapStateDescriptor",
    "ReducingStateDescriptor",
    "AggregatingStateDescriptor",
    "StateTtlConfig",
]


class State(ABC):
    @abstractmethod
    def clear(self) -> None:
        pass


class ValueState(State):
    @abstractmethod
    def value(self) -> Any:
        pass

    @abstractmethod
    def update(self, value: Any) -> None:
        pass


class AppendingState(State):
    @abstractmethod
    def get(self) -> Any:
        pass

    @abstractmethod
    def add(self, value: Any) -> None:
        pass

    def __iter__(self):
        return iter(self.get() or ())


class MergingState(AppendingState):
    pass


class ReducingState(MergingState):
    pass


class AggregatingState(MergingState):
    pass


class ListState(MergingState):
    @abstractmethod
    def update(self, values: List[Any]) -> None:
        pass

    @abstractmethod
    def add_all(self, values: List[Any]) -> None:
        pass


class _ReadableMap(State):
    """The reads of a map-shaped state."""

    @abstractmethod
    def get(self, key: Any) -> Any:
        pass

    @abstractmethod
    def contains(self, key: Any) -> bool:
        pass

    @abstractmethod
    def items(self) -> Iterable[Tuple[Any, Any]]:
        pass

    @abstractmethod
    def keys(self) -> Iterable[Any]:
        pass

    @abstractmethod
    def values(self) -> Iterable[Any]:
        pass

    @abstractmethod
    def is_empty(self) -> bool:
        pass

    def __getitem__(self, key: Any) -> Any:
        return self.get(key)

    def __contains__(self, key: Any) -> bool:
        return self.contains(key)

    def __iter__(self):
        return iter(self.keys())


class _WritableMap(ABC):
    """The writes of a map-shaped state."""

    @abstractmethod
    def put(self, key: Any, value: Any) -> None:
        pass

    @abstractmethod
    def put_all(self, dict_value: Dict[Any, Any]) -> None:
        pass

    @abstractmethod
    def remove(self, key: Any) -> None:
        pass

    def __setitem__(self, key: Any, value: Any) -> None:
        self.put(key, value)

    def __delitem__(self, key: Any) -> None:
        self.remove(key)


class MapState(_WritableMap, _ReadableMap):
    pass


class ReadOnlyBroadcastState(_ReadableMap):
    """A broadcast state as ``process_element`` sees it: readable, not writable."""


class BroadcastState(_WritableMap, ReadOnlyBroadcastState):
    """A broadcast state as ``process_broadcast_element`` sees it: a map every parallel instance
    holds a copy of, kept equal by changing it only for broadcast elements."""


class StateTtlConfig(object):
    class UpdateType(Enum):
        Disabled = 0
        OnCreateAndWrite = 1
        OnReadAndWrite = 2

    class StateVisibility(Enum):
        ReturnExpiredIfNotCleanedUp = 0
        NeverReturnExpired = 1

    class TtlTimeCharacteristic(Enum):
        ProcessingTime = 0

    def __init__(
        self,
        update_type: "StateTtlConfig.UpdateType",
        state_visibility: "StateTtlConfig.StateVisibility",
        ttl_time_characteristic: "StateTtlConfig.TtlTimeCharacteristic",
        ttl_ms: int,
    ) -> None:
        self._update_type = update_type
        self._state_visibility = state_visibility
        self._ttl_time_characteristic = ttl_time_characteristic
        self._ttl_ms = ttl_ms

    @staticmethod
    def new_builder(ttl: Any) -> "StateTtlConfig.Builder":
        return StateTtlConfig.Builder(ttl)

    def get_update_type(self) -> "StateTtlConfig.UpdateType":
        return self._update_type

    def get_state_visibility(self) -> "StateTtlConfig.StateVisibility":
        return self._state_visibility

    def get_ttl(self) -> Time:
        return Time.milliseconds(self._ttl_ms)

    def get_ttl_time_characteristic(self) -> "StateTtlConfig.TtlTimeCharacteristic":
        return self._ttl_time_characteristic

    def is_enabled(self) -> bool:
        return self._update_type != StateTtlConfig.UpdateType.Disabled

    def _to_json(self) -> Dict[str, Any]:
        return {
            "ttl_ms": self._ttl_ms,
            "update_type": self._update_type.name,
            "state_visibility": self._state_visibility.name,
        }

    class Builder(object):
        def __init__(self, ttl: Any) -> None:
            self._ttl_ms = to_millis(ttl, "The state TTL")
            self._update_type = StateTtlConfig.UpdateType.OnCreateAndWrite
            self._visibility = StateTtlConfig.StateVisibility.NeverReturnExpired
            self._characteristic = StateTtlConfig.TtlTimeCharacteristic.ProcessingTime

        def set_update_type(
            self, update_type: "StateTtlConfig.UpdateType"
        ) -> "StateTtlConfig.Builder":
            self._update_type = update_type
            return self

        def update_ttl_on_create_and_write(self) -> "StateTtlConfig.Builder":
            return self.set_update_type(StateTtlConfig.UpdateType.OnCreateAndWrite)

        def update_ttl_on_read_and_write(self) -> "StateTtlConfig.Builder":
            return self.set_update_type(StateTtlConfig.UpdateType.OnReadAndWrite)

        def set_state_visibility(
            self, state_visibility: "StateTtlConfig.StateVisibility"
        ) -> "StateTtlConfig.Builder":
            self._visibility = state_visibility
            return self

        def return_expired_if_not_cleaned_up(self) -> "StateTtlConfig.Builder":
            return self.set_state_visibility(
                StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp
            )

        def never_return_expired(self) -> "StateTtlConfig.Builder":
            return self.set_state_visibility(StateTtlConfig.StateVisibility.NeverReturnExpired)

        def set_ttl_time_characteristic(
            self, ttl_time_characteristic: "StateTtlConfig.TtlTimeCharacteristic"
        ) -> "StateTtlConfig.Builder":
            self._characteristic = ttl_time_characteristic
            return self

        def use_processing_time(self) -> "StateTtlConfig.Builder":
            return self.set_ttl_time_characteristic(
                StateTtlConfig.TtlTimeCharacteristic.ProcessingTime
            )

        def set_ttl(self, ttl: Any) -> "StateTtlConfig.Builder":
            self._ttl_ms = to_millis(ttl, "The state TTL")
            return self

        def cleanup_full_snapshot(self) -> "StateTtlConfig.Builder":
            """Expired entries are dropped lazily on access; snapshots skip them."""
            return self

        def cleanup_incrementally(
            self, cleanup_size: int, run_cleanup_for_every_record: bool
        ) -> "StateTtlConfig.Builder":
            return self

        def cleanup_in_rocksdb_compact_filter(
            self, query_time_after_num_entries: int, periodic_compaction_time: Any = None
        ) -> "StateTtlConfig.Builder":
            return self

        def disable_cleanup_in_background(self) -> "StateTtlConfig.Builder":
            return self

        def build(self) -> "StateTtlConfig":
            return StateTtlConfig(
                self._update_type, self._visibility, self._characteristic, self._ttl_ms
            )


class StateDescriptor(ABC):
    """Names a piece of keyed state and its type; the worker sends ``_to_json()`` to the JVM."""

    def __init__(self, name: str, type_info: Optional[TypeInformation]) -> None:
        self.name = name
        self.type_info = type_info
        self._ttl_config: Optional[StateTtlConfig] = None

    def get_name(self) -> str:
        return self.name

    def enable_time_to_live(self, ttl_config: StateTtlConfig) -> None:
        self._ttl_config = ttl_config

    def _kind(self) -> str:
        raise NotImplementedError

    def _to_json(self) -> Dict[str, Any]:
        return {
            "name": self.name,
            "kind": self._kind(),
            "type": type_json(self.type_info),
            "ttl": None if self._ttl_config is None else self._ttl_config._to_json(),
        }


class ValueStateDescriptor(StateDescriptor):
    def __init__(self, name: str, value_type_info: Optional[TypeInformation] = None) -> None:
        super().__init__(name, value_type_info)

    def _kind(self) -> str:
        return "value"


class ListStateDescriptor(StateDescriptor):
    def __init__(self, name: str, elem_type_info: Optional[TypeInformation] = None) -> None:
        super().__init__(name, elem_type_info)

    def _kind(self) -> str:
        return "list"


class MapStateDescriptor(StateDescriptor):
    def __init__(
        self,
        name: str,
        key_type_info: Optional[TypeInformation] = None,
        value_type_info: Optional[TypeInformation] = None,
    ) -> None:
        super().__init__(name, value_type_info)
        self.key_type_info = key_type_info

    def _kind(self) -> str:
        return "map"

    def _to_json(self) -> Dict[str, Any]:
        data = super()._to_json()
        data["key_type"] = type_json(self.key_type_info)
        return data


class ReducingStateDescriptor(StateDescriptor):
    def __init__(
        self, name: str, reduce_function: Any, type_info: Optional[TypeInformation] = None
    ) -> None:
        from pyflink.datastream._function_wrappers import wrap
        from pyflink.datastream.functions import ReduceFunction

        super().__init__(name, type_info)
        self.reduce_function = wrap(reduce_function, ReduceFunction)

    def get_reduce_function(self) -> Any:
        return self.reduce_function

    def _kind(self) -> str:
        return "reducing"


class AggregatingStateDescriptor(StateDescriptor):
    def __init__(
        self, name: str, agg_function: Any, state_type_info: Optional[TypeInformation] = None
    ) -> None:
        super().__init__(name, state_type_info)
        self.agg_function = agg_function

    def get_agg_function(self) -> Any:
        return self.agg_function

    def _kind(self) -> str:
        return "aggregating"


