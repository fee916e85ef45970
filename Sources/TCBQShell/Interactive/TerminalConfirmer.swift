import Foundation
import TCBQQuery

/// The write dialog of the interactive shell: shows the exact pairs and whether each exists now,
/// then asks `[y/N]` on the terminal. Anything but `y`/`yes` — including Enter, end of input and
/// Ctrl-C — is no.
struct TerminalConfirmer: WriteConfirmer {
  var console: Console

  func confirm(_ proposal: WriteProposal) async -> Bool {
    let count = proposal.appids.count
    let what =
      proposal.kind == .share
      ? "share \(proposal.env) with \(count) mini program\(count == 1 ? "" : "s")"
      : "unshare \(proposal.env) from \(count) mini program\(count == 1 ? "" : "s")"
    var text = "About to \(what):\n"
    text += proposal.pairLines.joined(separator: "\n") + "\n"
    text += "Send \(proposal.kind.path) now? [y/N] "
    Console.writeError(text)
    guard let answer = Self.readAnswer() else {
      Console.writeError("\n")
      return false
    }
    let word = answer.trimmingCharacters(in: .whitespaces).lowercased()
    return word == "y" || word == "yes"
  }

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
