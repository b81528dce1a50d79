"""The job plan that Python hands to the JVM: a list of transformations, rendered as JSON.

Every API call that creates a stream appends one ``Transformation``; nothing runs until an
``execute*`` call renders the plan (``Plan.to_json``) and sends it to the facade in one Py4J call.
Ids grow with creation, so inputs always precede their consumers. User functions are pickled when
the API call is made (as in PyFlink), so later changes to the function object do not leak in.
"""

import json
from typing import Any, Dict, List, Optional

from pyflink import _payload
from pyflink.common.typeinfo import TypeInformation, type_json
from pyflink.datastream.output_tag import OutputTag

SINK_KINDS = frozenset({"print", "file_sink", "collect"})


class PythonFunction(object):
    """The ``function`` field of a ``python`` node."""

    def __init__(self, kind: str, function: Any, **extra: Any) -> None:
        self.kind = kind
        self.payload = _payload.encode(function)
        self.extra = extra

    def to_json(self, side_outputs: List[OutputTag]) -> Dict[str, Any]:
        data: Dict[str, Any] = {"kind": self.kind, "payload": self.payload}
        data.update(self.extra)
        data["side_outputs"] = [tag._to_json() for tag in side_outputs]
        return data


class Transformation(object):
    """One node of the plan. Common attributes are set through the DataStream API; ``fields``
    holds the kind-specific ones exactly as they appear in the JSON. A sink's ``output_type`` is
    the type it consumes."""

    def __init__(
        self,
        id: int,
        kind: str,
        inputs: List["Transformation"],
        name: str,
        output_type: Optional[TypeInformation],
        fields: Dict[str, Any],
        function: Optional[PythonFunction] = None,
    ) -> None:
        self.id = id
        self.kind = kind
        self.inputs = inputs
        self.name = name
        self.output_type = output_type
        self.fields = fields
        self.function = function
        self.side_outputs: List[OutputTag] = []
        self.uid: Optional[str] = None
        self.uid_hash: Optional[str] = None
        self.description: Optional[str] = None
        self.slot_sharing_group: Optional[str] = None
        self.chaining: Optional[str] = None
        self.buffer_timeout_ms: Optional[int] = None
        self.parallelism = -1
        self.max_parallelism = -1

    def add_side_output(self, tag: OutputTag) -> None:
        existing = [t for t in self.side_outputs if t.tag_id == tag.tag_id]
        if existing and existing[0].type_info != tag.type_info:
            raise ValueError(
                "Side output %r is already used with type %r, not %r"
                % (tag.tag_id, existing[0].type_info, tag.type_info)
            )
        if not existing:
            self.side_outputs.append(tag)

    def to_json(self) -> Dict[str, Any]:
        data: Dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "inputs": [t.id for t in self.inputs],
            "name": self.name,
            "uid": self.uid,
            "parallelism": self.parallelism,
            "max_parallelism": self.max_parallelism,
            "output_type": type_json(self.output_type),
        }
        optional = {
            "uid_hash": self.uid_hash,
            "description": self.description,
            "slot_sharing_group": self.slot_sharing_group,
            "chaining": self.chaining,
            "buffer_timeout_ms": self.buffer_timeout_ms,
        }
        data.update({k: v for k, v in optional.items() if v is not None})
        if self.function is not None:
            data["function"] = self.function.to_json(self.side_outputs)
        data.update(self.fields)
        return data


class Plan(object):
    """The transformations of one environment, in creation order."""

    def __init__(self) -> None:
        self._transformations: List[Transformation] = []
        self._next_id = 1

    def add(
        self,
        kind: str,
        inputs: List[Transformation],
        name: str,
        output_type: Optional[TypeInformation],
        function: Optional[PythonFunction] = None,
        **fields: Any,
    ) -> Transformation:
        t = Transformation(self._next_id, kind, inputs, name, output_type, fields, function)
        self._next_id += 1
        self._transformations.append(t)
        return t

    def is_empty(self) -> bool:
        return not any(t.kind in SINK_KINDS for t in self._transformations)

    def clear(self) -> None:
        """Forgets the transformations once a job was submitted, as Flink's environment does."""
        self._transformations = []

    def check_has_sinks(self) -> None:
        if self.is_empty():
            raise RuntimeError(
                "No operators defined in streaming topology. Cannot execute. Add a sink "
                "(print(), sink_to(...)) or use execute_and_collect()."
            )

    def to_json(self, job_name: str, config: Dict[str, str]) -> str:
        self.check_has_sinks()
        # A key_by nobody reads is left out, as Flink's keyBy adds no operator by itself; e.g.
        # connect() of two KeyedStreams reads what they were keyed from, not their key_by nodes.
        read = {i.id for t in self._transformations for i in t.inputs}
        plan = {
            "job_name": job_name,
            "config": dict(config),
            "transformations": [
                t.to_json() for t in self._transformations if t.kind != "key_by" or t.id in read
            ],
            "sinks": [t.id for t in self._transformations if t.kind in SINK_KINDS],
        }
        return json.dumps(plan)
