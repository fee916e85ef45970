import Foundation
import Logging
import TCBQCore
import TCBQHTTP
import TCBQSandbox

/// The API a run talks to: the embedded sandbox, or an endpoint over HTTP with the configured
/// credentials. Owns the HTTP client and shuts it down.
final class Connection {
  let api: WeChatClient
  var ledger: CallLedger? { api.ledger }
  /// Where the shell says it is: `sandbox`, or the endpoint's host.
  let promptName: String
  private let http: HTTPTransport?

  init(settings: Settings, progress: (@Sendable (CallProgress) -> Void)? = nil) throws {
    var logger = Logger(label: "tcbq") { _ in SwiftLogNoOpLogHandler() }
    if settings.verbose {
      logger = Logger(label: "tcbq") { label in StreamLogHandler.standardError(label: label) }
      logger.logLevel = .debug
    }
    let ledger = CallLedger()
    var configuration = ClientConfiguration(
      batchSize: settings.batchSize, concurrency: settings.concurrency,
      timeout: .milliseconds(Int64(settings.timeout * 1000)), logger: logger, progress: progress)

    let transport: any Transport
    let tokens: any TokenProvider
    switch settings.backend {
    case .sandbox:
      let sandbox = SandboxConfiguration()
      transport = InProcessTransport(configuration: sandbox)
      tokens = StaticTokenProvider(sandbox.token)
      configuration.componentAppID = sandbox.componentAppID
      promptName = "sandbox"
      http = nil
    case .remote(let endpoint, let credentials):
      let http = try HTTPTransport(baseURL: endpoint, connections: settings.concurrency)
      self.http = http
      transport = http
      configuration.componentAppID = credentials.componentAppID
      if let token = credentials.accessToken {
        tokens = StaticTokenProvider(token)
      } else if let command = credentials.tokenCommand {
        tokens = CommandTokenProvider(command: command)
      } else {
        tokens = ComponentTokenProvider(
          componentAppID: credentials.componentAppID ?? "",
          appSecret: credentials.componentAppSecret ?? "",
          verifyTicket: credentials.componentVerifyTicket ?? "", transport: http, ledger: ledger,
          logger: logger)
      }
      promptName = Self.host(of: endpoint)
    }
    api = WeChatClient(
      transport: transport, tokens: tokens, configuration: configuration, ledger: ledger)
  }

  func shutdown() async {
    try? await http?.shutdown()
  }

  static func host(of endpoint: String) -> String {
    guard let url = URL(string: endpoint), let host = url.host else { return endpoint }
    if host == "api.weixin.qq.com" { return "wechat" }
    return url.port.map { "\(host):\($0)" } ?? host
  }
}
