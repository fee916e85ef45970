#!/usr/bin/env bash
# Builds a libFuzzer target over tcbq's lexer, parser and planner (TCBQQuery) and runs it for a
# bounded time. Not part of `swift test` or CI. Usage: fuzz/run.sh [SECONDS] (default 300).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
out=fuzz/.build
mkdir -p "$out" fuzz/corpus fuzz/crashes
common=(-sanitize=fuzzer,address -parse-as-library -O -g -I "$out" -L "$out")
flags=("${common[@]}" -swift-version 6 -package-name tcbq
  -enable-upcoming-feature ExistentialAny -enable-upcoming-feature MemberImportVisibility)

# The sources of the three modules, compiled here (not by `swift build`) with coverage
# instrumentation: swift-log's Logging (from .build/checkouts), TCBQCore, TCBQQuery.
[ -d .build/checkouts/swift-log ] || swift package resolve
lib() { # name, sources…
  local name="$1"; shift
  local f=("${flags[@]}")
  [ "$name" = Logging ] && f=("${common[@]}" -swift-version 5 -package-name swift_log)
  swiftc "${f[@]}" -emit-library -static -emit-module -module-name "$name" \
    -emit-module-path "$out/$name.swiftmodule" -o "$out/lib$name.a" "$@"
}
lib Logging $(find .build/checkouts/swift-log/Sources/Logging -name '*.swift')
lib TCBQCore $(find Sources/TCBQCore -name '*.swift')
lib TCBQQuery $(find Sources/TCBQQuery -name '*.swift')
swiftc "${flags[@]}" fuzz/QueryFuzzer.swift -lTCBQQuery -lTCBQCore -lLogging -o "$out/query-fuzzer"

# Seed corpus: statements from the tests and the docs, one file each.
if [ -z "$(ls -A fuzz/corpus)" ]; then
  python3 fuzz/seeds.py fuzz/corpus
fi
"$out/query-fuzzer" -max_total_time="$seconds" -max_len=4096 -timeout=10 \
  -artifact_prefix=fuzz/crashes/ fuzz/corpus
