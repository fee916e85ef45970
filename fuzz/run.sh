#!/usr/bin/env bash
# Builds a libFuzzer target and runs it for a bounded time. Not part of `swift test` or CI.
# Usage: fuzz/run.sh [SECONDS] [TARGET] (default 300 seconds, target `query`):
#   query   the lexer, parser and planner (TCBQQuery)
#   answer  the JSON reading of API answers (TCBQCore: JSONReader, JSONObjectStream)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
target="${2:-query}"
case "$target" in query | answer) ;; *) echo "unknown target $target (query, answer)" >&2; exit 2 ;; esac
out=fuzz/.build
corpus="fuzz/corpus"
[ "$target" = answer ] && corpus="fuzz/corpus-answer"
mkdir -p "$out" "$corpus" fuzz/crashes
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
swiftc "${flags[@]}" fuzz/AnswerFuzzer.swift -lTCBQCore -lLogging -o "$out/answer-fuzzer"

# Seed corpus: statements from the tests and the docs (query), answers the sandbox gives and
# the JSON of the tests (answer); one file each.
if [ -z "$(ls -A "$corpus")" ]; then
  python3 fuzz/seeds.py "$corpus" "$target"
fi
"$out/$target-fuzzer" -max_total_time="$seconds" -max_len=4096 -timeout=10 \
  -artifact_prefix=fuzz/crashes/ "$corpus"
