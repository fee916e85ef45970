import Foundation

// tcbq-bench: tcbq side by side with sqlite3, Python and the API's latency (issue 5).
// Run it with scripts/bench.sh, which builds the release binaries first.
do {
  let arguments = Array(CommandLine.arguments.dropFirst())
  let options = try Options.parse(arguments)
  guard let sqlite3 = Processes.which("sqlite3"), let python3 = Processes.which("python3") else {
    throw BenchError("sqlite3 and python3 must be on PATH")
  }
  let bench = Bench(options: options, sqlite3: sqlite3, python3: python3)
  let results = try await bench.run()
  let date = ISO8601DateFormatter().string(from: Date())
  print("tcbq-bench \(date): median of \(options.runs) runs (W8: \(options.startupRuns))")
  print(Report.text(results))
  print("\nMarkdown:\n")
  print(Report.markdown(results))
  let missed = results.filter { !$0.met }.map(\.name)
  print(missed.isEmpty ? "\nEvery target met." : "\nMissed: " + missed.joined(separator: "; "))
} catch {
  FileHandle.standardError.write(Data("tcbq-bench: \(error)\n".utf8))
  exit(1)
}
