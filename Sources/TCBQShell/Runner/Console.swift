import Foundation
import TCBQCore

/// Standard error, where every message, warning, progress line and prompt goes: standard output
/// carries results only.
public struct Console: Sendable {
  public var colorEnabled: Bool

  public init(colorEnabled: Bool) { self.colorEnabled = colorEnabled }

  /// Whether a file descriptor is a terminal.
  public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

  /// Colour is on for a terminal unless NO_COLOR is set (to anything).
  public static func colorWanted(fd: Int32, environment: [String: String]) -> Bool {
    isTerminal(fd) && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
  }

  public func message(_ text: String) {
    Self.writeError(Self.line(text))
  }

  public func error(_ text: String) {
    Self.writeError(errorText(text))
  }

  /// `error: TEXT` (the label red when colour is on), ending in a newline.
  func errorText(_ text: String) -> String {
    Self.line(colorEnabled ? "\u{1B}[31merror:\u{1B}[0m \(text)" : "error: \(text)")
  }

  private static func line(_ text: String) -> String {
    text.hasSuffix("\n") ? text : text + "\n"
  }

  public func warning(_ text: String) {
    message(colorEnabled ? "\u{1B}[33mwarning:\u{1B}[0m \(text)" : "warning: \(text)")
  }

  public static func writeError(_ text: String) {
    writeAll(fd: 2, bytes: Array(text.utf8))
  }
}
