import Foundation
import Testing

@testable import TCBQCore

@Suite struct WriteTests {
  enum LostAnswer: String, CaseIterable, Sendable {
    case timeout, reset, truncated, html, http502

    func respond() throws -> TransportResponse {
      switch self {
      case .timeout: throw TransportError.timeout
      case .reset: throw TransportError.connectionFailed("connection reset by peer")
      case .truncated: return Wire.json(#"{"errcode": 0, "err_li"#)
      case .html: return Wire.json("<html>gateway</html>")
      case .http502: return Wire.json("bad gateway", status: 502)
      }
    }
  }

  @Test(arguments: LostAnswer.allCases)
  func aWriteWhoseAnswerIsLostIsNotSentAgain(lost: LostAnswer) async throws {
    let transport = FakeTransport { _, _ in try lost.respond() }
    let client = makeClient(transport)
    let error = await #expect(throws: WriteOutcomeUnknown.self) {
      try await client.share(env: "prod", with: ["wx1", "wx2"])
    }
    #expect(error?.env == "prod")
    #expect(error?.appids == ["wx1", "wx2"])
    #expect(transport.requests.count == 1)
    await #expect(throws: WriteOutcomeUnknown.self) {
      try await client.unshare(env: "prod", from: ["wx1"])
    }
    #expect(transport.requests.count == 2)
  }

  @Test(arguments: [RetryableFailure.busy, .systemError, .refused])
  func aWriteIsRetriedWhenSurelyNotProcessed(failure: RetryableFailure) async throws {
    let transport = FakeTransport { _, call in
      if call == 1 { return try failure.respond() }
      return Wire.json(
        #"{"errcode": 0, "errmsg": "ok", "msg_info_list": [{"appid": "wx1", "url": "https://confirm/1"}]}"#
      )
    }
    let client = makeClient(transport)
    let result = try await client.share(env: "prod", with: ["wx1"])
    #expect(transport.requests.count == 2)
    #expect(result.links == [.init(appid: "wx1", url: "https://confirm/1")])
    #expect(client.ledger.snapshot()[WeChatPath.batchShareEnv]?.retries == 1)
  }

  @Test func shareResultCarriesPerPairErrorsAndLinks() async throws {
    let transport = FakeTransport { _, _ in
      Wire.json(
        #"{"errcode": 0, "errmsg": "ok", "err_list": [{"env": "prod", "appid": "wx2", "errmsg": "not same principal rid: 5-6-7"}], "msg_info_list": [{"appid": "wx1", "url": "https://confirm/1"}]}"#
      )
    }
    let client = makeClient(transport)
    let result = try await client.share(env: "prod", with: ["wx1", "wx2"])
    #expect(result.errcode == 0)
    #expect(
      result.failures == [
        AppFailure(appid: "wx2", env: "prod", errmsg: "not same principal", rid: "5-6-7")
      ])
    #expect(result.links == [.init(appid: "wx1", url: "https://confirm/1")])
    let body = try JSONDecoder().decode(
      BatchShareEnvRequest.self, from: Data(transport.requests[0].body))
    #expect(body == BatchShareEnvRequest(data: [.init(env: "prod", appids: ["wx1", "wx2"])]))
    #expect(transport.requests[0].path == WeChatPath.batchShareEnv)
  }

  @Test func aNonZeroErrcodeWithPerPairErrorsIsAResult() async throws {
    let transport = FakeTransport { _, _ in
      Wire.json(
        #"{"errcode": 85088, "errmsg": "partial", "err_list": [{"env": "prod", "appid": "wx1", "errmsg": "no qbase privilege"}]}"#
      )
    }
    let result = try await makeClient(transport).unshare(env: "prod", from: ["wx1"])
    #expect(result.errcode == 85088)
    #expect(result.failures.map(\.appid) == ["wx1"])
    #expect(transport.requests[0].path == WeChatPath.batchUnshareEnv)
  }

  @Test func aNonZeroErrcodeAloneIsThrown() async throws {
    let transport = FakeTransport { _, _ in Wire.error(47001, "data format error") }
    let error = await #expect(throws: APIError.self) {
      try await makeClient(transport).share(env: "prod", with: ["wx1"])
    }
    #expect(error?.errcode == 47001)
    #expect(transport.requests.count == 1)
  }

  @Test func emptyWritesAreRefusedUnsent() async throws {
    let transport = FakeTransport { _, _ in Wire.json("{}") }
    let client = makeClient(transport)
    await #expect(throws: ClientError.self) { try await client.share(env: "prod", with: []) }
    await #expect(throws: ClientError.self) { try await client.unshare(env: "", from: ["wx1"]) }
    #expect(transport.requests.isEmpty)
  }
}

extension WriteTests.LostAnswer: CustomTestStringConvertible {
  var testDescription: String { rawValue }
}

@Suite struct WriteRequestTests {
  @Test func theDryRunShowsTheBodySentWithTheTokenRedacted() async throws {
    let transport = FakeTransport { _, _ in Wire.json(#"{"errcode": 0, "errmsg": "ok"}"#) }
    _ = try await makeClient(transport).unshare(env: "prod", from: ["wx1", "wx2"])
    let request = try WriteRequest(
      path: WeChatPath.batchUnshareEnv, env: "prod", appids: ["wx1", "wx2"])
    #expect(transport.requests.map(\.body) == [request.body])
    #expect(
      request.dryRunLines == [
        "POST /componenttcb/batchunshareenv?access_token=REDACTED",
        #"{"data":[{"env":"prod","appids":["wx1","wx2"]}],"source_type":1}"#,
      ])
  }

  @Test func stringsAreEscapedAsJSON() throws {
    let request = try WriteRequest(
      path: WeChatPath.batchShareEnv, env: "a\"b\\c/d\n", appids: ["wx\u{1}", "é"])
    #expect(
      request.dryRunLines[1]
        == #"{"data":[{"env":"a\"b\\c/d\n","appids":["wx\u0001","é"]}],"source_type":1}"#)
    let decoded = try JSONDecoder().decode(BatchShareEnvRequest.self, from: Data(request.body))
    #expect(decoded.data == [.init(env: "a\"b\\c/d\n", appids: ["wx\u{1}", "é"])])
  }
}
