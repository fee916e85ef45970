import Foundation
import TOMLKit

/// The config file (TOML). Top-level keys are the defaults; `[profiles.NAME]` tables override
/// them for `--profile NAME`.
///
/// ```toml
/// batch_size = 100
/// [profiles.prod]
/// endpoint = "https://api.weixin.qq.com"
/// component_appid = "wx0123456789abcdef"
/// token_command = "vault kv get -field=token secret/tcbq"
/// max_calls = 200
/// ```
public struct ConfigFile: Sendable, Equatable {
  public struct Profile: Sendable, Equatable, Codable {
    public var endpoint: String?
    public var componentAppID: String?
    public var componentAppSecret: String?
    public var componentVerifyTicket: String?
    public var accessToken: String?
    public var tokenCommand: String?
    public var batchSize: Int?
    public var concurrency: Int?
    public var cacheTTL: Int?
    public var maxCalls: Int?
    public var maxWrites: Int?
    public var timeout: Double?

    public init() {}

    enum CodingKeys: String, CodingKey {
      case endpoint
      case componentAppID = "component_appid"
      case componentAppSecret = "component_appsecret"
      case componentVerifyTicket = "component_verify_ticket"
      case accessToken = "access_token"
      case tokenCommand = "token_command"
      case batchSize = "batch_size"
      case concurrency
      case cacheTTL = "cache_ttl"
      case maxCalls = "max_calls"
      case maxWrites = "max_writes"
      case timeout
    }

    /// `other`'s values where it has them, ours otherwise.
    func overlaid(by other: Profile) -> Profile {
      var p = self
      p.endpoint = other.endpoint ?? endpoint
      p.componentAppID = other.componentAppID ?? componentAppID
      p.componentAppSecret = other.componentAppSecret ?? componentAppSecret
      p.componentVerifyTicket = other.componentVerifyTicket ?? componentVerifyTicket
      p.accessToken = other.accessToken ?? accessToken
      p.tokenCommand = other.tokenCommand ?? tokenCommand
      p.batchSize = other.batchSize ?? batchSize
      p.concurrency = other.concurrency ?? concurrency
      p.cacheTTL = other.cacheTTL ?? cacheTTL
      p.maxCalls = other.maxCalls ?? maxCalls
      p.maxWrites = other.maxWrites ?? maxWrites
      p.timeout = other.timeout ?? timeout
      return p
    }

    /// Whether the profile holds a secret itself (rather than a command that fetches one).
    var holdsSecret: Bool { componentAppSecret != nil || accessToken != nil }
  }

  public var defaults: Profile
  public var profiles: [String: Profile]

  public init(defaults: Profile = Profile(), profiles: [String: Profile] = [:]) {
    self.defaults = defaults
    self.profiles = profiles
  }

  /// Parses TOML text. Errors say where the file is wrong.
  public static func parse(_ text: String) throws(ConfigError) -> ConfigFile {
    // The TOML parser reads a C string: it would stop at a NUL and accept what came before.
    if let nul = text.firstIndex(of: "\0") {
      let before = text[..<nul]
      let line = before.count(where: { $0 == "\n" }) + 1
      let lineStart = before.lastIndex(of: "\n").map(before.index(after:)) ?? before.startIndex
      let column = before.distance(from: lineStart, to: nul) + 1
      throw ConfigError("line \(line), column \(column): not valid TOML (a NUL byte)")
    }
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      throw ConfigError(
        "line \(error.source.begin.line), column \(error.source.begin.column): \(error.description)"
      )
    } catch {
      throw ConfigError("not valid TOML")
    }
    let decoder = TOMLDecoder()
    do {
      var file = ConfigFile()
      let known = Set(Profile.CodingKeys.allKeys).union(["profiles"])
      for key in table.keys where !known.contains(key) {
        throw ConfigError("unknown key '\(key)'")
      }
      widenTimeout(in: table)
      file.defaults = try decoder.decode(Profile.self, from: table)
      if let profiles = table["profiles"] {
        guard let profilesTable = profiles.table else {
          throw ConfigError("'profiles' must be a table of [profiles.NAME] sections")
        }
        for name in profilesTable.keys {
          guard let section = profilesTable[name]?.table else {
            throw ConfigError("profile '\(name)' must be a table")
          }
          for key in section.keys where !Profile.CodingKeys.allKeys.contains(key) {
            throw ConfigError("unknown key '\(key)' in profile '\(name)'")
          }
          widenTimeout(in: section)
          file.profiles[name] = try decoder.decode(Profile.self, from: section)
        }
      }
      return file
    } catch let error as ConfigError {
      throw error
    } catch let error as DecodingError {
      throw ConfigError(Self.describe(error))
    } catch {
      throw ConfigError("\(error)")
    }
  }

  /// The defaults overlaid by the named profile. An unknown name is an error listing the known.
  public func profile(named name: String?) throws(ConfigError) -> Profile {
    guard let name else { return defaults }
    guard let profile = profiles[name] else {
      let known = profiles.keys.sorted()
      throw ConfigError(
        "no profile '\(name)'"
          + (known.isEmpty ? "" : " (profiles: \(known.joined(separator: ", ")))"))
    }
    return defaults.overlaid(by: profile)
  }

  var holdsSecret: Bool { defaults.holdsSecret || profiles.values.contains { $0.holdsSecret } }

  /// `timeout = 1` is an integer in TOML; the profile holds seconds as a Double.
  private static func widenTimeout(in table: TOMLTable) {
    if let seconds = table["timeout"]?.int { table["timeout"] = Double(seconds) }
  }

  private static func describe(_ error: DecodingError) -> String {
    switch error {
    case .typeMismatch(_, let context), .valueNotFound(_, let context),
      .dataCorrupted(let context), .keyNotFound(_, let context):
      let path = context.codingPath.map(\.stringValue).joined(separator: ".")
      return path.isEmpty ? context.debugDescription : "'\(path)': wrong type"
    @unknown default:
      return "invalid value"
    }
  }
}

extension ConfigFile.Profile.CodingKeys {
  static let allKeys: Set<String> = [
    "endpoint", "component_appid", "component_appsecret", "component_verify_ticket",
    "access_token", "token_command", "batch_size", "concurrency", "cache_ttl", "max_calls",
    "max_writes", "timeout",
  ]
}

/// A config file that cannot be used: exit status 2.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

extension ConfigFile {
  /// Loads the file at `url` if it exists. Warns (through `warn`) when a file holding a secret is
  /// readable by group or others.
  public static func load(from url: URL, warn: (String) -> Void) throws(ConfigError) -> ConfigFile?
  {
    let path = url.path
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ConfigError("\(path): cannot be read")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ConfigError("\(path): not UTF-8 text")
    }
    let file: ConfigFile
    do {
      file = try parse(text)
    } catch {
      throw ConfigError("\(path): \(error.message)")
    }
    if file.holdsSecret, let mode = FilePermissions.mode(of: path), mode & 0o077 != 0 {
      warn(
        "warning: \(path) holds a secret and is readable by others (mode \(String(mode & 0o777, radix: 8))); run: chmod 600 \(path)"
      )
    }
    return file
  }
}

enum FilePermissions {
  static func mode(of path: String) -> Int? {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
      let mode = attributes[.posixPermissions] as? NSNumber
    else { return nil }
    return mode.intValue
  }
}
