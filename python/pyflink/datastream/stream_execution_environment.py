"""``StreamExecutionEnvironment``: collects settings and transformations, and submits the plan.

Settings are Flink configuration keys (strings), sent as the plan's ``config``. The ``execute*``
methods render the plan, make one Py4J call to the facade and forget the transformations, as
Flink's environment does after submission.
"""

import os
import sys
from typing import Any, Dict, Iterable, Optional, Tuple

from pyflink import _payload
from pyflink.common.configuration import Configuration
from pyflink.common.execution_config import ExecutionConfig
from pyflink.common.job_client import JobClient
from pyflink.common.job_execution_result import JobExecutionResult
from pyflink.common.restart_strategy import (
    RestartStrategyConfiguration,
    restart_strategy_from_config,
)
from pyflink.common.typeinfo import TypeInformation, is_pickled
from pyflink.common.watermark_strategy import WatermarkStrategy
from pyflink.datastream._plan import Plan
from pyflink.datastream.checkpoint_config import CheckpointConfig
from pyflink.datastream.checkpointing_mode import CheckpointingMode
from pyflink.datastream.connectors.base import Source
from pyflink.datastream.data_stream import CloseableIterator, DataStream
from pyflink.datastream.execution_mode import RuntimeExecutionMode
from pyflink.datastream.state_backend import StateBackend
from pyflink.datastream.time_characteristic import TimeCharacteristic
from pyflink.util.java_errors import java_call

__all__ = ["StreamExecutionEnvironment"]

DEFAULT_JOB_NAME = "Flink Streaming Job"


