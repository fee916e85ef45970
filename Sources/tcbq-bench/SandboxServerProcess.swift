import Foundation

/// A `tcbq-sandbox` child process serving the generated dataset over loopback HTTP.
final class SandboxServerProcess {
  let process = Process()
  /// `http://127.0.0.1:PORT`, as the server announced it.
  private(set) var endpoint = ""

  /// Starts the server and waits (at most `startupTimeout` seconds) for its
  /// `tcbq-sandbox listening on URL` line.
  init(executable: String, arguments: [String], startupTimeout: Double = 300) throws {
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(startupTimeout)
    var buffer = Data()
    let handle = out.fileHandleForReading
    while Date() < deadline {
      let chunk = handle.availableData
      if chunk.isEmpty { break }
      buffer.append(chunk)
      let text = String(decoding: buffer, as: UTF8.self)
      if let range = text.range(of: "listening on ") {
        let rest = text[range.upperBound...]
        if let end = rest.firstIndex(of: "\n") {
          endpoint = String(rest[..<end]).trimmingCharacters(in: .whitespaces)
          return
        }
      }
    }
    process.terminate()
    throw BenchError("tcbq-sandbox did not announce its address")
  }

  /// Stops the server (SIGTERM) and waits for it.
  func stop() {
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
    }
  }
}
