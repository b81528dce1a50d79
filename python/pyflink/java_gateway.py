"""The Py4J gateway to Brook's JVM: the control path between the Python API and the engine.

``get_gateway()`` returns one process-wide gateway. Either the ``flink run -py`` driver started
this interpreter and passed the gateway's port and secret in the environment, or this module
launches a gateway JVM from Brook's jars (``$FLINK_HOME/lib``, the package's ``pyflink/lib`` or a
development checkout) and stops it when the interpreter exits. The secret travels in the
environment, never in argv; the JVM binds to loopback only. UDF workers never open a gateway.
"""

import atexit
import os
import secrets
import shutil
import struct
import subprocess
import tempfile
import threading
import time
from typing import List, Optional, Tuple

from py4j.java_gateway import GatewayParameters, JavaGateway

from pyflink.util.exceptions import GatewayException

__all__ = ["get_gateway", "find_brook_home"]

_GATEWAY_MAIN_CLASS = "dev.brook.client.python.PythonGatewayServer"
_JVM_FLAGS = ["-XX:+UseParallelGC", "--add-opens=java.base/java.nio=ALL-UNNAMED"]
_STARTUP_TIMEOUT_SECONDS = 120.0

_lock = threading.RLock()
_gateway: Optional[JavaGateway] = None
_launched_locally = False


def get_gateway() -> JavaGateway:
    """The process-wide gateway, connecting to or launching the JVM on first use."""
    global _gateway, _launched_locally
    with _lock:
        if _gateway is None:
            if os.environ.get("BROOK_WORKER_ID"):
                raise GatewayException(
                    "The JVM gateway is not available inside a Python UDF worker: user functions "
                    "must not create environments or call get_gateway(); build the job on the "
                    "client side instead"
                )
            port = os.environ.get("PYFLINK_GATEWAY_PORT")
            secret = os.environ.get("PYFLINK_GATEWAY_SECRET")
            if port and secret:
                _gateway = _connect(int(port), secret)
            else:
                gateway, process = _launch_gateway()
                atexit.register(_shutdown, gateway, process)
                _gateway = gateway
                _launched_locally = True
        return _gateway


def is_launched_locally() -> bool:
    """True when this process started its own gateway JVM (a local MiniCluster job)."""
    return _launched_locally


def _connect(port: int, secret: str) -> JavaGateway:
    return JavaGateway(
        gateway_parameters=GatewayParameters(
            address="127.0.0.1", port=port, auth_token=secret, auto_convert=True
        )
    )


def find_brook_home() -> Tuple[str, str]:
    """Where Brook's jars are: returns (home, lib dir).

    Order: ``$FLINK_HOME``, the jars packaged in ``pyflink/lib``, then the nearest ancestor of this
    file with ``lib/brook-cli.jar`` (a development checkout).
    """
    flink_home = os.environ.get("FLINK_HOME")
    if flink_home:
        lib = os.path.join(flink_home, "lib")
        if not os.path.isdir(lib):
            raise GatewayException(
                "FLINK_HOME is %s but %s does not exist: point FLINK_HOME at a Brook distribution"
                % (flink_home, lib)
            )
        return os.path.abspath(flink_home), os.path.abspath(lib)
    package_dir = os.path.dirname(os.path.abspath(__file__))
    package_lib = os.path.join(package_dir, "lib")
    if os.path.isdir(package_lib) and any(f.endswith(".jar") for f in os.listdir(package_lib)):
        return package_dir, package_lib
    current = os.path.dirname(package_dir)
    while True:
        if os.path.isfile(os.path.join(current, "lib", "brook-cli.jar")):
            return current, os.path.join(current, "lib")
        parent = os.path.dirname(current)
        if parent == current:
            break
        current = parent
    raise GatewayException(
        "Cannot find Brook's jars: set FLINK_HOME to a Brook distribution (searched FLINK_HOME, "
        "%s and the parents of %s for lib/brook-cli.jar)" % (package_lib, package_dir)
    )


