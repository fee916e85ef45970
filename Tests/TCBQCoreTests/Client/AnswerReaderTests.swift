import Foundation
import Testing

@testable import TCBQCore

/// How answers are read: describecloudbaserunenvs in chunks (retries start from a fresh sink,
/// errors keep their meaning), batchgetenvid in one pass with `JSONReader`.
@Suite struct AnswerReaderTests {
  static func answer(_ ids: [String]) -> String {
    #"{"errcode": 0, "errmsg": "ok", "env_list": ["#
      + ids.map {
        #"{"env_id": "\#($0)", "status": "NORMAL", "tags": [{"key": "k", "value": "v"}]}"#
      }
      .joined(separator: ", ") + "]}"
  }

  /// Counts the environments appended to it, across every sink made.
  final class Appends: @unchecked Sendable {
    let lock = NSLock()
    var count = 0
    func add() {
      lock.lock()
      count += 1
      lock.unlock()
    }
  }

  struct CountingSink: EnvSink {
    let appends: Appends
    var ids: [String?] = []
    mutating func append(_ env: CloudBaseRunEnv) {
      appends.add()
      ids.append(env.envID)
    }
  }

  @Test func aTruncatedAnswerIsRetriedIntoAFreshSink() async throws {
    let full = Self.answer(["e1", "e2", "e3"])
    let cut = String(full.prefix(full.count - 30))
    let transport = FakeTransport(chunkSize: 5) { _, call in
      Wire.json(call == 1 ? cut : full)
    }
    let appends = Appends()
    let sink = try await makeClient(transport, configure: { $0.baseDelay = .milliseconds(1) })
      .describeEnvs(into: { CountingSink(appends: appends) })
    #expect(sink.ids == ["e1", "e2", "e3"])
    #expect(transport.requests.count == 2)
    // The first attempt's sink got the complete elements before the cut; it was dropped.
    #expect(appends.count == 3 + 2)
  }

  @Test func anErrcodeAnswerIsAnAPIError() async throws {
    let transport = FakeTransport(chunkSize: 4) { _, _ in
      Wire.error(61004, "access clientip is not registered rid: 1a2b")
    }
    let error = await #expect(throws: APIError.self) {
      try await makeClient(transport).describeEnvs()
    }
    #expect(error?.errcode == 61004)
    #expect(error?.rid == "1a2b")
  }

  @Test func aNonJSONErrorPageIsItsHTTPStatus() async throws {
    let transport = FakeTransport(chunkSize: 4) { _, _ in
      Wire.json("<html><body>403 Forbidden</body></html>", status: 403)
    }
    let error = await #expect(throws: TransportError.self) {
      try await makeClient(transport).describeEnvs()
    }
    #expect(error?.httpStatus == 403)
  }

  @Test func aBodyThatIsNotTheExpectedShapeIsUndecodable() async throws {
    let transport = FakeTransport(chunkSize: 4) { _, _ in
      Wire.json(#"{"errcode": 0, "env_list": {"env_id": "x"}}"#)
    }
    let error = await #expect(throws: TransportError.self) {
      try await makeClient(transport, maxAttempts: 1).describeEnvs()
    }
    #expect(error == .undecodableBody)
  }

  @Test func manyEnvironmentsInSmallChunksKeepTheirOrder() async throws {
    let ids = (0..<500).map { "env-\($0)" }
    let transport = FakeTransport(chunkSize: 13) { _, _ in Wire.json(Self.answer(ids)) }
    let envs = try await makeClient(transport).describeEnvs()
    #expect(envs.map(\.envID) == ids)
    #expect(envs.allSatisfy { $0.tags == [.init(key: "k", value: "v")] })
  }

  @Test func anErrorAnswerOfAnUnexpectedShapeStillShowsItsErrcode() async throws {
    let transport = FakeTransport { _, _ in
      Wire.json(
        #"{"errcode": 61004, "errmsg": "access clientip is not registered rid: 9z", "relation_data": "?"}"#
      )
    }
    let result = try await makeClient(transport).sharedEnvs(of: ["wx1"])
    #expect(result.failures.first?.errcode == 61004)
    #expect(result.failures.first?.rid == "9z")
  }

  @Test func aSuccessAnswerOfTheWrongShapeIsUndecodable() async throws {
    let transport = FakeTransport { _, _ in
      Wire.json(#"{"errcode": 0, "relation_data": [{"appid": "wx1", "env_list": "prod"}]}"#)
    }
    let result = try await makeClient(transport, maxAttempts: 1).sharedEnvs(of: ["wx1"])
    #expect(result.relations.isEmpty)
    #expect(result.failures.map(\.appid) == ["wx1"])
    #expect(result.failures.first?.errmsg.contains("could not be read") == true)
  }
}
