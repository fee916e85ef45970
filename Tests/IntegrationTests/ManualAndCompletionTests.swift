import Foundation
import Testing

/// `tcbq --help`, the generated shell completion scripts and the man page come from the same
/// argument definitions; these checks keep docs/tcbq.1 in step with them.
@Suite struct ManualAndCompletionTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  @Test(arguments: ["bash", "zsh", "fish"])
  func completionScriptsAreGenerated(shell: String) throws {
    let result = try TCBQRunner().run(["--generate-completion-script", shell])
    #expect(result.status == 0)
    #expect(result.stdout.contains("tcbq"))
    #expect(result.stdout.contains("max-calls"))
    #expect(result.stdout.contains("dry-run"))
  }

  @Test func helpHasExamplesAndExitsZero() throws {
    let result = try TCBQRunner().run(["--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("Examples:"))
    #expect(result.stdout.contains("tcbq -c \"shares of"))
  }

  @Test func theManualNamesEveryOptionOfTheHelp() throws {
    let dump = try TCBQRunner().run(["--experimental-dump-help"])
    #expect(dump.status == 0)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
    let command = try #require(json["command"] as? [String: Any])
    let arguments = try #require(command["arguments"] as? [[String: Any]])
    let manual = try String(
      contentsOf: Self.root.appendingPathComponent("docs/tcbq.1"), encoding: .utf8)
    var checked = 0
    for argument in arguments {
      guard let names = argument["names"] as? [[String: Any]] else { continue }
      for name in names where name["kind"] as? String == "long" {
        let long = try #require(name["name"] as? String)
        if long == "experimental-dump-help" || long == "generate-completion-script" { continue }
        #expect(
          manual.contains("Fl -\(long)"), "docs/tcbq.1 lacks --\(long): regenerate it (README)")
        checked += 1
      }
      if let abstract = argument["abstract"] as? String, !abstract.isEmpty {
        #expect(manual.contains(abstract), "docs/tcbq.1 is out of date: regenerate it (README)")
      }
    }
    #expect(checked >= 15)
  }
}
