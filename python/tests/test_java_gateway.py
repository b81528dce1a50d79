"""The gateway launcher, run against fake ``java`` executables (real processes)."""

import os
import stat
import textwrap

import pytest

from pyflink import java_gateway
from pyflink.util.exceptions import GatewayException

GOOD_JAVA = """\
#!/bin/sh
printf '%s\\n' "$@" > "$FAKE_JAVA_LOG"
echo "secret=$PYFLINK_GATEWAY_SECRET" >> "$FAKE_JAVA_LOG"
printf '\\000\\000\\060\\071' > "$_PYFLINK_CONN_INFO_PATH.tmp"
mv "$_PYFLINK_CONN_INFO_PATH.tmp" "$_PYFLINK_CONN_INFO_PATH"
cat > /dev/null
echo stdin-closed > "$FAKE_JAVA_LOG.exit"
"""

FAILING_JAVA = """\
#!/bin/sh
echo "Error: Could not find or load main class" >&2
exit 3
"""


def make_java_home(tmp_path, script):
    bin_dir = tmp_path / "jdk" / "bin"
    bin_dir.mkdir(parents=True)
    java = bin_dir / "java"
    java.write_text(textwrap.dedent(script))
    java.chmod(java.stat().st_mode | stat.S_IEXEC)
    return str(tmp_path / "jdk")


@pytest.fixture
def clean_env(monkeypatch):
    for key in ("FLINK_HOME", "PYFLINK_GATEWAY_PORT", "PYFLINK_GATEWAY_SECRET",
                "BROOK_WORKER_ID", "JAVA_HOME"):
        monkeypatch.delenv(key, raising=False)
    return monkeypatch


def make_flink_home(tmp_path):
    home = tmp_path / "brook"
    (home / "lib").mkdir(parents=True)
    (home / "lib" / "brook-cli.jar").write_bytes(b"")
    return str(home)


def test_flink_home_wins(clean_env, tmp_path):
    home = make_flink_home(tmp_path)
    clean_env.setenv("FLINK_HOME", home)
    assert java_gateway.find_brook_home() == (home, os.path.join(home, "lib"))


def test_flink_home_without_lib_is_an_error(clean_env, tmp_path):
    clean_env.setenv("FLINK_HOME", str(tmp_path))
    with pytest.raises(GatewayException, match="FLINK_HOME"):
        java_gateway.find_brook_home()


def test_dev_checkout_is_found_by_walking_up(clean_env):
    home, lib = java_gateway.find_brook_home()
    assert os.path.isfile(os.path.join(lib, "brook-cli.jar"))
    package_dir = os.path.dirname(os.path.abspath(java_gateway.__file__))
    assert package_dir.startswith(home + os.sep)


def test_launch_passes_secret_in_env_and_stops_on_stdin_eof(clean_env, tmp_path):
    home = make_flink_home(tmp_path)
    log = tmp_path / "java.log"
    clean_env.setenv("FLINK_HOME", home)
    clean_env.setenv("JAVA_HOME", make_java_home(tmp_path, GOOD_JAVA))
    clean_env.setenv("FAKE_JAVA_LOG", str(log))
    gateway, process = java_gateway._launch_gateway()
    try:
        assert gateway.gateway_parameters.port == 12345
        assert gateway.gateway_parameters.address == "127.0.0.1"
        secret = gateway.gateway_parameters.auth_token
        assert len(secret) == 64
        args = log.read_text().splitlines()
        assert args[:3] == ["-XX:+UseParallelGC", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                            "-Dbrook.home=%s" % home]
        # bin/flink's class path (the jars, sorted), so its class-data-sharing archive maps.
        assert args[3:6] == ["-cp", os.path.join(home, "lib", "brook-cli.jar") + ":",
                             "dev.brook.client.python.PythonGatewayServer"]
        assert args[6] == "secret=" + secret
        assert not any(secret in a for a in args[:6])
    finally:
        java_gateway._shutdown(gateway, process)
    assert process.returncode == 0
    assert (tmp_path / "java.log.exit").read_text().strip() == "stdin-closed"


def test_a_fresh_class_data_archive_is_used_and_a_stale_one_is_not(clean_env, tmp_path):
    home = make_flink_home(tmp_path)
    lib = os.path.join(home, "lib")
    archive = os.path.join(lib, "brook-client.jsa")
    with open(archive, "wb") as f:
        f.write(b"archive")
    jar = os.path.join(lib, "brook-cli.jar")
    os.utime(jar, (1000, 1000))
    command = java_gateway._gateway_command("java", home, lib)
    assert "-XX:SharedArchiveFile=" + archive in command
    os.utime(jar, None)
    os.utime(archive, (1000, 1000))
    command = java_gateway._gateway_command("java", home, lib)
    assert not any(c.startswith("-XX:SharedArchiveFile") for c in command)


def test_early_jvm_exit_reports_its_stderr(clean_env, tmp_path):
    clean_env.setenv("FLINK_HOME", make_flink_home(tmp_path))
    clean_env.setenv("JAVA_HOME", make_java_home(tmp_path, FAILING_JAVA))
    with pytest.raises(GatewayException, match="code 3.*\n.*Could not find or load main class"):
        java_gateway._launch_gateway()


def test_missing_java_is_explained(clean_env, tmp_path):
    clean_env.setenv("FLINK_HOME", make_flink_home(tmp_path))
    clean_env.setenv("PATH", str(tmp_path))
    with pytest.raises(GatewayException, match="Java not found: there is no java on the PATH"):
        java_gateway._launch_gateway()


def test_no_gateway_inside_a_udf_worker(clean_env):
    clean_env.setenv("BROOK_WORKER_ID", "w1")
    with pytest.raises(GatewayException, match="UDF worker"):
        java_gateway.get_gateway()


def test_driver_started_gateway_is_connected_not_launched(clean_env):
    clean_env.setenv("PYFLINK_GATEWAY_PORT", "23456")
    clean_env.setenv("PYFLINK_GATEWAY_SECRET", "s3cret")
    clean_env.setattr(java_gateway, "_gateway", None)
    gateway = java_gateway.get_gateway()
    try:
        assert gateway.gateway_parameters.port == 23456
        assert gateway.gateway_parameters.auth_token == "s3cret"
        assert java_gateway.is_launched_locally() is False
    finally:
        clean_env.setattr(java_gateway, "_gateway", None)
