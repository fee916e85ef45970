import Foundation

/// A private tmux server with one session of a fixed size, for driving the real `tcbq` shell as a
/// user would: keys in with `send-keys`, the screen out with `capture-pane`.
///
/// Each instance has its own server (`tmux -L <unique name>`), so parallel tests never share one,
/// and a private home (HOME, XDG dirs, history, audit log) in a temporary directory. The pane runs
/// `/bin/sh`, so a test can start `tcbq`, leave it and run `stty -a` in the same terminal.
/// ``stop()`` (also called on deinit) kills the server and with it everything in the pane.
final class TmuxSession: @unchecked Sendable {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// The prompt of the pane's `/bin/sh`.
  static let shellPrompt = "sh-ready$ "
  static let width = 120
  static let height = 40

  /// The private home; the history file and audit log live here.
  let home: URL
  let socketName: String
  private let tmux: URL
  private let lock = NSLock()
  private var stopped = false
  private var server: Process?

  var historyFile: URL { home.appendingPathComponent("state/tcbq/history") }
  var auditLog: URL { home.appendingPathComponent("state/tcbq/audit.log") }
  var configDirectory: URL { home.appendingPathComponent("config/tcbq") }

  /// Starts a server and a `width`×`height` session whose pane runs `/bin/sh` in a fresh private
  /// home, with `environment` added (e.g. TCBQ_HISTORY to share a history between two sessions).
  /// Waits for the shell's prompt.
  static func start(environment extra: [String: String] = [:]) async throws -> TmuxSession {
    guard let tmux = TestBinaries.onPath("tmux") else {
      throw Failure(description: "tmux is not installed (not on PATH): the terminal tests need it")
    }
    let home = FileManager.default.temporaryDirectory
      .appendingPathComponent("tcbq-tmux-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(
      at: home.appendingPathComponent("state/tcbq"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      at: home.appendingPathComponent("config/tcbq"), withIntermediateDirectories: true)
    removeServersOfDeadTestRuns(tmux: tmux)
    let session = TmuxSession(
      tmux: tmux, home: home,
      socketName: "\(socketPrefix)\(getpid())-\(UUID().uuidString.prefix(8))")

    var environment = ProcessInfo.processInfo.environment.filter {
      !$0.key.hasPrefix("TCBQ_") && !$0.key.hasPrefix("TMUX") && !$0.key.hasPrefix("LC_")
        && !["NO_COLOR", "PAGER", "LESS", "BASH_ENV", "PS1"].contains($0.key)
    }
    environment["HOME"] = home.path
    environment["XDG_CONFIG_HOME"] = home.appendingPathComponent("config").path
    environment["XDG_STATE_HOME"] = home.appendingPathComponent("state").path
    environment["TCBQ_HISTORY"] = session.historyFile.path
    environment["TCBQ_AUDIT_LOG"] = session.auditLog.path
    environment["LANG"] = "C.UTF-8"
    environment["LC_ALL"] = "C.UTF-8"
    environment["TERM"] = "xterm-256color"
    environment["PAGER"] = "cat"
    environment["NO_COLOR"] = "1"
    // dash takes no PS1 from the environment when run as root, but reads $ENV when interactive.
    let startup = home.appendingPathComponent("shrc")
    try "PS1='\(shellPrompt)'\n".write(to: startup, atomically: true, encoding: .utf8)
    environment["ENV"] = startup.path
    environment.merge(extra) { $1 }

    try session.startServer(environment: environment)
    // The scrollback is set before the pane exists, large enough for every test's output.
    let created = await session.retry {
      try session.tmuxCommand(
        [
          "set-option", "-g", "history-limit", "5000", ";",
          "new-session", "-d", "-s", "main", "-x", String(width), "-y", String(height),
          "-c", home.path, "/bin/sh",
        ], environment: environment)
    }
    guard created else {
      session.stop()
      throw Failure(description: "could not start a tmux session")
    }
    guard await session.waitForScreen(containing: shellPrompt) else {
      session.stop()
      throw Failure(description: "the shell in tmux did not start:\n\(session.screen())")
    }
    return session
  }

  /// Socket names are `tcbq-test-<pid of the test process>-<random>`.
  static let socketPrefix = "tcbq-test-"

  /// Where `tmux -L` puts its sockets.
  static var socketFolder: URL {
    URL(fileURLWithPath: ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp")
      .appendingPathComponent("tmux-\(getuid())")
  }

  /// A test process that was killed (e.g. by a timeout) could not stop its servers: stop those
  /// whose test process is gone, so no run leaves them behind for long.
  private static func removeServersOfDeadTestRuns(tmux: URL) {
    let folder = socketFolder
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    for name in names where name.hasPrefix(socketPrefix) {
      let pidText = name.dropFirst(socketPrefix.count).prefix { $0 != "-" }
      guard let pid = Int32(pidText), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else {
        continue
      }
      let process = Process()
      process.executableURL = tmux
      process.arguments = ["-L", name, "-N", "kill-server"]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      process.standardInput = FileHandle.nullDevice
      guard (try? process.run()) != nil else { continue }
      process.waitUntilExit()
      try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
    }
  }

  /// Runs the server in the foreground (`-D`) as this process's child. A server that daemonizes
  /// itself would inherit the descriptor through which Foundation learns that its client has
  /// exited, and the client would never be seen to end.
  private func startServer(environment: [String: String]) throws {
    let process = Process()
    process.executableURL = tmux
    process.arguments = ["-L", socketName, "-u", "-f", "/dev/null", "-D"]
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    server = process
  }

  /// Calls `body` every 50 ms until it does not throw, for at most `timeout`.
  private func retry(timeout: Duration = .seconds(10), _ body: () throws -> Void) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while true {
      if (try? body()) != nil { return true }
      if ContinuousClock.now >= deadline { return false }
      try? await Task.sleep(for: .milliseconds(50))
    }
  }

  private init(tmux: URL, home: URL, socketName: String) {
    self.tmux = tmux
    self.home = home
    self.socketName = socketName
  }

  deinit {
    stop()
  }

  // MARK: keys

  /// Types `text` literally (`send-keys -l`). A final `;` is escaped, since tmux takes a bare
  /// trailing `;` as a command separator.
  func type(_ text: String) {
    var literal = text
    if literal.hasSuffix(";") { literal = String(literal.dropLast()) + "\\;" }
    _ = try? tmuxCommand(["send-keys", "-t", "main", "-l", "--", literal])
  }

  /// Presses keys by tmux name: `Enter`, `Tab`, `C-a`, `Left`, `BSpace`, `M-BSpace`, `Up`, …
  func press(_ keys: String...) {
    _ = try? tmuxCommand(["send-keys", "-t", "main"] + keys)
  }

  /// Types `text` and presses Enter.
  func typeLine(_ text: String) {
    type(text)
    press("Enter")
  }

  // MARK: screen

  /// The pane's text: the scrollback and the visible screen, wrapped lines joined, trailing
  /// blank lines dropped.
  func screen() -> String {
    let text = (try? tmuxCommand(["capture-pane", "-p", "-J", "-S", "-", "-t", "main"])) ?? ""
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      Self.trimmingTrailingSpaces(String($0))
    }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines.joined(separator: "\n")
  }

