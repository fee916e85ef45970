import Foundation
import TCBQCore
import TCBQQuery
import TCBQRender

/// Everything a run needs, resolved from flags, then the environment, then the config profile.
struct Settings {
  enum Backend: Equatable {
    /// The embedded simulator.
    case sandbox
    /// A real endpoint (or a stand-in such as `tcbq-sandbox`).
    case remote(endpoint: String, credentials: Credentials)
  }

  struct Credentials: Equatable {
    var accessToken: String?
    var componentAppID: String?
    var componentAppSecret: String?
    var componentVerifyTicket: String?
    var tokenCommand: String?

    var isEmpty: Bool {
      accessToken == nil && componentAppSecret == nil && tokenCommand == nil
    }
  }

  var backend: Backend
  var batchSize: Int
  var concurrency: Int
  var cacheTTL: Double
  var maxCalls: Int?
  var maxWrites: Int
  var timeout: Double
  var verbose: Bool
  var dryRun: Bool
  var assumeYes: Bool
  var keepGoing: Bool
  var render: RenderOptions
  var outputPath: String?

  static let defaultEndpoint = "https://api.weixin.qq.com"

  static func resolve(
    _ command: TCBQCommand, environment: [String: String], profile: ConfigFile.Profile
  ) throws(ConfigError) -> Settings {
    func env(_ name: String) -> String? {
      guard let value = environment[name], !value.isEmpty else { return nil }
      return value
    }
    let credentials = Credentials(
      accessToken: env("TCBQ_ACCESS_TOKEN") ?? profile.accessToken,
      componentAppID: env("TCBQ_COMPONENT_APPID") ?? profile.componentAppID,
      componentAppSecret: env("TCBQ_COMPONENT_APPSECRET") ?? profile.componentAppSecret,
      componentVerifyTicket: env("TCBQ_COMPONENT_VERIFY_TICKET") ?? profile.componentVerifyTicket,
      tokenCommand: profile.tokenCommand)
    let endpoint = command.endpoint ?? env("TCBQ_ENDPOINT") ?? profile.endpoint

    let backend: Backend
    if command.sandbox {
      backend = .sandbox
    } else if credentials.isEmpty {
      if let endpoint, command.endpoint != nil {
        throw ConfigError(
          "no credentials for \(endpoint): set TCBQ_ACCESS_TOKEN (with TCBQ_COMPONENT_APPID), or TCBQ_COMPONENT_APPID, TCBQ_COMPONENT_APPSECRET and TCBQ_COMPONENT_VERIFY_TICKET, or a token_command in the config file"
        )
      }
      backend = .sandbox
    } else {
      if credentials.accessToken == nil, credentials.tokenCommand == nil,
        credentials.componentAppID == nil || credentials.componentVerifyTicket == nil
      {
        throw ConfigError(
          "TCBQ_COMPONENT_APPSECRET needs TCBQ_COMPONENT_APPID and TCBQ_COMPONENT_VERIFY_TICKET to mint tokens"
        )
      }
      let url = endpoint ?? defaultEndpoint
      guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
        throw ConfigError("endpoint '\(url)' must start with http:// or https://")
      }
      backend = .remote(endpoint: url, credentials: credentials)
    }

    let batchSize = command.batchSize ?? profile.batchSize ?? Defaults.batchSize
    let concurrency = command.concurrency ?? profile.concurrency ?? Defaults.concurrency
    guard batchSize >= 1 else { throw ConfigError("batch_size must be at least 1") }
    guard concurrency >= 1 else { throw ConfigError("concurrency must be at least 1") }
    let maxWrites =
      command.maxWrites ?? profile.maxWrites ?? SessionSettings.defaultMaxWrites
    guard maxWrites >= 0 else { throw ConfigError("max_writes must not be negative") }
    let headers = !command.noHeader
    return Settings(
      backend: backend, batchSize: batchSize, concurrency: concurrency,
      cacheTTL: profile.cacheTTL.map(Double.init) ?? Defaults.cacheTTL,
      maxCalls: command.maxCalls ?? profile.maxCalls, maxWrites: maxWrites,
      timeout: profile.timeout ?? Defaults.timeout,
      verbose: command.verbose, dryRun: command.dryRun,
      assumeYes: command.yes, keepGoing: command.keepGoing,
      render: RenderOptions(
        format: command.format ?? .table, headers: headers, color: false, csvSafe: command.csvSafe),
      outputPath: command.output)
  }
}
