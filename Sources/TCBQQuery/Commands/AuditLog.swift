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
    /// A call of several envs: each env with its appids (`env` and `appids` then list them all).
    public var data: [Group]?
    /// The statement as written (`:NAME` variables as typed, not their values).
    public var statement: String?

    public struct Group: Sendable, Codable, Equatable {
      public var env: String
      public var appids: [String]
    }

    public struct PairError: Sendable, Codable, Equatable {
      public var appid: String
      public var env: String?
      public var errmsg: String
    }
  }

  /// Appends `entry` as one line at the end of the file (`O_APPEND`); a failure to write is
  /// reported, never silently dropped.
  public func append(_ entry: Entry) throws {
    guard let url else { return }
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o700])
    let fd = open(url.path, O_WRONLY | O_APPEND | O_CREAT, 0o600)
    guard fd >= 0 else {
      throw AuditLogError(path: url.path, reason: String(cString: strerror(errno)))
    }
    defer { close(fd) }
    if let failure = writeAll(fd: fd, bytes: Self.line(entry)) {
      throw AuditLogError(path: url.path, reason: String(cString: strerror(failure)))
    }
  }

  /// `entry` as its line: a JSON object with the keys in alphabetical order, absent values left
  /// out, and a newline.
  static func line(_ entry: Entry) -> [UInt8] {
    var writer = JSONWriter(reservingCapacity: 256)
    writer.beginObject()
    writer.key("appids")
    writer.beginArray()
    for appid in entry.appids { writer.string(appid) }
    writer.endArray()
    if let data = entry.data {
      writer.key("data")
      writer.beginArray()
      for group in data {
        writer.beginObject()
        writer.key("appids")
        writer.beginArray()
        for appid in group.appids { writer.string(appid) }
        writer.endArray()
        writer.member("env", group.env)
        writer.endObject()
      }
      writer.endArray()
    }
    writer.member("endpoint", entry.endpoint)
    writer.member("env", entry.env)
    writer.member("errcode", entry.errcode)
    writer.member("errmsg", entry.errmsg)
    writer.key("errors")
    writer.beginArray()
    for error in entry.errors {
      writer.beginObject()
      writer.member("appid", error.appid)
      writer.member("env", error.env)
      writer.member("errmsg", error.errmsg)
      writer.endObject()
    }
    writer.endArray()
    writer.member("outcome", entry.outcome)
    writer.member("rid", entry.rid)
    writer.member("statement", entry.statement)
    writer.member("time", entry.time)
    writer.endObject()
    writer.bytes.append(0x0A)
    return writer.bytes
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
