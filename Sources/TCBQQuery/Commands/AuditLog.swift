import Foundation
import TCBQCore

/// Appends one JSON line per write sent: time, endpoint, env, appids, errcode, per-pair errors,
/// and the outcome. Never the token (it is not known here).
public struct AuditLog: Sendable {
  public var url: URL?

  public init(url: URL?) { self.url = url }

  public struct Entry: Sendable, Codable, Equatable {
    public var time: String
    public var endpoint: String
    public var env: String
    public var appids: [String]
    /// `sent`, or `unknown` when the answer never arrived and the write may or may not have
    /// been applied.
    public var outcome: String
    public var errcode: Int64?
    public var errmsg: String?
    public var rid: String?
    public var errors: [PairError]

    public struct PairError: Sendable, Codable, Equatable {
      public var appid: String
      public var env: String?
      public var errmsg: String
    }
  }

  /// Appends `entry`; a failure to write is reported, never silently dropped.
  public func append(_ entry: Entry) throws {
    guard let url else { return }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var line = try encoder.encode(entry)
    line.append(0x0A)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o700])
    let fd = open(url.path, O_WRONLY | O_APPEND | O_CREAT, 0o600)
    guard fd >= 0 else {
      throw AuditLogError(path: url.path, reason: String(cString: strerror(errno)))
    }
    defer { close(fd) }
    let written = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    if written != line.count {
      throw AuditLogError(path: url.path, reason: String(cString: strerror(errno)))
    }
  }

  static func timestamp(_ date: Date = Date()) -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return f.string(from: date)
  }
}

public struct AuditLogError: Error, Sendable, CustomStringConvertible {
  public var path: String
  public var reason: String
  public var description: String { "cannot append to the audit log \(path): \(reason)" }
}
