"""Turns Py4J failures into Python exceptions that carry the JVM's message, not a Java stack."""

from typing import Any, Callable

from py4j.protocol import Py4JAuthenticationError, Py4JError, Py4JJavaError

from pyflink.util.exceptions import GatewayException, JobExecutionException


def java_call(method: Callable[..., Any], *args: Any) -> Any:
    """Calls a Java method through Py4J, mapping a Java exception to JobExecutionException."""
    try:
        return method(*args)
    except Py4JJavaError as e:
        raise _to_python_exception(e) from None
    except Py4JAuthenticationError:
        raise GatewayException(
            "The Brook JVM's gateway refused this process's secret token "
            "(PYFLINK_GATEWAY_SECRET): only the program that started the gateway, or that the "
            "gateway started, may use it"
        ) from None
    except Py4JError as e:
        raise GatewayException("Call to the Brook JVM failed: %s" % e) from None


def _to_python_exception(error: Py4JJavaError) -> JobExecutionException:
    java_exception = error.java_exception
    message = java_exception.getMessage()
    java_class = java_exception.getClass().getName()
    if message is None:
        message = java_class
    return JobExecutionException(message, java_class)
