"""``JobClient``: a handle on a job submitted with ``execute_async()``.

It wraps the facade's Java ``JobClientHandle``; every method is one Py4J call.
"""

from typing import Any, Optional

from pyflink.common.job_execution_result import JobExecutionResult, JobID
from pyflink.common.job_status import JobStatus
from pyflink.util.java_errors import java_call

__all__ = ["JobClient"]


class JobClient(object):
    def __init__(self, j_job_client: Any) -> None:
        self._j_job_client = j_job_client

    def get_job_id(self) -> JobID:
        return JobID(java_call(self._j_job_client.getJobId))

    def get_job_status(self) -> JobStatus:
        return JobStatus[java_call(self._j_job_client.getJobStatus)]

    def cancel(self) -> None:
        java_call(self._j_job_client.cancel)

    def stop_with_savepoint(
        self, advance_to_end_of_event_time: bool, savepoint_directory: Optional[str] = None
    ) -> str:
        raise NotImplementedError("JobClient.stop_with_savepoint is not supported by Brook yet")

    def trigger_savepoint(self, savepoint_directory: Optional[str] = None) -> str:
        raise NotImplementedError("JobClient.trigger_savepoint is not supported by Brook yet")

    def get_accumulators(self) -> Any:
        raise NotImplementedError("JobClient.get_accumulators is not supported by Brook yet")

    def get_job_execution_result(self) -> JobExecutionResult:
        """Blocks until the job ends; raises the job's failure if it failed."""
        return JobExecutionResult._from_json(java_call(self._j_job_client.getJobExecutionResult))
