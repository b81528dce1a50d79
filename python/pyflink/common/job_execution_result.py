"""The result of a finished job, built from the facade's JSON answer."""

import json
from typing import Any, Dict

__all__ = ["JobID", "JobExecutionResult"]


class JobID(object):
    def __init__(self, hex_string: str) -> None:
        self._hex = hex_string

    def to_hex_string(self) -> str:
        return self._hex

    def __str__(self) -> str:
        return self._hex

    def __repr__(self) -> str:
        return "JobID(%s)" % self._hex

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, JobID) and self._hex == other._hex

    def __hash__(self) -> int:
        return hash(self._hex)


class JobExecutionResult(object):
    def __init__(self, job_id: JobID, net_runtime_ms: int, accumulators: Dict[str, Any]) -> None:
        self._job_id = job_id
        self._net_runtime_ms = net_runtime_ms
        self._accumulators = dict(accumulators)

    @staticmethod
    def _from_json(text: str) -> "JobExecutionResult":
        data = json.loads(text)
        return JobExecutionResult(
            JobID(data["job_id"]), int(data.get("net_runtime_ms", 0)), data.get("accumulators", {})
        )

    def get_job_id(self) -> JobID:
        return self._job_id

    def is_job_execution_result(self) -> bool:
        return True

    def get_job_execution_result(self) -> "JobExecutionResult":
        return self

    def get_net_runtime(self) -> int:
        """Milliseconds from job start to end."""
        return self._net_runtime_ms

    def get_accumulator_result(self, accumulator_name: str) -> Any:
        return self._accumulators.get(accumulator_name)

    def get_all_accumulator_results(self) -> Dict[str, Any]:
        return dict(self._accumulators)

    def __str__(self) -> str:
        return "JobExecutionResult(job_id=%s, net_runtime=%d ms)" % (
            self._job_id,
            self._net_runtime_ms,
        )
