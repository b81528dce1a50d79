"""File connectors: ``FileSource`` of text lines and the row-format ``FileSink``, with PyFlink's
builders. Bulk formats, bucket assigners and compaction are not supported yet."""

from typing import Any, Dict, List, Optional

from pyflink.common.serialization import Encoder
from pyflink.common.time import Duration
from pyflink.common.typeinfo import TypeInformation, Types
from pyflink.datastream._plan import Plan, Transformation
from pyflink.datastream.connectors.base import Sink, Source

__all__ = [
    "StreamFormat",
    "BulkFormat",
    "FileSource",
    "FileSourceBuilder",
    "FileSink",
    "OutputFileConfig",
    "RollingPolicy",
    "BucketAssigner",
]


class StreamFormat(object):
    def __init__(self, kind: str, charset: str) -> None:
        self._kind = kind
        self._charset = charset

    @staticmethod
    def text_line_format(charset_name: str = "UTF-8") -> "StreamFormat":
        return StreamFormat("text_line", charset_name)


class BulkFormat(object):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise NotImplementedError("Bulk formats are not supported by Brook yet")


class BucketAssigner(object):
    @staticmethod
    def base_path_bucket_assigner() -> "BucketAssigner":
        raise NotImplementedError("Custom bucket assigners are not supported by Brook yet")

    @staticmethod
    def date_time_bucket_assigner(format_str: str = "yyyy-MM-dd--HH", timezone_id: str = None):
        raise NotImplementedError("Custom bucket assigners are not supported by Brook yet")


class FileSource(Source):
    def __init__(
        self, stream_format: StreamFormat, paths: List[str], monitor_interval_ms: Optional[int]
    ) -> None:
        self._format = stream_format
        self._paths = paths
        self._monitor_interval_ms = monitor_interval_ms

    @staticmethod
    def for_record_stream_format(stream_format: StreamFormat, *paths: str) -> "FileSourceBuilder":
        if not isinstance(stream_format, StreamFormat):
            raise TypeError("Expected a StreamFormat, got %r" % stream_format)
        if not paths:
            raise ValueError("FileSource needs at least one path")
        return FileSourceBuilder(stream_format, list(paths))

    @staticmethod
    def for_bulk_file_format(bulk_format: Any, *paths: str) -> "FileSourceBuilder":
        raise NotImplementedError("FileSource.for_bulk_file_format is not supported by Brook yet")

    def _add_to_plan(
        self, plan: Plan, name: str, type_info: Optional[TypeInformation]
    ) -> Transformation:
        return plan.add(
            "file_source",
            [],
            name,
            Types.STRING(),
            paths=list(self._paths),
            format=self._format._kind,
            charset=self._format._charset,
            monitor_interval_ms=self._monitor_interval_ms,
        )


class FileSourceBuilder(object):
    def __init__(self, stream_format: StreamFormat, paths: List[str]) -> None:
        self._format = stream_format
        self._paths = paths
        self._monitor_interval_ms: Optional[int] = None

    def monitor_continuously(self, discovery_interval: Duration) -> "FileSourceBuilder":
        self._monitor_interval_ms = discovery_interval.to_milliseconds()
        return self

    def process_static_file_set(self) -> "FileSourceBuilder":
        self._monitor_interval_ms = None
        return self

    def set_file_enumerator(self, *args: Any) -> "FileSourceBuilder":
        raise NotImplementedError("Custom file enumerators are not supported by Brook yet")

    def set_split_assigner(self, *args: Any) -> "FileSourceBuilder":
        raise NotImplementedError("Custom split assigners are not supported by Brook yet")

    def build(self) -> FileSource:
        return FileSource(self._format, list(self._paths), self._monitor_interval_ms)


class RollingPolicy(object):
    def __init__(self, spec: Dict[str, Any]) -> None:
        self._spec = spec

    @staticmethod
    def default_rolling_policy(
        part_size: int = 1024 * 1024 * 128,
        rollover_interval: int = 60 * 1000,
        inactivity_interval: int = 60 * 1000,
    ) -> "RollingPolicy":
        return RollingPolicy(
            {
                "kind": "default",
                "part_size": part_size,
                "rollover_interval_ms": rollover_interval,
                "inactivity_interval_ms": inactivity_interval,
            }
        )

    @staticmethod
    def on_checkpoint_rolling_policy() -> "RollingPolicy":
        return RollingPolicy({"kind": "on_checkpoint"})


