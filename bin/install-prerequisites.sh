#!/usr/bin/env bash
# Installs what building and testing Brook needs, if it is missing: a JDK 17 and Maven (Debian
# packages). Python and the other tools of later components are added here as they arrive.
set -euo pipefail

need=()
if ! command -v java >/dev/null 2>&1 || ! java -version 2>&1 | grep -qE 'version "(1[7-9]|2[0-9])'; then
    need+=(openjdk-17-jdk-headless)
fi
command -v mvn >/dev/null 2>&1 || need+=(maven)

if [[ ${#need[@]} -gt 0 ]]; then
    if [[ $(id -u) -ne 0 ]]; then
        echo "Brook needs: ${need[*]}. Install them (apt-get install ${need[*]}) and retry." >&2
        exit 1
    fi
    echo "Installing ${need[*]}..." >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
fi
