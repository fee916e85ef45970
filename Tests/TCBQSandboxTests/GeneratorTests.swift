import Foundation
import TCBQCore
import Testing

@testable import TCBQSandbox

@Suite struct GeneratorTests {
  @Test func sameSeedGivesIdenticalData() {
    let first = SandboxGenerator.dataset(seed: 42, envs: 300, apps: 600)
    let second = SandboxGenerator.dataset(seed: 42, envs: 300, apps: 600)
    #expect(first == second)
    let other = SandboxGenerator.dataset(seed: 43, envs: 300, apps: 600)
    #expect(first.envs.map(\.envID) != other.envs.map(\.envID))
  }

  @Test func sameSeedGivesByteIdenticalAnswers() {
    let configuration = SandboxConfiguration(seed: 7, envs: 200, apps: 400)
    let first = SandboxCall(configuration)
    let second = SandboxCall(configuration)
    #expect(
      first.raw("/componenttcb/describecloudbaserunenvs", "{}").body
        == second.raw("/componenttcb/describecloudbaserunenvs", "{}").body)
    let list = #"{"component_appid":"wx0123456789abcdef","offset":0,"count":500}"#
    #expect(
      first.raw("/cgi-bin/component/api_get_authorizer_list", list).body
        == second.raw("/cgi-bin/component/api_get_authorizer_list", list).body)
  }

  @Test func reachesBenchmarkScale() {
    let dataset = SandboxGenerator.dataset(seed: 1, envs: 100_000, apps: 200_000)
    #expect(dataset.envs.count == 100_000)
    #expect(dataset.apps.count == 200_000)
    #expect(Set(dataset.envs.map(\.envID)).count == 100_000)
    #expect(Set(dataset.apps.map(\.appid)).count == 200_000)
    #expect(dataset.shares.values.allSatisfy { (1...3).contains($0.count) })
  }

  @Test func valuesLookReal() {
    let dataset = SandboxGenerator.dataset(seed: 3, envs: 2_000, apps: 2_000)
    let envPattern = #"^[a-z][a-z0-9-]*$"#
    #expect(
      dataset.envs.allSatisfy { $0.envID.range(of: envPattern, options: .regularExpression) != nil }
    )
    #expect(
      dataset.apps.allSatisfy {
        $0.appid.range(of: #"^wx[0-9a-f]{16}$"#, options: .regularExpression) != nil
      })
    let aliasPattern = #"^[a-z][a-zA-Z0-9-]*$"#
    #expect(
      dataset.envs.compactMap(\.alias).allSatisfy {
        $0.range(of: aliasPattern, options: .regularExpression) != nil
      })
    #expect(dataset.envs.contains { $0.alias == nil })
    #expect(Set(dataset.envs.compactMap(\.status)) == ["NORMAL", "UNAVAILABLE"])
    #expect(
      Set(dataset.envs.flatMap(\.databases).compactMap(\.status))
        == ["RUNNING", "OVERDUE", "INITIALIZING", "UNUSABLE"])
    #expect(
      Set(dataset.envs.flatMap(\.staticStorages).compactMap(\.status))
        == ["process", "online", "offline", "init"])
    #expect(
      Set(dataset.envs.compactMap(\.region)) == ["ap-shanghai", "ap-guangzhou", "ap-beijing"])
    #expect(Set(dataset.envs.compactMap(\.source)) == ["miniapp", "qcloud"])
    #expect(dataset.envs.contains { $0.packageName == "基础版 1" })
    #expect(dataset.envs.contains { $0.packageName == "" })
    #expect(dataset.envs.contains { $0.tags.contains { $0.value == "交易组" } })
    #expect(
      dataset.envs.contains {
        $0.customLogServices.contains { $0.createTime?.contains("T") ?? false }
      })
    #expect(dataset.envs.contains { !$0.nullArrays.isEmpty })
    #expect(dataset.envs.contains { !$0.absentArrays.isEmpty })
    #expect(Set(dataset.envs.compactMap(\.payMode)).count > 2)
    #expect(
      dataset.envs.allSatisfy {
        $0.createTime?.range(
          of: #"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$"#, options: .regularExpression) != nil
      })
    #expect(dataset.apps.contains { $0.kind == .officialAccount })
    #expect(dataset.apps.contains { $0.kind == .miniProgram && !$0.hasCloudPrivilege })
    #expect(dataset.apps.contains { $0.refreshToken == nil })
  }

  @Test func beijingTimeFormats() {
    #expect(beijingTime(1_639_638_412) == "2021-12-16 15:06:52")
    #expect(beijingTime(1_639_638_412, iso: true) == "2021-12-16T15:06:52+08:00")
  }

  @Test func defaultDatasetIsSmallAndTellsAStory() {
    let dataset = SandboxConfiguration().makeDataset()
    #expect(dataset.envs.count == 12)
    #expect(dataset.apps.count == 40)
    let sharedEnvs = Set(dataset.shares.values.joined())
    let byID = Dictionary(uniqueKeysWithValues: dataset.envs.map { ($0.envID, $0) })
    #expect(byID[DefaultDataset.unavailableEnvID]?.status == "UNAVAILABLE")
    #expect(sharedEnvs.contains(DefaultDataset.unavailableEnvID))
    #expect(byID[DefaultDataset.overdueDatabaseEnvID]?.databases.first?.status == "OVERDUE")
    #expect(byID[DefaultDataset.unsharedEnvID] != nil)
    #expect(!sharedEnvs.contains(DefaultDataset.unsharedEnvID))
    let apps = Dictionary(uniqueKeysWithValues: dataset.apps.map { ($0.appid, $0) })
    #expect(apps[DefaultDataset.appWithoutPrivilege]?.hasCloudPrivilege == false)
    #expect(apps[DefaultDataset.officialAccount]?.kind == .officialAccount)
    #expect(dataset.shares[DefaultDataset.appSharingNothing] == nil)
    #expect(dataset.shares[DefaultDataset.appSharingThree]?.count == 3)
    #expect(Set(dataset.shares.keys).isSubset(of: apps.keys))
    #expect(sharedEnvs.isSubset(of: byID.keys))
  }

  @Test func seedAloneGeneratesDefaultSizes() {
    let dataset = SandboxConfiguration(seed: 5).makeDataset()
    #expect(dataset.envs.count == 12)
    #expect(dataset.apps.count == 40)
    #expect(dataset != DefaultDataset.dataset)
  }
}

@Suite struct ConfigurationTests {
  @Test func descriptionHoldsNoSecret() {
    let configuration = SandboxConfiguration(
      token: "tok-visible-nowhere", componentSecret: "secret-visible-nowhere")
    for text in [String(describing: configuration), String(reflecting: configuration)] {
      #expect(!text.contains("tok-visible-nowhere"))
      #expect(!text.contains("secret-visible-nowhere"))
    }
  }

  @Test func quotaLimitsDefaultPerPath() {
    let limits = SandboxQuotaLimits()
    #expect(limits.limit(for: WeChatPath.batchGetEnvID) == 100_000)
    #expect(limits.limit(for: WeChatPath.batchShareEnv) == 10_000)
  }
}
