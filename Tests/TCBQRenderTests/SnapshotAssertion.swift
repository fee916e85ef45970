import Foundation
import Testing

/// Compares `actual` with the golden file `Snapshots/<name>`; with `TCBQ_RECORD_SNAPSHOTS=1` in
/// the environment, writes the file instead (and the test passes).
func assertSnapshot(
  _ actual: String, named name: String, filePath: String = #filePath,
  sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    .appendingPathComponent("Snapshots")
  let file = folder.appendingPathComponent(name)
  if ProcessInfo.processInfo.environment["TCBQ_RECORD_SNAPSHOTS"] == "1" {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data(actual.utf8).write(to: file)
    return
  }
  let expectedData: Data
  if let data = FileManager.default.contents(atPath: file.path) {
    expectedData = data
  } else if let bundled = Bundle.module.url(
    forResource: name, withExtension: nil, subdirectory: "Snapshots"),
    let data = try? Data(contentsOf: bundled)
  {
    expectedData = data
  } else {
    Issue.record(
      "no snapshot \(name); run with TCBQ_RECORD_SNAPSHOTS=1 to record it",
      sourceLocation: sourceLocation)
    return
  }
  let expected = String(decoding: expectedData, as: UTF8.self)
  #expect(
    actual == expected, "output differs from Snapshots/\(name)", sourceLocation: sourceLocation)
}
