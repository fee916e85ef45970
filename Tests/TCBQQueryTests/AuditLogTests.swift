import Foundation
import Testing

@testable import TCBQQuery

@Suite struct AuditLogTests {
  static let entries: [AuditLog.Entry] = [
    .init(
      time: "2026-01-02T03:04:05.678Z", endpoint: "/componenttcb/batchshareenv", env: "prod-a",
      appids: ["wxA", "wxB"], outcome: "sent", errcode: 0, errmsg: "ok", rid: "r-1",
      errors: [
        .init(appid: "wxB", env: "prod-a", errmsg: "invalid appid \"wxB\"\n中文"),
        .init(appid: "wxC", env: nil, errmsg: "tab\there \\ back/slash"),
      ]),
    .init(
      time: "2026-01-02T03:04:05.678Z", endpoint: "/componenttcb/batchunshareenv", env: "prod-b",
      appids: [], outcome: "unknown", errcode: nil, errmsg: nil, rid: nil, errors: []),
  ]

  @Test func lineHasSortedKeysAndLeavesOutAbsentValues() {
    let line = String(decoding: AuditLog.line(Self.entries[1]), as: UTF8.self)
    #expect(
      line
        == #"{"appids":[],"endpoint":"/componenttcb/batchunshareenv","env":"prod-b","errors":[],"#
        + #""outcome":"unknown","time":"2026-01-02T03:04:05.678Z"}"# + "\n")
  }

  /// The line is what `JSONEncoder` with sorted keys wrote before, byte for byte, and decodes
  /// back to the entry.
  @Test(arguments: entries)
  func lineMatchesTheEncodedEntry(entry: AuditLog.Entry) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let line = AuditLog.line(entry)
    #expect(line == Array(try encoder.encode(entry)) + [0x0A])
    #expect(try JSONDecoder().decode(AuditLog.Entry.self, from: Data(line.dropLast())) == entry)
  }

  @Test func appendsOneLinePerWrite() throws {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("audit-\(UUID())/audit.log")
    defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
    let log = AuditLog(url: url)
    for entry in Self.entries { try log.append(entry) }
    let text = try String(contentsOf: url, encoding: .utf8)
    let lines = text.split(separator: "\n").map { Array($0.utf8) + [0x0A] }
    #expect(lines == Self.entries.map(AuditLog.line))
    #expect(text.hasSuffix("\n"))
  }
}
