import Foundation
import TCBQShell
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A fresh folder for one test, removed at the end.
private struct TemporaryFolder: ~Copyable {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("tcbq-history-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(at: url)
  }

  var historyURL: URL { url.appendingPathComponent("state/tcbq/history") }
}

@Suite struct HistoryFileTests {
  @Test func roundTripKeepsMultiLineEntriesWhole() throws {
    let folder = try TemporaryFolder()
    let history = HistoryFile(url: folder.historyURL, environment: [:])
    let entries = [
      "select *\nfrom envs\nwhere status = 'NORMAL';",
      "select 'a \"quoted\" \\ back\ttab', '中文';",
      "carriage\r\nreturn\u{1}control",
      ".mode csv",
    ]
    try history.save(adding: entries)
    #expect(history.load() == entries)
    let text = try String(contentsOf: folder.historyURL, encoding: .utf8)
    #expect(text.split(separator: "\n").count == entries.count)
  }

  @Test func keepsOnlyTheNewestEntriesUpToTheLimit() throws {
    let folder = try TemporaryFolder()
    let history = HistoryFile(url: folder.historyURL, limit: 5, environment: [:])
    try history.save(adding: (1...3).map { "select \($0);" })
    try history.save(adding: (4...8).map { "select \($0);" })
    #expect(history.load() == (4...8).map { "select \($0);" })
  }

  @Test func collapsesDuplicatesKeepingTheNewest() throws {
    let folder = try TemporaryFolder()
    let history = HistoryFile(url: folder.historyURL, environment: [:])
    try history.save(adding: ["a;", "b;", "b;", "c;"])
    #expect(history.load() == ["a;", "b;", "c;"])
    try history.save(adding: ["a;"])
    #expect(history.load() == ["b;", "c;", "a;"])
  }

  @Test func twoWritersMergeInsteadOfClobbering() throws {
    let folder = try TemporaryFolder()
    let first = HistoryFile(url: folder.historyURL, environment: [:])
    let second = HistoryFile(url: folder.historyURL, environment: [:])
    try first.save(adding: ["from first 0;"])
    try second.save(adding: ["from second 0;"])
    let failures = Failures()
    DispatchQueue.concurrentPerform(iterations: 2) { writer in
      let history = writer == 0 ? first : second
      let name = writer == 0 ? "first" : "second"
      for index in 1...20 {
        do { try history.save(adding: ["from \(name) \(index);"]) } catch { failures.add(error) }
      }
    }
    #expect(failures.count == 0)
    let loaded = Set(first.load())
    for name in ["first", "second"] {
      for index in 0...20 { #expect(loaded.contains("from \(name) \(index);")) }
    }
    #expect(loaded.count == 42)
  }

  @Test func toleratesAGarbledFile() throws {
    let folder = try TemporaryFolder()
    let url = folder.historyURL
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    var garbage = Data("\"select 1;\"\nnot json at all\n\"unterminated\n".utf8)
    garbage.append(contentsOf: (0..<512).map { UInt8(truncatingIfNeeded: $0 &* 37) })
    garbage.append(
      contentsOf: Data("\n_HiStOrY_V2_\nselect\\0402;\n\"select 3;\"\n{\"a\":1}\n".utf8))
    try garbage.write(to: url)
    let history = HistoryFile(url: url, environment: [:])
    #expect(history.load() == ["select 1;", "select 3;"])
    try history.save(adding: ["select 4;"])
    #expect(history.load() == ["select 1;", "select 3;", "select 4;"])
  }

  @Test func missingFileReadsAsEmpty() throws {
    let folder = try TemporaryFolder()
    #expect(HistoryFile(url: folder.historyURL, environment: [:]).load() == [])
  }

  @Test func neverSavesSecrets() throws {
    let folder = try TemporaryFolder()
    let token = "tok_9f8e7d6c5b4a3210"
    let secret = "appsecret-0123456789abcdef"
    let history = HistoryFile(
      url: folder.historyURL,
      environment: ["TCBQ_ACCESS_TOKEN": token, "TCBQ_COMPONENT_APPSECRET": secret])
    try history.save(adding: [
      "select * from envs;",
      "select '\(token)';",
      "select 1 -- \(secret)",
      "https://api.weixin.qq.com/x?access_token=abc",
    ])
    #expect(history.load() == ["select * from envs;"])
    let text = try String(contentsOf: folder.historyURL, encoding: .utf8)
    #expect(!text.contains(token) && !text.contains(secret) && !text.contains("access_token"))
  }

  @Test func fileIsPrivateToTheUser() throws {
    let folder = try TemporaryFolder()
    try HistoryFile(url: folder.historyURL, environment: [:]).save(adding: ["select 1;"])
    let attributes = try FileManager.default.attributesOfItem(atPath: folder.historyURL.path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
  }

  @Test func defaultLocationFollowsTheEnvironment() {
    #expect(
      HistoryFile.defaultURL(environment: ["TCBQ_HISTORY": "/x/h", "XDG_STATE_HOME": "/s"])?.path
        == "/x/h")
    #expect(HistoryFile.defaultURL(environment: ["TCBQ_HISTORY": ""]) == nil)
    #expect(
      HistoryFile.defaultURL(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])?.path
        == "/s/tcbq/history")
    #expect(
      HistoryFile.defaultURL(environment: ["HOME": "/h"])?.path == "/h/.local/state/tcbq/history")
  }
}

/// Errors collected from several threads.
private final class Failures: @unchecked Sendable {
  private let lock = NSLock()
  private var errors: [any Error] = []

  func add(_ error: any Error) {
    lock.lock()
    errors.append(error)
    lock.unlock()
  }

  var count: Int {
    lock.lock()
    defer { lock.unlock() }
    return errors.count
  }
}
