import Foundation
import Hummingbird
import NIOCore
import TCBQCore
import TCBQSandbox

/// Answers every HTTP request: `/__sandbox/…` administration, everything else passed as
/// method, path, query and body to `SandboxService`.
struct SandboxResponder: HTTPResponder {
  typealias Context = BasicRequestContext
  let service: SandboxService
  /// The largest request body read, 64 MiB.
  static let maxBodySize = 64 << 20

  func respond(to request: Request, context: Context) async throws -> Response {
    var request = request
    let buffer = try await request.collectBody(upTo: Self.maxBodySize)
    let path = request.uri.path
    let query = request.uri.queryParameters.map {
      TransportRequest.QueryItem(name: String($0.key), value: String($0.value))
    }
    if path.hasPrefix("/__sandbox/") {
      return admin(path: path, method: request.method, query: query)
    }
    let answer = await service.respond(
      to: TransportRequest(
        method: request.method.rawValue, path: path, query: query,
        body: Array(buffer.readableBytesView)))
    let contentType =
      switch answer.status {
      case 200: "application/json; charset=UTF-8"
      case 500: "text/html"
      default: "text/plain"
      }
    return Self.response(status: answer.status, contentType: contentType, body: answer.body)
  }

  private func admin(path: String, method: HTTPRequest.Method, query: [TransportRequest.QueryItem])
    -> Response
  {
    func value(_ name: String) -> String? {
      query.first { $0.name == name }.flatMap { $0.value.isEmpty ? nil : $0.value }
    }
    switch (method, path) {
    case (.get, "/__sandbox/requests"):
      return Self.json(service.requestLog)
    case (.post, "/__sandbox/reset-log"):
      service.resetRequestLog()
      return Self.json(["errcode": 0], extra: #""errmsg":"ok""#)
    case (.get, "/__sandbox/pending"):
      return Self.json(service.pendingShares)
    case (.get, "/__sandbox/confirm"):
      guard let appid = value("appid") else {
        return Self.response(
          status: 400, contentType: "text/plain", body: Array("appid is required\n".utf8))
      }
      let confirmed = service.confirm(appid: appid, env: value("env"))
      return Self.json(["errcode": 0, "confirmed": confirmed], extra: #""errmsg":"ok""#)
    default:
      return Self.response(
        status: 404, contentType: "text/plain", body: Array("404 Not Found\n".utf8))
    }
  }

  private static func json(_ value: some Encodable) -> Response {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let body = (try? encoder.encode(value)) ?? Data("null".utf8)
    return response(status: 200, contentType: "application/json; charset=UTF-8", body: Array(body))
  }

  /// A small object of integers plus one raw member, keys sorted.
  private static func json(_ numbers: [String: Int], extra: String) -> Response {
    let members = numbers.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value)" } + [extra]
    return response(
      status: 200, contentType: "application/json; charset=UTF-8",
      body: Array("{\(members.joined(separator: ","))}".utf8))
  }

  static func response(status: Int, contentType: String, body: [UInt8]) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = contentType
    return Response(
      status: HTTPResponse.Status(code: status), headers: headers,
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
  }
}
