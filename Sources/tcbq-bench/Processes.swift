import Foundation
import TCBQCore

/// What a finished child process gave.
struct ProcessOutcome {
  var status: Int32
  var standardOutput: String
  var standardError: String
  /// Wall time from launch to exit, on the monotonic clock.
  var seconds: Double
}

/// Runs public tools (sqlite3, python3, /usr/bin/time, the built binaries) as child processes.
enum Processes {
  /// Runs `executable` with `arguments`, feeding `input` (a file path) to its standard input.
  /// Throws when it cannot start; a nonzero exit is in the outcome.
  static func run(
    _ executable: String, _ arguments: [String], input: String? = nil,
    environment: [String: String]? = nil
  ) throws -> ProcessOutcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    if let input {
      process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: input))
    } else {
      process.standardInput = FileHandle.nullDevice
    }
    // Drain both pipes while the child runs so a large output cannot block it.
    let outData = Locked(Data()), errData = Locked(Data())
    out.fileHandleForReading.readabilityHandler = { h in
      let d = h.availableData
      outData.withLock { $0.append(d) }
    }
    err.fileHandleForReading.readabilityHandler = { h in
      let d = h.availableData
      errData.withLock { $0.append(d) }
    }
    // Not `waitUntilExit()`: while another child runs (the sandbox server, for W7) it notices
    // the exit only at its next 50 ms poll, which rounded W7 up to the next 50 ms.
    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    let start = DispatchTime.now().uptimeNanoseconds
    try process.run()
    exited.wait()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    out.fileHandleForReading.readabilityHandler = nil
    err.fileHandleForReading.readabilityHandler = nil
    outData.withLock { $0.append(out.fileHandleForReading.readDataToEndOfFile()) }
    errData.withLock { $0.append(err.fileHandleForReading.readDataToEndOfFile()) }
    return ProcessOutcome(
      status: process.terminationStatus,
      standardOutput: String(decoding: outData.withLock { $0 }, as: UTF8.self),
      standardError: String(decoding: errData.withLock { $0 }, as: UTF8.self), seconds: seconds)
  }

  /// The full path of `tool` on PATH.
  static func which(_ tool: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":") {
      let candidate = "\(dir)/\(tool)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}

/// A failure of the benchmark itself (a tool missing or failing).
struct BenchError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
