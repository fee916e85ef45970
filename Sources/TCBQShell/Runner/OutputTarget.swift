import Foundation
import TCBQQuery
import TCBQRender

/// Where results go and how they look: `--format`/`.mode`, `--no-header`/`.headers`,
/// `-o`/`.output`.
struct OutputTarget {
  var options: RenderOptions
  /// The file results go to, or nil for standard output.
  private(set) var path: String?
  private var sink: FileDescriptorSink = .standardOutput

  /// Page results taller than the terminal (the interactive shell sets it).
  var pagerEnvironment: [String: String]?

  init(options: RenderOptions) { self.options = options }

  /// Sends results to `path` (truncating it), or back to standard output when nil.
  mutating func redirect(to path: String?) throws(OutputOpenError) {
    closeFile()
    guard let path, path != "-", path != "stdout" else {
      self.path = nil
      sink = .standardOutput
      return
    }
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw OutputOpenError(path: path, reason: String(cString: strerror(errno)))
    }
    self.path = path
    sink = FileDescriptorSink(fileDescriptor: fd)
  }

  mutating func closeFile() {
    if path != nil { close(sink.fileDescriptor) }
  }

  /// Whether results go to a terminal (colour, pager).
  var isTerminal: Bool { path == nil && Console.isTerminal(1) }

  /// Text that is a result but not rows (`.schema`).
  mutating func writeText(_ text: String) throws {
    try sink.write(Array(text.utf8))
  }

  mutating func write(_ result: ResultSet) throws {
    var options = self.options
    options.color = options.color && isTerminal
    if let environment = pagerEnvironment, isTerminal, let rows = Pager.terminalRows() {
      var buffer = BytesSink()
      try render(result, options: options, to: &buffer)
      let lines = buffer.bytes.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
      if lines >= rows - 1, Pager.show(buffer.bytes, environment: environment) { return }
      try sink.write(buffer.bytes)
      return
    }
    try render(result, options: options, to: &sink)
  }
}

struct OutputOpenError: Error, CustomStringConvertible {
  var path: String
  var reason: String
  var description: String { "cannot write \(path): \(reason)" }
}
