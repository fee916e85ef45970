#!/usr/bin/env bash
# Builds tcbq, tcbq-sandbox and tcbq-bench in release mode and runs the benchmark (issue 5):
# tcbq side by side with sqlite3, python3 and the API's latency. Needs sqlite3, python3 and
# /usr/bin/time. Extra arguments go to tcbq-bench, e.g. `scripts/bench.sh --runs 7`.
# Generated files (load.sql, the answer, CSV exports) go to bench-data/ (gitignored).
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-release
# Every product at once (tcbq, tcbq-sandbox, tcbq-bench): one release build, linked as for
# installing (README: "Installing"): the Swift runtime and Foundation statically, which halves
# tcbq's start-up (W8) against dynamic linking of 25 libraries, by lld with packed relative
# relocations (DT_RELR, glibc 2.36 or later), which the dynamic loader applies faster.
flags=(-c release --static-swift-stdlib -Xswiftc -use-ld=lld
  -Xlinker -z -Xlinker pack-relative-relocs --scratch-path "$scratch")
swift build "${flags[@]}" >&2
bin="$(swift build "${flags[@]}" --show-bin-path)"
exec "$bin/tcbq-bench" --bin "$bin" --work bench-data "$@"
