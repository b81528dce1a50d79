"""Brook's interactive Python shell, as PyFlink's: ``python -m pyflink.shell local`` or
``python -m pyflink.shell remote HOST PORT``.

``bin/pyflink-shell.sh`` only picks the interpreter and runs this module. The shell is Python's own
interactive console with ``s_env`` (a ``StreamExecutionEnvironment``) predefined, together with the
public names of ``pyflink.common`` and ``pyflink.datastream``. In ``local`` mode jobs run on a
MiniCluster in the gateway JVM this process launches; in ``remote`` mode ``s_env`` carries
``execution.target: remote`` and the cluster's REST address, so the gateway submits its jobs there
(an environment created by hand in the shell runs where its own configuration says).
The remote cluster is checked before any JVM starts, so a wrong address costs no JVM start-up.

``st_env`` is PyFlink's table environment; Brook has no Table API yet, so it is a stand-in whose
every attribute says so, rather than a missing name that would look like a broken shell.
"""

import code
import json
import os
import sys
import urllib.request
from typing import Any, Dict, List, NoReturn, Optional

import pyflink
import pyflink.common
import pyflink.datastream
from pyflink.common import Configuration
from pyflink.datastream import StreamExecutionEnvironment

__all__ = ["main"]

USAGE = """\
Usage: pyflink-shell.sh local
       pyflink-shell.sh remote HOST PORT

  local             run jobs on a MiniCluster in this shell's JVM
  remote HOST PORT  submit jobs to the running cluster whose REST endpoint is HOST:PORT"""

HISTORY_FILE = os.path.join("~", ".brook_pyflink_shell_history")
_HISTORY_LENGTH = 1000
_REACHABILITY_TIMEOUT_SECONDS = 5.0


class UsageError(Exception):
    """The command line is not ``local`` or ``remote HOST PORT``."""


class ShellMode:
    """Where the shell's jobs run: ``local`` (host and port unset) or ``remote``."""

    def __init__(self, name: str, host: Optional[str] = None, port: Optional[int] = None) -> None:
        self.name = name
        self.host = host
        self.port = port

    def address(self) -> str:
        host = "[%s]" % self.host if self.host and ":" in self.host else self.host
        return "%s:%d" % (host, self.port or 0)

    def configuration(self) -> Configuration:
        conf = Configuration()
        if self.name == "remote":
            conf.set_string("execution.target", "remote")
            conf.set_string("rest.address", str(self.host))
            conf.set_integer("rest.port", int(self.port or 0))
        return conf

    def describe(self) -> str:
        if self.name == "local":
            return "local (jobs run on an embedded MiniCluster)"
        return "remote (jobs go to the cluster at %s)" % self.address()


def parse_args(args: List[str]) -> ShellMode:
    if len(args) == 1 and args[0] == "local":
        return ShellMode("local")
    if args and args[0] == "remote":
        if len(args) != 3:
            raise UsageError("remote mode needs the cluster's REST HOST and PORT")
        host, port_text = args[1], args[2]
        if not host:
            raise UsageError("the HOST is empty")
        try:
            port = int(port_text)
        except ValueError:
            raise UsageError("the PORT '%s' is not a number" % port_text) from None
        if not 0 < port < 65536:
            raise UsageError("the PORT %d is not in 1..65535" % port)
        return ShellMode("remote", host, port)
    if not args:
        raise UsageError("no mode given")
    if args[0] == "local":
        raise UsageError("local mode takes no arguments, got: %s" % " ".join(args[1:]))
    raise UsageError("unknown mode '%s'" % args[0])


def check_reachable(mode: ShellMode) -> None:
    """Fails with a message naming the address unless a Flink REST API answers there."""
    url = "http://%s/overview" % mode.address()
    try:
        # Direct, as the gateway's REST client connects: a proxy would answer for the cluster.
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(url, timeout=_REACHABILITY_TIMEOUT_SECONDS) as response:
            overview = json.loads(response.read().decode("utf-8"))
        if not isinstance(overview, dict) or "taskmanagers" not in overview:
            raise ValueError("GET /overview did not answer with a cluster overview")
    except (OSError, ValueError) as e:
        reason = getattr(e, "reason", None) or e
        raise ConnectionError(
            "Cannot reach the cluster's REST endpoint at %s (%s). Start the cluster "
            "(bin/start-cluster.sh) or pass its rest.address and rest.port."
            % (mode.address(), reason)
        ) from None


