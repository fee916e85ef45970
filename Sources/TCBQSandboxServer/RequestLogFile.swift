import Foundation
import TCBQCore
import TCBQSandbox

/// Appends each request record to a file as one JSON line. Never holds a token.
final class RequestLogFile: Sendable {
  private let handle: Locked<FileHandle>

  /// Creates (or empties) the file at `path`.
  init(path: String) throws {
    guard FileManager.default.createFile(atPath: path, contents: nil) else {
      throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
    }
    handle = Locked(try FileHandle(forWritingTo: URL(fileURLWithPath: path)))
  }

  func append(_ record: SandboxRequestRecord) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard var line = try? encoder.encode(record) else { return }
    line.append(UInt8(ascii: "\n"))
    handle.withLock { try? $0.write(contentsOf: line) }
  }

  deinit {
    handle.withLock { try? $0.close() }
  }
}