def _java_executable() -> str:
    java_home = os.environ.get("JAVA_HOME")
    if java_home:
        candidate = os.path.join(java_home, "bin", "java")
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    found = shutil.which("java")
    if found is None:
        where = (
            "JAVA_HOME is %s, which has no bin/java, and " % java_home if java_home else ""
        )
        raise GatewayException(
            "Java not found: %sthere is no java on the PATH; install Java 17 or set JAVA_HOME"
            % where
        )
    return found


def _gateway_command(java: str, home: str, lib: str) -> List[str]:
    # The class path exactly as bin/flink builds it, so the JVM can map the class-data-sharing
    # archive bin/flink wrote of Brook's classes (it cuts start-up time); a stale archive (a jar
    # newer than it) is not used.
    jars = sorted(os.path.join(lib, f) for f in os.listdir(lib) if f.endswith(".jar"))
    command = [java, *_JVM_FLAGS]
    archive = os.path.join(lib, "brook-client.jsa")
    if os.path.isfile(archive):
        written = os.path.getmtime(archive)
        if all(os.path.getmtime(jar) <= written for jar in jars):
            command += ["-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off",
                        "-Xlog:cds+dynamic=off"]
    return command + ["-Dbrook.home=%s" % home, "-cp", ":".join(jars) + ":",
                      _GATEWAY_MAIN_CLASS]


def _launch_gateway() -> Tuple[JavaGateway, subprocess.Popen]:
    """Starts the gateway JVM and connects to it; the caller owns the returned process."""
    home, lib = find_brook_home()
    command = _gateway_command(_java_executable(), home, lib)
    secret = secrets.token_hex(32)
    conn_dir = tempfile.mkdtemp(prefix="brook-gateway-")
    conn_info_path = os.path.join(conn_dir, "conn_info")
    stderr_path = os.path.join(conn_dir, "stderr")
    env = dict(os.environ)
    env["PYFLINK_GATEWAY_SECRET"] = secret
    env["_PYFLINK_CONN_INFO_PATH"] = conn_info_path
    with open(stderr_path, "wb") as stderr:
        # stdin stays open as a lifeline: the JVM exits when it reaches EOF, i.e. when we exit.
        process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stderr=stderr, env=env, start_new_session=True
        )
    try:
        port = _wait_for_port(process, conn_info_path, stderr_path)
        gateway = _connect(port, secret)
    except BaseException:
        _stop_process(process)
        raise
    finally:
        shutil.rmtree(conn_dir, ignore_errors=True)
    return gateway, process


def _wait_for_port(process: subprocess.Popen, conn_info_path: str, stderr_path: str) -> int:
    deadline = time.monotonic() + _STARTUP_TIMEOUT_SECONDS
    while not os.path.isfile(conn_info_path):
        if process.poll() is not None:
            with open(stderr_path, "r", errors="replace") as f:
                stderr = f.read().strip()
            raise GatewayException(
                "The Brook gateway JVM exited with code %d before it was ready:\n%s"
                % (process.returncode, stderr or "(no output)")
            )
        if time.monotonic() > deadline:
            raise GatewayException(
                "The Brook gateway JVM did not report its port within %d s"
                % _STARTUP_TIMEOUT_SECONDS
            )
        time.sleep(0.05)
    with open(conn_info_path, "rb") as f:
        data = f.read(4)
    if len(data) != 4:
        raise GatewayException("The gateway's connection file %s is truncated" % conn_info_path)
    return struct.unpack(">i", data)[0]


def _stop_process(process: subprocess.Popen) -> None:
    if process.stdin is not None:
        try:
            process.stdin.close()
        except OSError:
            pass
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _shutdown(gateway: JavaGateway, process: subprocess.Popen) -> None:
    global _gateway
    try:
        gateway.close()
    except Exception:  # the JVM may already be gone; stopping the process is what matters
        pass
    finally:
        _stop_process(process)
        with _lock:
            _gateway = None
