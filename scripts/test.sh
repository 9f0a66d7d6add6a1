#!/usr/bin/env bash
# The README's test command: installs what the tests need on a fresh machine, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests…"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# The local tools (dotnet-ef) named in dotnet-tools.json.
dotnet tool restore

dotnet test SyncDashboard.sln "$@"
