import Foundation

/// Shows text taller than the terminal through `PAGER` (default `less -FRSX`).
enum Pager {
  /// Pipes `bytes` into the pager; false when it could not be started (the caller prints).
  static func show(_ bytes: [UInt8], environment: [String: String]) -> Bool {
    let command = environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less -FRSX"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    var env = environment
    if env["LESS"] == nil { env["LESS"] = "FRSX" }
    process.environment = env
    let pipe = Pipe()
    process.standardInput = pipe
    do {
      try process.run()
    } catch {
      return false
    }
    // Foundation starts the child in a process group of its own: under a shell with job control
    // it would stop (SIGTTIN) on reading the terminal. Hand it the terminal, and take it back.
    let terminal = handOverTerminal(to: process.processIdentifier)
    defer { if terminal { takeBackTerminal() } }
    // A pager that quits early closes the pipe: ignore SIGPIPE while writing.
    let previous = signal(SIGPIPE, SIG_IGN)
    try? pipe.fileHandleForWriting.write(contentsOf: Data(bytes))
    try? pipe.fileHandleForWriting.close()
    process.waitUntilExit()
    signal(SIGPIPE, previous)
    return true
  }

  /// Makes `pid`'s group the terminal's foreground group and lets it run; false when standard
  /// input is no terminal of ours.
  private static func handOverTerminal(to pid: Int32) -> Bool {
    guard isatty(0) == 1, tcgetpgrp(0) == getpgrp() else { return false }
    let previous = signal(SIGTTOU, SIG_IGN)
    defer { signal(SIGTTOU, previous) }
    guard tcsetpgrp(0, pid) == 0 else { return false }
    kill(-pid, SIGCONT)
    return true
  }

  /// Makes tcbq's group the foreground group again (from the background: SIGTTOU ignored).
  private static func takeBackTerminal() {
    let previous = signal(SIGTTOU, SIG_IGN)
    _ = tcsetpgrp(0, getpgrp())
    signal(SIGTTOU, previous)
  }
}
