#!/usr/bin/env bash
# Builds tcbq, tcbq-sandbox and tcbq-bench in release mode and runs the benchmark (issue 5):
# tcbq side by side with sqlite3, python3 and the API's latency. Needs sqlite3, python3 and
# /usr/bin/time. Extra arguments go to tcbq-bench, e.g. `scripts/bench.sh --runs 7`.
# Generated files (load.sql, the answer, CSV exports) go to bench-data/ (gitignored).
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-release
# Every product at once (tcbq, tcbq-sandbox, tcbq-bench): one release build.
swift build -c release --scratch-path "$scratch" >&2
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)"
exec "$bin/tcbq-bench" --bin "$bin" --work bench-data "$@"
