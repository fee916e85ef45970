import Foundation

/// A running `tcbq-sandbox` binary on 127.0.0.1, for integration tests.
///
/// Started with `--port 0` and a `--lifetime` safety net, so no server outlives a test run even if
/// the test crashes; `stop()` (also called on deinit) sends SIGTERM and waits.
final class SandboxProcess: @unchecked Sendable {
  struct StartFailure: Error, CustomStringConvertible {
    var description: String
  }

  let port: Int
  /// `http://127.0.0.1:PORT`
  var baseURL: String { "http://127.0.0.1:\(port)" }
  private let process: Process
  private let lock = NSLock()
  private var stopped = false

  private init(process: Process, port: Int) {
    self.process = process
    self.port = port
  }

  /// Launches the sandbox with `arguments` and waits (up to `startTimeout`) for its
  /// `tcbq-sandbox listening on http://127.0.0.1:PORT` line.
  static func start(
    _ arguments: [String] = [], lifetime: Int = 180, startTimeout: Duration = .seconds(60)
  ) async throws -> SandboxProcess {
    let process = Process()
    process.executableURL = try TestBinaries.url(named: "tcbq-sandbox")
    var all = ["--port", "0"] + arguments
    if !arguments.contains("--lifetime") { all += ["--lifetime", String(lifetime)] }
    process.arguments = all
    // Plain blocking reads on a thread of their own: no dispatch sources, which on Linux can
    // outlive the pipe's descriptors and crash when the process ends.
    let output = Pipe()
    let errorLog = FileManager.default.temporaryDirectory
      .appendingPathComponent("tcbq-sandbox-\(UUID().uuidString).stderr")
    _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
    let errorHandle = try FileHandle(forWritingTo: errorLog)
    defer { try? errorHandle.close() }
    process.standardOutput = output
    process.standardError = errorHandle
    process.standardInput = FileHandle.nullDevice

    let waiter = LineWaiter()
    let reader = Thread {
      let handle = output.fileHandleForReading
      while true {
        let chunk = handle.availableData
        if chunk.isEmpty { break }
        waiter.append(chunk)
      }
      let message = (try? String(contentsOf: errorLog, encoding: .utf8)) ?? ""
      try? FileManager.default.removeItem(at: errorLog)
      waiter.finish(.failure(StartFailure(description: "tcbq-sandbox exited: \(message)")))
    }
    try process.run()
    reader.start()
    let timeout = Task {
      try await Task.sleep(for: startTimeout)
      waiter.finish(.failure(StartFailure(description: "tcbq-sandbox did not start in time")))
    }
    defer { timeout.cancel() }
    do {
      let line = try await waiter.line()
      let prefix = "tcbq-sandbox listening on http://127.0.0.1:"
      guard line.hasPrefix(prefix), let port = Int(line.dropFirst(prefix.count)) else {
        throw StartFailure(description: "unexpected first line: \(line)")
      }
      return SandboxProcess(process: process, port: port)
    } catch {
      if process.isRunning { process.terminate() }
      throw error
    }
  }

  /// Whether the process still runs.
  var isRunning: Bool { process.isRunning }

  /// Stops the server with `signal` and waits for the exit; returns the exit status. SIGTERM
  /// (the default) lets it finish the requests in flight, SIGKILL does not wait for them (a test
  /// that left a request sleeping in `--latency-ms`).
  @discardableResult
  func stop(signal: Int32 = SIGTERM) -> Int32 {
    lock.lock()
    defer { lock.unlock() }
    if !stopped {
      stopped = true
      if process.isRunning { kill(process.processIdentifier, signal) }
      process.waitUntilExit()
    }
    return process.terminationStatus
  }

  /// Waits for the process to exit by itself (e.g. `--lifetime`), up to `timeout`.
  func waitForExit(timeout: Duration) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while process.isRunning, ContinuousClock.now < deadline {
      try? await Task.sleep(for: .milliseconds(50))
    }
    return !process.isRunning
  }

  deinit {
    stop()
  }
}

/// Collects output until the first newline and hands that line to one waiter.
private final class LineWaiter: @unchecked Sendable {
  private let lock = NSLock()
  private var buffer = Data()
  private var result: Result<String, any Error>?
  private var continuation: CheckedContinuation<String, any Error>?

  func append(_ data: Data) {
    lock.lock()
    if result != nil {
      lock.unlock()
      return
    }
    buffer.append(data)
    let newline = buffer.firstIndex(of: UInt8(ascii: "\n"))
    lock.unlock()
    if let newline {
      let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
      finish(.success(line))
    }
  }

  func finish(_ outcome: Result<String, any Error>) {
    lock.lock()
    guard result == nil else {
      lock.unlock()
      return
    }
    result = outcome
    let waiting = continuation
    continuation = nil
    lock.unlock()
    waiting?.resume(with: outcome)
  }

  func line() async throws -> String {
    try await withCheckedThrowingContinuation { continuation in
      lock.lock()
      if let result {
        lock.unlock()
        continuation.resume(with: result)
      } else {
        self.continuation = continuation
        lock.unlock()
      }
    }
  }
}
