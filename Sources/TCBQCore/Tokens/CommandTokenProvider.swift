import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Gets the token from a command (`token_command` in the config file), as kubectl's exec
/// credentials or aws credential_process: `/bin/sh -c COMMAND`, token = its standard output,
/// trimmed. The token is cached; `refresh` runs the command again. Concurrent callers share one
/// run.
///
/// The command's standard error goes to tcbq's standard error; its standard output is never
/// shown, not even when it fails, since it may hold a secret.
public actor CommandTokenProvider: TokenProvider {
  /// The command line, as written in the config file.
  public nonisolated let command: String
  private let timeout: Duration
  private var cached: String?
  private var running: Task<String, any Error>?
  /// How many times the command ran.
  public private(set) var runCount = 0

  public init(command: String, timeout: Duration = .seconds(30)) {
    self.command = command
    self.timeout = timeout
  }

  public func token() async throws -> String {
    if let cached { return cached }
    return try await run()
  }

  public func refresh(after rejected: String) async throws -> String {
    if let cached, cached != rejected { return cached }
    cached = nil
    return try await run()
  }

  private func run() async throws -> String {
    if let running { return try await running.value }
    let command = self.command
    let timeout = self.timeout
    let task = Task { try await CommandTokenProvider.execute(command, timeout: timeout) }
    running = task
    defer { running = nil }
    let token = try await task.value
    runCount += 1
    cached = token
    return token
  }

  /// Runs `/bin/sh -c command` off the cooperative pool and returns its trimmed standard output.
  private static func execute(_ command: String, timeout: Duration) async throws -> String {
    try await withCheckedThrowingContinuation { continuation in
      DispatchQueue.global().async {
        continuation.resume(with: Result { try executeBlocking(command, timeout: timeout) })
      }
    }
  }

  private static func executeBlocking(_ command: String, timeout: Duration) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    let output = Pipe()
    process.standardOutput = output
    process.standardInput = FileHandle.nullDevice
    do {
      try withSignalsUnblocked { try process.run() }
    } catch {
      throw ClientError.tokenCommandNotRunnable(reason: "\(error.localizedDescription)")
    }
    let watchdog = ProcessWatchdog(process)
    let seconds = Double(milliseconds(timeout)) / 1000
    DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { watchdog.fire() }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    watchdog.disarm()
    if watchdog.fired {
      throw ClientError.tokenCommandTimedOut(seconds: Int(seconds.rounded(.up)))
    }
    guard process.terminationStatus == 0 else {
      throw ClientError.tokenCommandFailed(status: process.terminationStatus)
    }
    let token = String(decoding: data, as: UTF8.self).trimmingCharacters(
      in: .whitespacesAndNewlines)
    guard !token.isEmpty else { throw ClientError.tokenCommandEmptyOutput }
    return token
  }
}

/// Runs `body` (a spawn) with no signal blocked in this thread, so the child starts with an
/// empty signal mask: libdispatch's worker threads block signals, and a child inheriting that
/// mask would ignore Ctrl-C and the watchdog's SIGTERM.
private func withSignalsUnblocked<T>(_ body: () throws -> T) rethrows -> T {
  var empty = sigset_t()
  var saved = sigset_t()
  sigemptyset(&empty)
  pthread_sigmask(SIG_SETMASK, &empty, &saved)
  defer { pthread_sigmask(SIG_SETMASK, &saved, nil) }
  return try body()
}

/// Stops a token command that runs past its timeout. `Process` is not Sendable; this box is the
/// one place it crosses threads, behind a lock.
private final class ProcessWatchdog: @unchecked Sendable {
  private let process: Process
  /// Whether the watchdog may still fire, and whether it did; `process` is used only under it.
  private let state = Locked((armed: true, fired: false))

  init(_ process: Process) {
    self.process = process
  }

  var fired: Bool { state.withLock { $0.fired } }

  func fire() {
    state.withLock { state in
      guard state.armed, process.isRunning else { return }
      state.fired = true
      process.terminate()
      let pid = process.processIdentifier
      DispatchQueue.global().asyncAfter(deadline: .now() + 2) { [self] in
        self.state.withLock { state in
          if state.armed, process.isRunning { kill(pid, SIGKILL) }
        }
      }
    }
  }

  func disarm() {
    state.withLock { $0.armed = false }
  }
}
