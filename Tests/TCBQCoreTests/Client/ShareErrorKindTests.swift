import Testing

@testable import TCBQCore

@Suite struct ShareErrorKindTests {
  @Test func kindsHaveTheTableNames() {
    #expect(
      ShareErrorKind.allCases.map(\.rawValue) == [
        "no_cloud_development", "not_mini_program", "failed",
      ])
  }

  @Test(arguments: [
    ("no qbase privilege", ShareErrorKind.noCloudDevelopment),
    ("No qbase privilege rid: 6543c0a5-1c5b4f12-5f0b1d93", .noCloudDevelopment),
    ("appid is not a mini program", .notMiniProgram),
    ("appid is not a mini program rid: 1-2-3", .notMiniProgram),
    ("Appid is not a MiniProgram", .notMiniProgram),
    ("not_mini_program", .notMiniProgram),
    ("env not found", .failed),
    ("mini program not found", .failed),
    ("appid not authorized by the component", .failed),
    ("system error", .failed),
    ("", .failed),
  ])
  func errListEntriesAreClassifiedByTheirMessage(errmsg: String, kind: ShareErrorKind)
    async throws
  {
    let transport = FakeTransport { _, _ in
      Wire.encoded(BatchGetEnvIDResponse(errList: [.init(appid: "wx1", errmsg: errmsg)]))
    }
    let result = try await makeClient(transport).sharedEnvs(of: ["wx1"])
    let failure = try #require(result.failures.first)
    #expect(failure.answered)
    #expect(failure.shareErrorKind == kind)
  }

  @Test func an85088ErrcodeIsNoCloudDevelopmentWhateverTheMessage() {
    let failure = AppFailure(appid: "wx1", errcode: 85088, errmsg: "", answered: true)
    #expect(failure.shareErrorKind == .noCloudDevelopment)
  }

  @Test func aFailedCallIsFailedEvenWithAKnownMessage() async throws {
    let transport = FakeTransport { _, _ in Wire.error(-1, "no qbase privilege") }
    let result = try await makeClient(transport, maxAttempts: 2).sharedEnvs(of: ["wx1", "wx2"])
    #expect(result.failures.count == 2)
    #expect(result.failures.allSatisfy { !$0.answered && $0.shareErrorKind == .failed })
    let notAnswered = AppFailure(appid: "wx1", errcode: 85088, errmsg: "no qbase privilege")
    #expect(notAnswered.shareErrorKind == .failed)
  }
}
