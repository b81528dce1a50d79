#!/usr/bin/env bash
# Installs what building and testing Brook needs, if it is missing: a JDK 17, Maven and Python 3
# with venv (Debian packages), and Brook's Python environment .venv/ (the pyflink package from
# python/ in editable mode with its PyPI dependencies py4j, cloudpickle, pyarrow, grpcio, plus
# pytest and pexpect for the tests).
set -euo pipefail

need=()
if ! command -v java >/dev/null 2>&1 || ! java -version 2>&1 | grep -qE 'version "(1[7-9]|2[0-9])'; then
    need+=(openjdk-17-jdk-headless)
fi
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v python3 >/dev/null 2>&1 || need+=(python3)
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || need+=(python3-venv)

if [[ ${#need[@]} -gt 0 ]]; then
    if [[ $(id -u) -ne 0 ]]; then
        echo "Brook needs: ${need[*]}. Install them (apt-get install ${need[*]}) and retry." >&2
        exit 1
    fi
    echo "Installing ${need[*]}..." >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
stamp="$root/.venv/.brook-installed"
if [[ ! -f "$stamp" || "$root/python/pyproject.toml" -nt "$stamp" ]]; then
    echo "Setting up Brook's Python environment in $root/.venv ..." >&2
    python3 -m venv "$root/.venv"
    "$root/.venv/bin/pip" install -q --disable-pip-version-check -e "$root/python" pytest pexpect >&2
    touch "$stamp"
fi
