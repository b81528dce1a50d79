"""``RestartStrategies``: each configuration renders Flink's ``restart-strategy.*`` keys."""

from datetime import timedelta
from typing import Any, Dict, Union

__all__ = ["RestartStrategies", "RestartStrategyConfiguration"]


def _ms(value: Union[int, timedelta]) -> str:
    millis = int(value.total_seconds() * 1000) if isinstance(value, timedelta) else int(value)
    return "%d ms" % millis


class RestartStrategyConfiguration(object):
    def __init__(self, options: Dict[str, str]) -> None:
        self._options = options

    def _to_config(self) -> Dict[str, str]:
        return dict(self._options)


class RestartStrategies(object):
    NoRestartStrategyConfiguration = RestartStrategyConfiguration
    FixedDelayRestartStrategyConfiguration = RestartStrategyConfiguration
    FailureRateRestartStrategyConfiguration = RestartStrategyConfiguration
    FallbackRestartStrategyConfiguration = RestartStrategyConfiguration

    @staticmethod
    def no_restart() -> RestartStrategyConfiguration:
        return RestartStrategyConfiguration({"restart-strategy.type": "none"})

    @staticmethod
    def fall_back_restart() -> RestartStrategyConfiguration:
        return RestartStrategyConfiguration({})

    @staticmethod
    def fixed_delay_restart(
        restart_attempts: int, delay_between_attempts: Union[int, timedelta]
    ) -> RestartStrategyConfiguration:
        return RestartStrategyConfiguration(
            {
                "restart-strategy.type": "fixed-delay",
                "restart-strategy.fixed-delay.attempts": str(restart_attempts),
                "restart-strategy.fixed-delay.delay": _ms(delay_between_attempts),
            }
        )

    @staticmethod
    def failure_rate_restart(
        failure_rate: int,
        failure_interval: Union[int, timedelta],
        delay_interval: Union[int, timedelta],
    ) -> RestartStrategyConfiguration:
        return RestartStrategyConfiguration(
            {
                "restart-strategy.type": "failure-rate",
                "restart-strategy.failure-rate.max-failures-per-interval": str(failure_rate),
                "restart-strategy.failure-rate.failure-rate-interval": _ms(failure_interval),
                "restart-strategy.failure-rate.delay": _ms(delay_interval),
            }
        )


def restart_strategy_from_config(config: Dict[str, Any]) -> RestartStrategyConfiguration:
    return RestartStrategyConfiguration(
        {k: v for k, v in config.items() if k.startswith("restart-strategy")}
    )
