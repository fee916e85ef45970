import Foundation
import TCBQCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The shell's history on disk: one entry per line, each a JSON string (so a multi-line
/// statement stays one entry), oldest first, at most `limit` entries, no duplicates (a new entry
/// removes its older copy).
///
/// Saving merges: under an advisory lock on `<file>.lock` it re-reads the file, appends the new
/// entries, trims, and replaces the file atomically (temporary file in the same folder, fsync,
/// rename), so two shells at once both keep their entries. Entries that look like they hold a
/// secret are never written. A missing, unreadable or garbled file reads as what could be
/// decoded of it.
public struct HistoryFile: Sendable {
  /// Where the history lives.
  public let url: URL
  /// The most entries kept.
  public let limit: Int
  /// Values that must never reach the file (the configured token, app secret, ticket).
  let secretValues: [String]

  /// - Parameters:
  ///   - environment: read for the secrets never to save (`TCBQ_ACCESS_TOKEN`,
  ///     `TCBQ_COMPONENT_APPSECRET`, `TCBQ_COMPONENT_VERIFY_TICKET`).
  public init(
    url: URL, limit: Int = 2_000,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) {
    self.url = url
    self.limit = max(1, limit)
    self.secretValues = [
      "TCBQ_ACCESS_TOKEN", "TCBQ_COMPONENT_APPSECRET", "TCBQ_COMPONENT_VERIFY_TICKET",
    ]
    .compactMap { environment[$0] }
    .filter { $0.count >= 6 }
  }

  /// The default place: `$TCBQ_HISTORY`, else `$XDG_STATE_HOME/tcbq/history`, else
  /// `~/.local/state/tcbq/history`. `nil` when `TCBQ_HISTORY` is set but empty (no history).
  public static func defaultURL(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> URL? {
    if let path = environment["TCBQ_HISTORY"] {
      return path.isEmpty ? nil : URL(fileURLWithPath: path)
    }
    let state: URL
    if let path = environment["XDG_STATE_HOME"], path.hasPrefix("/") {
      state = URL(fileURLWithPath: path)
    } else {
      let home = environment["HOME"] ?? NSHomeDirectory()
      state = URL(fileURLWithPath: home).appendingPathComponent(".local/state")
    }
    return state.appendingPathComponent("tcbq").appendingPathComponent("history")
  }

  /// The entries on disk, oldest first. Never fails: what cannot be read or decoded is skipped.
  public func load() -> [String] {
    guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
    let entries = data.split(separator: UInt8(ascii: "\n")).compactMap { line -> String? in
      guard line.first == UInt8(ascii: "\"") else { return nil }
      let value = try? JSONSerialization.jsonObject(with: Data(line), options: .fragmentsAllowed)
      return value as? String
    }
    return Self.merged([], adding: entries, limit: limit)
  }

  /// Adds `entries` to the file, merging with what other shells wrote meanwhile. Entries that
  /// hold a secret are left out.
  public func save(adding entries: [String]) throws {
    let kept = entries.filter { !$0.isEmpty && !isSecret($0) }
    guard !kept.isEmpty else { return }
    let folder = url.deletingLastPathComponent()
    try FileManager.default.createDirectory(
      at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    try withLock {
      let merged = Self.merged(load(), adding: kept, limit: limit)
      try replaceFile(with: Self.encoded(merged))
    }
  }

  /// Whether `entry` looks like it holds a secret: a configured secret's value, or a parameter
  /// such as `access_token=`.
  public func isSecret(_ entry: String) -> Bool {
    let lowered = entry.lowercased()
    let markers = ["access_token=", "appsecret=", "component_appsecret", "verify_ticket="]
    return markers.contains { lowered.contains($0) } || secretValues.contains { entry.contains($0) }
  }

  /// `existing` with `added` appended: each added entry first removes an equal older one; only
  /// the newest `limit` are kept.
  static func merged(_ existing: [String], adding added: [String], limit: Int) -> [String] {
    var entries = existing
    for entry in added {
      entries.removeAll { $0 == entry }
      entries.append(entry)
    }
    return Array(entries.suffix(limit))
  }

  /// The file's bytes: each entry a JSON string on its own line.
  static func encoded(_ entries: [String]) -> Data {
    var bytes: [UInt8] = []
    for entry in entries {
      bytes.appendJSONString(entry)
      bytes.append(UInt8(ascii: "\n"))
    }
    return Data(bytes)
  }

  /// Runs `body` holding an exclusive `flock` on `<file>.lock`, waiting up to about 5 seconds.
  private func withLock(_ body: () throws -> Void) throws {
    let lockPath = url.path + ".lock"
    let descriptor = open(lockPath, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw HistoryFileError(operation: "lock", errno: errno) }
    defer { close(descriptor) }
    var attempts = 0
    while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      attempts += 1
      guard errno == EWOULDBLOCK || errno == EINTR, attempts < 500 else {
        throw HistoryFileError(operation: "lock", errno: errno)
      }
      usleep(10_000)
    }
    defer { flock(descriptor, LOCK_UN) }
    try body()
  }

  /// Writes `data` to a temporary file beside the history, syncs it, and renames it over.
  private func replaceFile(with data: Data) throws {
    let temporary =
      url.deletingLastPathComponent()
      .appendingPathComponent(
        ".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
    let descriptor = open(temporary.path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw HistoryFileError(operation: "write", errno: errno) }
    var failure = data.withUnsafeBytes { writeAll(fd: descriptor, bytes: $0) }
    if failure == nil && fsync(descriptor) != 0 { failure = errno }
    close(descriptor)
    if failure == nil && rename(temporary.path, url.path) != 0 { failure = errno }
    if let failure {
      unlink(temporary.path)
      throw HistoryFileError(operation: "write", errno: failure)
    }
  }
}

/// The history file could not be locked or written.
public struct HistoryFileError: Error, Sendable, CustomStringConvertible {
  public let operation: String
  public let errno: Int32

  public var description: String {
    "cannot \(operation) the history file: \(String(cString: strerror(errno)))"
  }
}
