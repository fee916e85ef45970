import Foundation
import TCBQQuery
import TCBQRender

/// Where results go and how they look: `--format`/`.mode`, `--no-header`/`.headers`,
/// `-o`/`.output`, `.once`, and on a terminal `.maxrows`, the pager and the width note.
struct OutputTarget {
  var options: RenderOptions
  /// The file results go to, or nil for standard output.
  private(set) var path: String?
  private var sink: FileDescriptorSink = .standardOutput
  /// The file of `.once`: the next result goes there alone, then it is closed.
  private var once: (path: String, sink: FileDescriptorSink)?

  /// On a terminal, a result taller than this shows its first rows and a line saying how many
  /// more (`.maxrows`); 0 shows all. Never applied to files or to csv, tsv, json and jsonl.
  var maxRows = Self.defaultMaxRows
  static let defaultMaxRows = 1_000

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
    self.path = path
    sink = try Self.open(path)
  }

  /// Sends the next result alone to `path`, opened (and truncated) now.
  mutating func redirectOnce(to path: String) throws(OutputOpenError) {
    closeOnce()
    once = (path, try Self.open(path))
  }

  /// The file `.once` holds open for the next result, if any.
  var oncePath: String? { once?.path }

  mutating func closeFile() {
    if path != nil { close(sink.fileDescriptor) }
    closeOnce()
  }

  private mutating func closeOnce() {
    if let once { close(once.sink.fileDescriptor) }
    once = nil
  }

  private static func open(_ path: String) throws(OutputOpenError) -> FileDescriptorSink {
    let fd = Foundation.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw OutputOpenError(path: path, reason: String(cString: strerror(errno)))
    }
    return FileDescriptorSink(fileDescriptor: fd)
  }

  /// Whether results go to a terminal (colour, pager, `.maxrows`).
  var isTerminal: Bool { once == nil && path == nil && Console.isTerminal(1) }

  /// Text that is a result but not rows (`.schema`).
  mutating func writeText(_ text: String) throws {
    if var file = once?.sink {
      defer { closeOnce() }
      return try file.write(Array(text.utf8))
    }
    try sink.write(Array(text.utf8))
  }

  /// Writes `result`; returns notes for standard error (a result wider than the terminal).
  @discardableResult
  mutating func write(_ result: ResultSet) throws -> [String] {
    var options = self.options
    guard isTerminal else {
      options.color = false
      if var file = once?.sink {
        defer { closeOnce() }
        try render(result, options: options, to: &file)
      } else {
        try render(result, options: options, to: &sink)
      }
      return []
    }
    options.maxRows = maxRows == 0 ? nil : maxRows
    var buffer = BytesSink()
    try render(result, options: options, to: &buffer)
    let size = TerminalSize.ofStandardOutput()
    let notes = size.map { widthNotes(buffer.bytes, columns: $0.columns) } ?? []
    if let environment = pagerEnvironment, let rows = size?.rows {
      let lines = buffer.bytes.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
      if lines >= rows - 1, Pager.show(buffer.bytes, environment: environment) { return notes }
    }
    try sink.write(buffer.bytes)
    return notes
  }

  /// In table and box mode, a note when the rows are wider than the terminal.
  private func widthNotes(_ bytes: [UInt8], columns: Int) -> [String] {
    guard options.format == .table || options.format == .box else { return [] }
    // A border or rule line (no colour escapes) is as wide as every row.
    let width =
      bytes.split(separator: 0x0A, maxSplits: 3).prefix(3)
      .filter { !$0.contains(0x1B) }
      .map { DisplayWidth.of(String(decoding: $0, as: UTF8.self)) }.max() ?? 0
    guard width > columns else { return [] }
    return [
      "note: the result is \(width) columns wide and the terminal \(columns); .mode line shows one column a line"
    ]
  }
}

/// The size of the terminal standard output is, if it is one.
struct TerminalSize {
  var rows: Int
  var columns: Int

  static func ofStandardOutput() -> TerminalSize? {
    var size = winsize()
    guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 else {
      return nil
    }
    return TerminalSize(rows: Int(size.ws_row), columns: Int(size.ws_col))
  }
}

struct OutputOpenError: Error, CustomStringConvertible {
  var path: String
  var reason: String
  var description: String { "cannot write \(path): \(reason)" }
}