class UnsupportedTableEnvironment:
    """``st_env``: every attribute raises ``NotImplementedError`` naming the Table API.

    Special (dunder) names behave as on any object, so ``repr``, ``dir``, ``hasattr`` probes and
    tab completion keep working.
    """

    __slots__ = ()

    def __getattr__(self, name: str) -> NoReturn:
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        raise NotImplementedError(_table_api_message(name))

    def __setattr__(self, name: str, value: Any) -> NoReturn:
        raise NotImplementedError(_table_api_message(name))

    def __dir__(self) -> List[str]:
        return []

    def __repr__(self) -> str:
        return "<st_env: the Table API is not supported by Brook yet; use s_env>"


def _table_api_message(name: str) -> str:
    return (
        "st_env.%s: the Table API is not supported by Brook yet; use the DataStream API "
        "through s_env" % name
    )


def banner(mode: ShellMode) -> str:
    return "\n".join(
        [
            "Brook %s Python shell (the PyFlink DataStream API), mode: %s"
            % (pyflink.__version__, mode.describe()),
            "  s_env   StreamExecutionEnvironment, e.g.",
            "          s_env.from_collection([1, 2, 3]).map(lambda x: x * 10).print()",
            "          s_env.execute()",
            "  st_env  the Table API: not supported by Brook yet",
            "Exit with Ctrl-D.",
        ]
    )


def namespace(mode: ShellMode) -> Dict[str, Any]:
    names: Dict[str, Any] = {"__name__": "__console__", "__doc__": None}
    for module in (pyflink.common, pyflink.datastream):
        for name in module.__all__:
            names[name] = getattr(module, name)
    names["s_env"] = StreamExecutionEnvironment.get_execution_environment(mode.configuration())
    names["st_env"] = UnsupportedTableEnvironment()
    return names


def _enable_line_editing(names: Dict[str, Any]) -> Optional[str]:
    """Tab completion over ``names`` and the history file; returns that file, or None without
    readline (e.g. on Windows)."""
    try:
        import readline
        import rlcompleter
    except ImportError:
        return None
    readline.set_completer(rlcompleter.Completer(names).complete)
    if "libedit" in (readline.__doc__ or ""):
        readline.parse_and_bind("bind ^I rl_complete")
    else:
        readline.parse_and_bind("tab: complete")
    history = os.path.expanduser(HISTORY_FILE)
    readline.set_history_length(_HISTORY_LENGTH)
    try:
        readline.read_history_file(history)
    except OSError:
        pass  # first run, or an unreadable file: start with an empty history
    return history


def _save_history(history: str) -> None:
    import readline

    try:
        readline.write_history_file(history)
    except OSError as e:
        print("Cannot save the shell history to %s: %s" % (history, e), file=sys.stderr)


def _fail(message: str, code: int) -> NoReturn:
    print(message, file=sys.stderr)
    sys.exit(code)


def main(args: Optional[List[str]] = None) -> int:
    args = sys.argv[1:] if args is None else args
    if args in (["-h"], ["--help"]):
        print(USAGE)
        return 0
    try:
        mode = parse_args(args)
    except UsageError as e:
        _fail("Error: %s.\n%s" % (e, USAGE), 2)
    if mode.name == "remote":
        try:
            check_reachable(mode)
        except ConnectionError as e:
            _fail(str(e), 1)

    from pyflink.java_gateway import get_gateway
    from pyflink.util.exceptions import GatewayException

    # Started now, not at the first job: a JVM that cannot start fails before the prompt.
    try:
        get_gateway()
    except GatewayException as e:
        _fail("Cannot start the shell: %s" % e, 1)
    names = namespace(mode)
    history = _enable_line_editing(names)
    try:
        code.interact(banner=banner(mode), local=names, exitmsg="")
    finally:
        if history is not None:
            _save_history(history)
    return 0


if __name__ == "__main__":
    sys.exit(main())