  /// The last line of the screen that is not blank (where the cursor's line usually is).
  func lastLine() -> String {
    screen().split(separator: "\n").last.map(String.init) ?? ""
  }

  /// How often `text` occurs on the screen (scrollback included). Trailing spaces of `text` are
  /// ignored, as they are on the screen (a prompt `tcbq(sandbox)> ` on an empty line shows as
  /// `tcbq(sandbox)>`).
  func count(of text: String) -> Int {
    screen().components(separatedBy: Self.trimmingTrailingSpaces(text)).count - 1
  }

  static func trimmingTrailingSpaces(_ text: String) -> String {
    String(text.reversed().drop { $0 == " " }.reversed())
  }

  /// Polls the screen every 50 ms until `condition` holds, for at most `timeout`.
  func waitUntil(
    timeout: Duration = .seconds(10), _ condition: (_ screen: String) -> Bool
  ) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while true {
      if condition(screen()) { return true }
      if ContinuousClock.now >= deadline { return false }
      try? await Task.sleep(for: .milliseconds(50))
    }
  }

  /// Waits until `text` is on the screen (scrollback included).
  func waitForScreen(containing text: String, timeout: Duration = .seconds(10)) async -> Bool {
    await waitUntil(timeout: timeout) { $0.contains(Self.trimmingTrailingSpaces(text)) }
  }

  /// Waits until `text` occurs at least `count` times on the screen.
  func waitForScreen(
    containing text: String, count: Int, timeout: Duration = .seconds(10)
  ) async -> Bool {
    let needle = Self.trimmingTrailingSpaces(text)
    return await waitUntil(timeout: timeout) {
      $0.components(separatedBy: needle).count - 1 >= count
    }
  }

  /// Waits until the last non-blank line is exactly `line` (trailing spaces ignored).
  func waitForLastLine(_ line: String, timeout: Duration = .seconds(10)) async -> Bool {
    let wanted = Self.trimmingTrailingSpaces(line)
    return await waitUntil(timeout: timeout) { _ in lastLine() == wanted }
  }

  // MARK: lifetime

  /// Kills the server and everything running in it; removes the private home. Idempotent.
  func stop() {
    lock.lock()
    defer { lock.unlock() }
    guard !stopped else { return }
    stopped = true
    _ = try? tmuxCommand(["kill-server"])
    if let server {
      // Bounded: kill-server ends it at once; SIGTERM, then SIGKILL, should it not.
      for attempt in 0..<100 where server.isRunning {
        if attempt == 60 { server.terminate() }
        if attempt == 90 { kill(server.processIdentifier, SIGKILL) }
        usleep(50_000)
      }
    }
    try? FileManager.default.removeItem(at: home)
    // A foreground (-D) server leaves its socket file behind.
    try? FileManager.default.removeItem(at: Self.socketFolder.appendingPathComponent(socketName))
  }

  /// Whether the server still answers.
  var isServerRunning: Bool {
    (try? tmuxCommand(["has-session", "-t", "main"])) != nil
  }

  /// Runs `tmux -L <socket> <arguments>` and returns its standard output; throws when it fails.
  @discardableResult
  func tmuxCommand(
    _ arguments: [String], environment: [String: String]? = nil
  ) throws -> String {
    let process = Process()
    process.executableURL = tmux
    process.arguments = ["-L", socketName, "-u", "-f", "/dev/null", "-N"] + arguments
    if let environment { process.environment = environment }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    try? output.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw Failure(
        description: "tmux \(arguments.first ?? "") failed (\(process.terminationStatus))")
    }
    return String(decoding: data, as: UTF8.self)
  }
}
