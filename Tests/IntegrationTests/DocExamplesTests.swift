import Foundation
import Testing

/// Every example in the docs runs against the embedded sandbox and must succeed, and the output
/// shown under a script is what tcbq prints — so the docs never go stale.
///
/// A fenced block whose info string starts with `tcbq` is a script run with `tcbq --yes`
/// (`tcbq exit=3` expects exit status 3); a `text` block right after it is its expected standard
/// output. A `sh test` block is a shell script run with `tcbq` on PATH and must exit 0.
/// `scripts/update-doc-outputs.py` rewrites the output blocks after a deliberate change.
@Suite struct DocExamplesTests {
  struct Example: CustomTestStringConvertible, Sendable {
    var file: String
    var line: Int
    var kind: Kind
    var body: String
    var expectedStatus: Int32
    var expectedOutput: String?
    enum Kind: Sendable { case script, shell }
    var testDescription: String { "\(file):\(line)" }
  }

  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static func examples(in name: String) -> [Example] {
    guard let text = try? String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
    else {
      return []
    }
    let lines = text.components(separatedBy: "\n")
    var examples: [Example] = []
    var i = 0
    var last: Int?  // index in `examples` of a script whose output block may follow
    while i < lines.count {
      let line = lines[i]
      guard line.hasPrefix("```") else {
        if !line.trimmingCharacters(in: .whitespaces).isEmpty { last = nil }
        i += 1
        continue
      }
      let info = line.dropFirst(3).split(separator: " ").map(String.init)
      var j = i + 1
      while j < lines.count, !lines[j].hasPrefix("```") { j += 1 }
      let body = lines[(i + 1)..<min(j, lines.count)].joined(separator: "\n")
      switch info.first {
      case "tcbq":
        let status =
          info.dropFirst().first { $0.hasPrefix("exit=") }.flatMap { Int32($0.dropFirst(5)) } ?? 0
        examples.append(
          Example(file: name, line: i + 1, kind: .script, body: body + "\n", expectedStatus: status)
        )
        last = examples.count - 1
      case "text" where last != nil:
        examples[last!].expectedOutput = body
        last = nil
      case "sh" where info.contains("test"):
        examples.append(
          Example(file: name, line: i + 1, kind: .shell, body: body + "\n", expectedStatus: 0))
        last = nil
      default:
        last = nil
      }
      i = j + 1
    }
    return examples
  }

  static let all = ["docs/tutorial.md", "docs/cookbook.md", "README.md"].flatMap(examples(in:))

  @Test func theDocsHaveExamples() {
    #expect(Self.examples(in: "docs/tutorial.md").count >= 8)
    #expect(Self.examples(in: "docs/cookbook.md").count >= 20)
  }

  @Test(arguments: all)
  func example(_ example: Example) throws {
    var tcbq = try TCBQRunner()
    tcbq.environment["NO_COLOR"] = "1"
    let result: TCBQResult
    switch example.kind {
    case .script:
      result = try tcbq.run(["--yes"], stdin: example.body)
    case .shell:
      let bin = try TestBinaries.url(named: "tcbq").deletingLastPathComponent().path
      tcbq.environment["PATH"] = bin + ":" + (tcbq.environment["PATH"] ?? "/usr/bin:/bin")
      let script = try tcbq.file("example.sh", "set -e\n" + example.body)
      result = try tcbq.run(shell: script)
    }
    #expect(result.status == example.expectedStatus, "\(example.testDescription): \(result.stderr)")
    if let expected = example.expectedOutput {
      let got = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        .joined(separator: "\n").trimmingCharacters(in: .newlines)
      #expect(got == expected.trimmingCharacters(in: .newlines), "\(example.testDescription)")
    }
  }
}

extension TCBQRunner {
  /// Runs a shell script in the private home.
  func run(shell script: String) throws -> TCBQResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = [script]
    process.environment = environment
    process.currentDirectoryURL = home
    let out = home.appendingPathComponent("sh-out-\(UUID().uuidString)")
    let err = home.appendingPathComponent("sh-err-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return TCBQResult(
      status: process.terminationStatus,
      stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
      stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
  }
}