class OutputFileConfig(object):
    def __init__(self, part_prefix: str, part_suffix: str) -> None:
        self._part_prefix = part_prefix
        self._part_suffix = part_suffix

    def get_part_prefix(self) -> str:
        return self._part_prefix

    def get_part_suffix(self) -> str:
        return self._part_suffix

    @staticmethod
    def builder() -> "OutputFileConfig.OutputFileConfigBuilder":
        return OutputFileConfig.OutputFileConfigBuilder()

    class OutputFileConfigBuilder(object):
        def __init__(self) -> None:
            self._prefix = "part"
            self._suffix = ""

        def with_part_prefix(self, prefix: str) -> "OutputFileConfig.OutputFileConfigBuilder":
            self._prefix = prefix
            return self

        def with_part_suffix(self, suffix: str) -> "OutputFileConfig.OutputFileConfigBuilder":
            self._suffix = suffix
            return self

        def build(self) -> "OutputFileConfig":
            return OutputFileConfig(self._prefix, self._suffix)


class FileSink(Sink):
    def __init__(
        self,
        base_path: str,
        encoder: Encoder,
        rolling_policy: RollingPolicy,
        output_file_config: OutputFileConfig,
        bucket_check_interval_ms: int,
    ) -> None:
        self._base_path = base_path
        self._encoder = encoder
        self._rolling_policy = rolling_policy
        self._output_file_config = output_file_config
        self._bucket_check_interval_ms = bucket_check_interval_ms

    @staticmethod
    def for_row_format(base_path: str, encoder: Encoder) -> "FileSink.RowFormatBuilder":
        if not isinstance(encoder, Encoder):
            raise TypeError("Expected an Encoder, got %r" % encoder)
        return FileSink.RowFormatBuilder(base_path, encoder)

    @staticmethod
    def for_bulk_format(base_path: str, writer_factory: Any) -> Any:
        raise NotImplementedError("FileSink.for_bulk_format is not supported by Brook yet")

    def _add_to_plan(self, plan: Plan, input: Transformation) -> Transformation:
        return plan.add(
            "file_sink",
            [input],
            "FileSink",
            input.output_type,
            path=self._base_path,
            encoder=self._encoder._kind,
            charset=self._encoder._charset,
            rolling=dict(self._rolling_policy._spec),
            part_prefix=self._output_file_config.get_part_prefix(),
            part_suffix=self._output_file_config.get_part_suffix(),
            bucket_check_interval_ms=self._bucket_check_interval_ms,
        )

    class RowFormatBuilder(object):
        def __init__(self, base_path: str, encoder: Encoder) -> None:
            self._base_path = base_path
            self._encoder = encoder
            self._rolling_policy = RollingPolicy.default_rolling_policy()
            self._output_file_config = OutputFileConfig("part", "")
            self._bucket_check_interval_ms = 60 * 1000

        def with_bucket_check_interval(self, interval: int) -> "FileSink.RowFormatBuilder":
            self._bucket_check_interval_ms = interval
            return self

        def with_bucket_assigner(self, bucket_assigner: Any) -> "FileSink.RowFormatBuilder":
            raise NotImplementedError("Custom bucket assigners are not supported by Brook yet")

        def with_rolling_policy(self, policy: RollingPolicy) -> "FileSink.RowFormatBuilder":
            self._rolling_policy = policy
            return self

        def with_output_file_config(
            self, output_file_config: OutputFileConfig
        ) -> "FileSink.RowFormatBuilder":
            self._output_file_config = output_file_config
            return self

        def enable_compact(self, *args: Any) -> "FileSink.RowFormatBuilder":
            raise NotImplementedError("FileSink compaction is not supported by Brook yet")

        def build(self) -> "FileSink":
            return FileSink(
                self._base_path,
                self._encoder,
                self._rolling_policy,
                self._output_file_config,
                self._bucket_check_interval_ms,
            )
