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
    // A pager that quits early closes the pipe: ignore SIGPIPE while writing.
    let previous = signal(SIGPIPE, SIG_IGN)
    try? pipe.fileHandleForWriting.write(contentsOf: Data(bytes))
    try? pipe.fileHandleForWriting.close()
    process.waitUntilExit()
    signal(SIGPIPE, previous)
    return true
  }
}
