import Foundation
import TCBQCore
import TCBQSandbox

/// Builds requests for a `SandboxService` and reads its answers, as a test client would.
struct SandboxCall {
  let service: SandboxService
  var token: String? = SandboxConfiguration.defaultToken

  init(_ configuration: SandboxConfiguration = SandboxConfiguration()) {
    service = SandboxService(configuration: configuration)
  }

  init(service: SandboxService) {
    self.service = service
  }

  /// Sends `body` (raw text) to `path`.
  func raw(_ path: String, _ body: String, method: String = "POST") -> TransportResponse {
    let query = token.map { [TransportRequest.QueryItem(name: "access_token", value: $0)] } ?? []
    return service.handle(
      TransportRequest(method: method, path: path, query: query, body: Array(body.utf8)))
  }

  /// Sends `body` and decodes the answer as a JSON object.
  func json(_ path: String, _ body: String, method: String = "POST") -> Answer {
    Answer(raw(path, body, method: method))
  }

  func getEnvIDs(_ appids: [String]) -> Answer {
    json("/componenttcb/batchgetenvid", #"{"appids":\#(quoted(appids)),"source_type":1}"#)
  }

  func share(_ env: String, _ appids: [String]) -> Answer {
    json(
      "/componenttcb/batchshareenv",
      #"{"data":[{"env":"\#(env)","appids":\#(quoted(appids))}],"source_type":1}"#)
  }

  func unshare(_ env: String, _ appids: [String]) -> Answer {
    json(
      "/componenttcb/batchunshareenv",
      #"{"data":[{"env":"\#(env)","appids":\#(quoted(appids))}],"source_type":1}"#)
  }

  func quota(_ cgiPath: String) -> Answer {
    json("/cgi-bin/openapi/quota/get", #"{"cgi_path":"\#(cgiPath)"}"#)
  }

  private func quoted(_ items: [String]) -> String {
    "[" + items.map { "\"\($0)\"" }.joined(separator: ",") + "]"
  }
}

/// A decoded answer.
struct Answer {
  let status: Int
  let bytes: [UInt8]
  let object: [String: Any]

  init(_ response: TransportResponse) {
    status = response.status
    bytes = response.body
    object =
      (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
  }

  var text: String { String(decoding: bytes, as: UTF8.self) }
  /// A missing errcode means 0.
  var errcode: Int { (object["errcode"] as? NSNumber)?.intValue ?? 0 }
  var errmsg: String { object["errmsg"] as? String ?? "" }
  func array(_ key: String) -> [[String: Any]] { object[key] as? [[String: Any]] ?? [] }

  /// relation_data as appid → env ids.
  var relations: [String: [String]] {
    Dictionary(
      uniqueKeysWithValues: array("relation_data").map {
        ($0["appid"] as? String ?? "", $0["env_list"] as? [String] ?? [])
      })
  }

  /// err_list appids.
  var failedAppids: [String] { array("err_list").compactMap { $0["appid"] as? String } }
}

/// ` rid: xxxxxxxx-xxxxxxxx-xxxxxxxx` at the end of an errmsg.
func endsWithRID(_ errmsg: String) -> Bool {
  errmsg.range(of: #" rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$"#, options: .regularExpression)
    != nil
}
