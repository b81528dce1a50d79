"""``ExecutionConfig``: a view on the environment's settings (it writes Flink's config keys)."""

from typing import Dict, Optional

from pyflink.common.restart_strategy import (
    RestartStrategyConfiguration,
    restart_strategy_from_config,
)

__all__ = ["ExecutionConfig"]

_JOB_PARAMETER_PREFIX = "pipeline.global-job-parameters."


class ExecutionConfig(object):
    def __init__(self, config: Dict[str, str]) -> None:
        self._config = config

    def set_parallelism(self, parallelism: int) -> "ExecutionConfig":
        self._config["parallelism.default"] = str(parallelism)
        return self

    def get_parallelism(self) -> int:
        return int(self._config.get("parallelism.default", "-1"))

    def set_max_parallelism(self, max_parallelism: int) -> "ExecutionConfig":
        self._config["pipeline.max-parallelism"] = str(max_parallelism)
        return self

    def get_max_parallelism(self) -> int:
        return int(self._config.get("pipeline.max-parallelism", "-1"))

    def set_auto_watermark_interval(self, interval: int) -> "ExecutionConfig":
        self._config["pipeline.auto-watermark-interval"] = "%d ms" % interval
        return self

    def get_auto_watermark_interval(self) -> int:
        value = self._config.get("pipeline.auto-watermark-interval", "200 ms")
        return int(value.split()[0])

    def enable_object_reuse(self) -> "ExecutionConfig":
        self._config["pipeline.object-reuse"] = "true"
        return self

    def disable_object_reuse(self) -> "ExecutionConfig":
        self._config["pipeline.object-reuse"] = "false"
        return self

    def is_object_reuse_enabled(self) -> bool:
        return self._config.get("pipeline.object-reuse", "false") == "true"

    def set_restart_strategy(
        self, restart_strategy_configuration: RestartStrategyConfiguration
    ) -> None:
        for key in [k for k in self._config if k.startswith("restart-strategy")]:
            del self._config[key]
        self._config.update(restart_strategy_configuration._to_config())

    def get_restart_strategy(self) -> RestartStrategyConfiguration:
        return restart_strategy_from_config(self._config)

    def set_global_job_parameters(self, global_job_parameters_dict: Dict) -> "ExecutionConfig":
        for key in [k for k in self._config if k.startswith(_JOB_PARAMETER_PREFIX)]:
            del self._config[key]
        for k, v in global_job_parameters_dict.items():
            self._config[_JOB_PARAMETER_PREFIX + str(k)] = str(v)
        return self

    def get_global_job_parameters(self) -> Dict[str, str]:
        n = len(_JOB_PARAMETER_PREFIX)
        return {k[n:]: v for k, v in self._config.items() if k.startswith(_JOB_PARAMETER_PREFIX)}

    def get_job_parameter(self, key: str, default_value: Optional[str] = None) -> Optional[str]:
        return self._config.get(_JOB_PARAMETER_PREFIX + key, default_value)