class StreamExecutionEnvironment(object):
    def __init__(self, configuration: Optional[Configuration] = None) -> None:
        self._config: Dict[str, str] = configuration.to_dict() if configuration else {}
        self._plan = Plan()

    @staticmethod
    def get_execution_environment(
        configuration: Optional[Configuration] = None,
    ) -> "StreamExecutionEnvironment":
        return StreamExecutionEnvironment(configuration)

    # -- settings ------------------------------------------------------------------------------

    def get_config(self) -> ExecutionConfig:
        return ExecutionConfig(self._config)

    def configure(self, configuration: Configuration) -> "StreamExecutionEnvironment":
        self._config.update(configuration.to_dict())
        return self

    def set_parallelism(self, parallelism: int) -> "StreamExecutionEnvironment":
        if parallelism < 1:
            raise ValueError("The parallelism must be at least 1, got %d" % parallelism)
        self._config["parallelism.default"] = str(parallelism)
        return self

    def get_parallelism(self) -> int:
        """The configured default parallelism; 1 (Flink's default) if none was set."""
        return int(self._config.get("parallelism.default", "1"))

    def set_max_parallelism(self, max_parallelism: int) -> "StreamExecutionEnvironment":
        if not 0 < max_parallelism <= 32768:
            raise ValueError(
                "The maximum parallelism must be in 1..32768, got %d" % max_parallelism
            )
        self._config["pipeline.max-parallelism"] = str(max_parallelism)
        return self

    def get_max_parallelism(self) -> int:
        return int(self._config.get("pipeline.max-parallelism", "-1"))

    def set_runtime_mode(
        self, execution_mode: RuntimeExecutionMode
    ) -> "StreamExecutionEnvironment":
        self._config["execution.runtime-mode"] = execution_mode.name
        return self

    def set_buffer_timeout(self, timeout_millis: int) -> "StreamExecutionEnvironment":
        self._config["execution.buffer-timeout.interval"] = "%d ms" % timeout_millis
        return self

    def get_buffer_timeout(self) -> int:
        value = self._config.get("execution.buffer-timeout.interval", "100 ms")
        return int(value.split()[0])

    def disable_operator_chaining(self) -> "StreamExecutionEnvironment":
        self._config["pipeline.operator-chaining.enabled"] = "false"
        return self

    def is_chaining_enabled(self) -> bool:
        return self._config.get("pipeline.operator-chaining.enabled", "true") == "true"

    def enable_checkpointing(
        self, interval: int, mode: Optional[CheckpointingMode] = None
    ) -> "StreamExecutionEnvironment":
        self._config["execution.checkpointing.interval"] = "%d ms" % interval
        if mode is not None:
            self._config["execution.checkpointing.mode"] = mode.name
        return self

    def get_checkpoint_config(self) -> CheckpointConfig:
        return CheckpointConfig(self._config)

    def get_checkpoint_interval(self) -> int:
        return self.get_checkpoint_config().get_checkpoint_interval()

    def get_checkpointing_mode(self) -> CheckpointingMode:
        return self.get_checkpoint_config().get_checkpointing_mode()

    def set_state_backend(self, state_backend: StateBackend) -> "StreamExecutionEnvironment":
        if not isinstance(state_backend, StateBackend):
            raise TypeError("Expected a StateBackend, got %r" % state_backend)
        self._config.update(state_backend._to_config())
        return self

    def set_restart_strategy(
        self, restart_strategy_configuration: RestartStrategyConfiguration
    ) -> None:
        self.get_config().set_restart_strategy(restart_strategy_configuration)

    def get_restart_strategy(self) -> RestartStrategyConfiguration:
        return restart_strategy_from_config(self._config)

    def set_stream_time_characteristic(self, characteristic: TimeCharacteristic) -> None:
        """Deprecated in Flink; event time is the default. Processing time turns periodic
        watermarks off, as Flink did."""
        if characteristic == TimeCharacteristic.ProcessingTime:
            self._config["pipeline.auto-watermark-interval"] = "0 ms"
        elif characteristic == TimeCharacteristic.IngestionTime:
            raise NotImplementedError("Ingestion time is not supported by Brook")

    def add_python_file(self, file_path: str) -> None:
        self._append_list("python.files", os.path.abspath(file_path))

    def add_python_archive(self, archive_path: str, target_dir: Optional[str] = None) -> None:
        entry = os.path.abspath(archive_path)
        self._append_list("python.archives", entry + ("#" + target_dir if target_dir else ""))

    def set_python_executable(self, python_exec: str) -> None:
        self._config["python.executable"] = python_exec

    def set_python_requirements(
        self, requirements_file_path: str, requirements_cache_dir: Optional[str] = None
    ) -> None:
        entry = os.path.abspath(requirements_file_path)
        if requirements_cache_dir:
            entry += "#" + os.path.abspath(requirements_cache_dir)
        self._config["python.requirements"] = entry

    def add_jars(self, *jars_path: str) -> None:
        raise NotImplementedError("add_jars is not supported by Brook yet")

    def add_classpaths(self, *classpaths: str) -> None:
        raise NotImplementedError("add_classpaths is not supported by Brook yet")

    def register_cached_file(self, file_path: str, name: str, executable: bool = False) -> None:
        raise NotImplementedError("register_cached_file is not supported by Brook yet")

    def _append_list(self, key: str, entry: str) -> None:
        current = self._config.get(key)
        self._config[key] = entry if not current else current + "," + entry

    # -- sources -------------------------------------------------------------------------------

    def from_collection(
        self, collection: Iterable[Any], type_info: Optional[TypeInformation] = None
    ) -> DataStream:
        """A bounded stream of the given elements, read by one subtask."""
        elements = list(collection)
        fields: Dict[str, Any] = {"elements": [_payload.encode(e) for e in elements]}
        if not is_pickled(type_info):
            assert type_info is not None
            fields["values_json"] = [type_info.to_internal_json(e) for e in elements]
        t = self._plan.add("from_collection", [], "Collection Source", type_info, **fields)
        t.parallelism = 1
        return DataStream(self, t)

    def from_source(
        self,
        source: Source,
        watermark_strategy: WatermarkStrategy,
        source_name: str,
        type_info: Optional[TypeInformation] = None,
    ) -> DataStream:
        if not isinstance(source, Source):
            raise NotImplementedError(
                "from_source() with %r is not supported by Brook yet; supported sources: "
                "FileSource, NumberSequenceSource" % type(source).__name__
            )
        stream = DataStream(self, source._add_to_plan(self._plan, source_name, type_info))
        if watermark_strategy is None or watermark_strategy._is_no_watermarks():
            return stream
        return stream.assign_timestamps_and_watermarks(watermark_strategy)

    def add_source(
        self, source_func: Any, source_name: str = "Custom Source", type_info: Any = None
    ) -> DataStream:
        raise NotImplementedError(
            "add_source(SourceFunction) is not supported by Brook yet; use from_source(...)"
        )

    def read_text_file(self, file_path: str, charset_name: str = "UTF-8") -> DataStream:
        from pyflink.datastream.connectors.file_system import FileSource, StreamFormat

        source = FileSource.for_record_stream_format(
            StreamFormat.text_line_format(charset_name), file_path
        ).build()
        return self.from_source(source, WatermarkStrategy.no_watermarks(), file_path)

    def socket_text_stream(self, *args: Any) -> DataStream:
        raise NotImplementedError("socket_text_stream is not supported by Brook yet")

    def from_data_stream(self, *args: Any) -> DataStream:
        raise NotImplementedError("from_data_stream is not supported by Brook yet")

    # -- execution -----------------------------------------------------------------------------

    def _job_name(self, job_name: Optional[str]) -> str:
        return job_name or self._config.get("pipeline.name", DEFAULT_JOB_NAME)

    def _submission_config(self) -> Dict[str, str]:
        """The plan's config: a locally launched JVM runs workers with this interpreter unless
        told otherwise, so that the workers see the same packages as this program. A remote
        cluster's TaskManagers pick their own (this path may not exist there)."""
        from pyflink.java_gateway import is_launched_locally

        config = dict(self._config)
        remote = config.get("execution.target") == "remote"
        if is_launched_locally() and not remote and "python.executable" not in config:
            config["python.executable"] = sys.executable
        return config

    def _plan_json(self, job_name: Optional[str] = None) -> str:
        return self._plan.to_json(self._job_name(job_name), self._config)

    def _facade(self):
        from pyflink.java_gateway import get_gateway

        return get_gateway().entry_point

    def _submit_json(self, job_name: Optional[str]) -> Tuple[Any, str]:
        self._plan.check_has_sinks()
        facade = self._facade()
        plan = self._plan.to_json(self._job_name(job_name), self._submission_config())
        self._plan.clear()
        return facade, plan

    def execute(self, job_name: Optional[str] = None) -> JobExecutionResult:
        facade, plan = self._submit_json(job_name)
        return JobExecutionResult._from_json(java_call(facade.execute, plan))

    def execute_async(self, job_name: str = DEFAULT_JOB_NAME) -> JobClient:
        facade, plan = self._submit_json(job_name)
        return JobClient(java_call(facade.executeAsync, plan))

    def get_execution_plan(self) -> str:
        plan = self._plan_json()
        return java_call(self._facade().getExecutionPlan, plan)

    def _execute_and_collect(
        self, stream: DataStream, job_name: Optional[str], limit: Optional[int]
    ) -> CloseableIterator:
        input = stream._input()
        self._plan.add("collect", [input], "Data stream collect sink", input.output_type)
        facade, plan = self._submit_json(job_name)
        j_iterator = java_call(facade.executeAndCollect, plan, -1 if limit is None else limit)
        return CloseableIterator(j_iterator, stream.get_type())

    def close(self) -> None:
        self._plan.clear()

    def __enter__(self) -> "StreamExecutionEnvironment":
        return self

    def __exit__(self, *args: Any) -> None:
        self.close()

