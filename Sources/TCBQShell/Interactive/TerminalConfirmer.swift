import Foundation
import TCBQQuery

/// The write dialog of the interactive shell: shows the count and the exact pairs (through the
/// pager when they are taller than the terminal) and whether each exists now, then asks
/// `[y/N]` — or, for a write over `--max-writes`, for the number of pairs to be typed. Anything
/// else, including Enter, end of input and Ctrl-C, is no.
struct TerminalConfirmer: WriteConfirmer {
  var console: Console
  /// For the pager (`PAGER`, `LESS`).
  var environment: [String: String] = [:]

  var isInteractive: Bool { true }

  func confirm(_ proposal: WriteProposal, typingCount: Bool) async -> Bool {
    let send = proposal.toSend.count
    let kind = proposal.kind
    var header = "About to \(kind.rawValue) \(Self.pairs(proposal.pairs.count)):"
    if proposal.envs.count == 1, let env = proposal.envs.first {
      header =
        "About to \(kind.rawValue) \(env) \(kind.preposition) \(Self.apps(proposal.pairs.count)):"
    }
    let lines = [header] + proposal.pairLines
    show(lines)
    var question = ""
    let unchanged = proposal.unchanged.count
    if unchanged > 0 {
      question +=
        "\(Self.pairs(unchanged)) would change nothing and \(unchanged == 1 ? "is" : "are") not sent. "
    }
    if typingCount {
      question +=
        "That is \(Self.pairs(send)) to send, more than --max-writes allows. "
        + "Type \(send) to send them to \(kind.path), anything else to cancel: "
    } else {
      if unchanged > 0 { question += "\(Self.pairs(send)) to send. " }
      question += "Send \(kind.path) now? [y/N] "
    }
    Console.writeError(question)
    guard let answer = Self.readAnswer() else {
      Console.writeError("\n")
      return false
    }
    let word = answer.trimmingCharacters(in: .whitespaces).lowercased()
    if typingCount { return word == String(send) }
    return word == "y" || word == "yes"
  }

  /// The pairs on standard error, or through the pager when taller than the terminal.
  private func show(_ lines: [String]) {
    let text = lines.joined(separator: "\n") + "\n"
    if let rows = TerminalSize.ofStandardOutput()?.rows, lines.count >= rows - 2,
      Pager.show(Array(text.utf8), environment: environment)
    {
      Console.writeError(lines[0] + " (shown in the pager)\n")
      return
    }
    Console.writeError(text)
  }

  private static func pairs(_ n: Int) -> String { "\(n) pair\(n == 1 ? "" : "s")" }
  private static func apps(_ n: Int) -> String { "\(n) mini program\(n == 1 ? "" : "s")" }

  /// One line from standard input, read byte by byte so nothing beyond it is consumed.
  static func readAnswer() -> String? {
    var bytes: [UInt8] = []
    var byte: UInt8 = 0
    while true {
      let n = read(0, &byte, 1)
      if n < 0 && errno == EINTR { return nil }  // Ctrl-C: no
      if n <= 0 { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
      if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
      if bytes.count < 64 { bytes.append(byte) }
    }
  }
}
