#!/usr/bin/env bash
# Loopback benchmarks of SyncDashboard: builds bench/SyncDashboard.Bench in Release and runs it.
#   bench/run.sh                         # everything (about 5-7 minutes on 2 cores)
#   bench/run.sh latency incremental     # a subset: memory, latency, api, incremental, import, notion
#   bench/run.sh fuzz-sync               # generated sync tests at full size (FUZZ_SEQUENCES, FUZZ_SEED, FUZZ_MAX_COMMANDS, FUZZ_MINUTES, FUZZ_KEEP_GOING)
# Environment: BENCH_IMPORT_EVENTS (default 10000), BENCH_IMPORT_TIMEOUT seconds (default 120),
#              BENCH_ARTIFACTS_PATH (build into that folder instead of the projects' bin/obj).
# The memory run needs Debian's `chromium` on PATH (scripts/test.sh installs it) and is skipped without it.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" != fuzz-sync ]; then
  command -v node >/dev/null 2>&1 || { echo "bench: node is required (the hub load clients run on it)" >&2; exit 1; }
fi

project=bench/SyncDashboard.Bench/SyncDashboard.Bench.csproj
build_args=(-c Release -nologo -v quiet)
if [ -n "${BENCH_ARTIFACTS_PATH:-}" ]; then build_args+=(--artifacts-path "$BENCH_ARTIFACTS_PATH"); fi

echo "Building $project (Release)…"
dotnet build "$project" "${build_args[@]}"

# The web build restores npm packages only when it has to copy signalr.min.js; the node clients need them too.
if [ ! -d SyncDashboard.Web/node_modules/@microsoft/signalr ]; then
  (cd SyncDashboard.Web && npm ci --no-audit --no-fund)
fi

target=$(dotnet msbuild "$project" -nologo -getProperty:TargetPath -p:Configuration=Release \
  ${BENCH_ARTIFACTS_PATH:+-p:ArtifactsPath="$BENCH_ARTIFACTS_PATH" -p:UseArtifactsOutput=true})
exec "${target%.dll}" "$@"
