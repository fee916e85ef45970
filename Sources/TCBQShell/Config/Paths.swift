import Foundation

/// Where tcbq keeps its files, following XDG; `TCBQ_CONFIG`, `TCBQ_HISTORY` and `TCBQ_AUDIT_LOG`
/// override the config file, the history and the audit log.
public struct Paths: Sendable {
  public var configFile: URL
  public var startupFile: URL
  public var historyFile: URL
  public var auditLog: URL

  public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
    let home = URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory())
    let configHome =
      environment["XDG_CONFIG_HOME"].flatMap(Self.absolute)
      ?? home.appendingPathComponent(".config")
    let stateHome =
      environment["XDG_STATE_HOME"].flatMap(Self.absolute)
      ?? home.appendingPathComponent(".local/state")
    let configDir = configHome.appendingPathComponent("tcbq")
    let stateDir = stateHome.appendingPathComponent("tcbq")
    configFile =
      environment["TCBQ_CONFIG"].map { URL(fileURLWithPath: $0) }
      ?? configDir.appendingPathComponent("config.toml")
    startupFile = configDir.appendingPathComponent("tcbqrc")
    historyFile =
      environment["TCBQ_HISTORY"].map { URL(fileURLWithPath: $0) }
      ?? stateDir.appendingPathComponent("history")
    auditLog =
      environment["TCBQ_AUDIT_LOG"].map { URL(fileURLWithPath: $0) }
      ?? stateDir.appendingPathComponent("audit.log")
  }

  /// XDG says relative paths in these variables are invalid and must be ignored.
  private static func absolute(_ path: String) -> URL? {
    path.hasPrefix("/") ? URL(fileURLWithPath: path) : nil
  }
}
