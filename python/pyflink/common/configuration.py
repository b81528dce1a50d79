"""``Configuration``: Flink's string key/value settings; the plan sends them as they are."""

from typing import Any, Dict, Set

__all__ = ["Configuration"]


class Configuration(object):
    def __init__(self, other: "Configuration" = None) -> None:
        self._data: Dict[str, str] = dict(other._data) if other is not None else {}

    def get_string(self, key: str, default_value: str) -> str:
        return self._data.get(key, default_value)

    def set_string(self, key: str, value: str) -> "Configuration":
        self._data[key] = str(value)
        return self

    def get_integer(self, key: str, default_value: int) -> int:
        return int(self._data[key]) if key in self._data else default_value

    def set_integer(self, key: str, value: int) -> "Configuration":
        self._data[key] = str(int(value))
        return self

    def get_float(self, key: str, default_value: float) -> float:
        return float(self._data[key]) if key in self._data else default_value

    def set_float(self, key: str, value: float) -> "Configuration":
        self._data[key] = str(value)
        return self

    def get_boolean(self, key: str, default_value: bool) -> bool:
        return self._data[key].lower() == "true" if key in self._data else default_value

    def set_boolean(self, key: str, value: bool) -> "Configuration":
        self._data[key] = "true" if value else "false"
        return self

    def get_bytearray(self, key: str, default_value: bytearray) -> bytearray:
        raise NotImplementedError("Configuration.get_bytearray is not supported by Brook yet")

    def set_bytearray(self, key: str, value: bytearray) -> "Configuration":
        raise NotImplementedError("Configuration.set_bytearray is not supported by Brook yet")

    def key_set(self) -> Set[str]:
        return set(self._data.keys())

    def add_all_to_dict(self, target_dict: Dict[str, Any]) -> None:
        target_dict.update(self._data)

    def add_all(self, other: "Configuration", prefix: str = None) -> "Configuration":
        for k, v in other._data.items():
            self._data[(prefix or "") + k] = v
        return self

    def contains_key(self, key: str) -> bool:
        return key in self._data

    def to_dict(self) -> Dict[str, str]:
        return dict(self._data)

    def remove_config(self, key: str) -> bool:
        return self._data.pop(key, None) is not None

    def __deepcopy__(self, memodict: Any = None) -> "Configuration":
        return Configuration(self)

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, Configuration) and self._data == other._data

    def __hash__(self) -> int:
        return hash(tuple(sorted(self._data.items())))

    def __repr__(self) -> str:
        return "Configuration(%r)" % self._data
