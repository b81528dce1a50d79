"""Exceptions that Brook's Python API raises for failures reported by the JVM."""

__all__ = ["JobExecutionException", "GatewayException"]


class JobExecutionException(Exception):
    """A job, or the JVM call that started it, failed. The message is the JVM's message: for a
    failure in a Python function it starts with that function's Python traceback."""

    def __init__(self, message: str, java_class: str = "") -> None:
        super().__init__(message)
        self.java_class = java_class


class GatewayException(RuntimeError):
    """The JVM gateway could not be started or reached."""
