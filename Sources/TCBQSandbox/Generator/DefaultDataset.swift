import TCBQCore

/// The embedded dataset used when no size or seed is given: small, hand-made, and chosen so the
/// documentation's examples show something.
///
/// Notable ids:
/// - `prod-77a0d2` (legacy-crm) is UNAVAILABLE and still shared by two apps; `test-06d9b4` is
///   UNAVAILABLE and shared by nobody.
/// - `prod-e5f613` (coupon) has an OVERDUE database.
/// - `prod-9e6b58` (report) is shared with no app.
/// - `wx12da86a78c49ea20`, `wxe32684b27b95e909`, `wx348334896a68f812`, `wxd810a485ed03241b` have
///   no cloud privilege (85088).
/// - `wx4d419b1b673bd475`, `wx5d05ad7853c1f76e`, `wxb97706ca828bca03` are official accounts.
/// - `wx85813dbad3c681d0`, `wx6bd2aa399dac946d`, `wxc59c0996daeee6f5` belong to another principal.
/// - `wx30877432d1026706` shares three environments; `wx29a279764017f2ed` and others share none.
/// - Who the apps are (`DefaultDataset+AppInfo.swift`): `wx36e8b5359309cc62` is banned,
///   `wxf78df0cac5e40c02` frozen, `wxb97706ca828bca03` an unverified official account; the
///   apps without cloud privilege and the official accounts lack the cloud development set (49).
public enum DefaultDataset {
  public static let unavailableEnvID = "prod-77a0d2"
  public static let overdueDatabaseEnvID = "prod-e5f613"
  public static let unsharedEnvID = "prod-9e6b58"
  public static let appWithoutPrivilege = "wx12da86a78c49ea20"
  public static let officialAccount = "wx4d419b1b673bd475"
  public static let appOfOtherPrincipal = "wx85813dbad3c681d0"
  public static let appSharingNothing = "wx29a279764017f2ed"
  public static let appSharingThree = "wx30877432d1026706"

  public static let dataset = SandboxDataset(
    envs: envs, apps: apps, shares: shares, appInfos: appInfos)

  private static let principal = SandboxGenerator.providerPrincipal
  private static let otherPrincipal = SandboxGenerator.otherPrincipals[0]

  private static func uuid(_ n: Int) -> String {
    var random = SeededRandom(seed: UInt64(n))
    return SandboxGenerator.uuid(&random)
  }

  private static func storage(_ envID: String, _ region: String = "ap-shanghai")
    -> SandboxEnv.Storage
  {
    SandboxGenerator.storage(envID: envID, region: region, appID: "1258016615")
  }

  private static func site(_ envID: String, _ status: String, _ region: String = "ap-shanghai")
    -> SandboxEnv.StaticStorage
  {
    SandboxGenerator.staticStorage(
      envID: envID, region: region, appID: "1258016615", status: status)
  }

  private static func logs(_ envID: String, _ n: Int, _ region: String = "ap-shanghai")
    -> SandboxEnv.LogService
  {
    .init(
      logsetName: "tcb-logset-\(envID)", logsetID: uuid(n), topicName: "tcb-topic-\(envID)",
      topicID: uuid(n + 1), region: region)
  }

  private static let envs: [SandboxEnv] = [
    SandboxEnv(
      envID: "prod-3fa9c1", alias: "mall-prod", createTime: "2021-12-16 15:06:52",
      updateTime: "2024-03-02 10:21:07",
      databases: [.init(instanceID: "tnt-8d1f0a2c", status: "RUNNING", region: "ap-shanghai")],
      storages: [storage("prod-3fa9c1")],
      functions: [.init(namespace: "prod-3fa9c1", region: "ap-shanghai")],
      packageID: "pro", packageName: "专业版", logServices: [logs("prod-3fa9c1", 1)],
      staticStorages: [site("prod-3fa9c1", "online")], isAutoDegrade: false, payMode: "prepayment",
      isDefault: true, tags: [.init(key: "env", value: "prod"), .init(key: "team", value: "交易组")],
      customLogServices: [
        .init(
          clsRegion: "ap-shanghai", clsLogsetID: uuid(3), clsTopicID: uuid(4),
          createTime: "2022-01-05T09:30:00+08:00")
      ], principal: principal),
    SandboxEnv(
      envID: "test-8b2d47", alias: "mall-test", createTime: "2021-12-16 15:20:11",
      updateTime: "2023-11-20 18:45:33",
      databases: [.init(instanceID: "tnt-3c9e71b4", status: "RUNNING", region: "ap-shanghai")],
      storages: [storage("test-8b2d47")],
      functions: [.init(namespace: "test-8b2d47", region: "ap-shanghai")],
      packageID: "basic1", packageName: "基础版 1", staticStorages: [site("test-8b2d47", "process")],
      payMode: "PREPAYMENT", tags: [.init(key: "env", value: "test")], principal: principal),
    SandboxEnv(
      envID: "prod-c41e09", alias: "order-api", createTime: "2022-03-08 09:12:45",
      updateTime: "2024-06-18 22:03:10",
      databases: [
        .init(instanceID: "tnt-5a02d6e8", status: "RUNNING", region: "ap-shanghai"),
        .init(instanceID: "tnt-77f1c3a0", status: "RUNNING", region: "ap-shanghai"),
      ],
      storages: [storage("prod-c41e09")],
      functions: [.init(namespace: "prod-c41e09", region: "ap-shanghai")],
      packageID: "standard", packageName: "标准版", logServices: [logs("prod-c41e09", 5)],
      isAutoDegrade: true, payMode: "postpaid",
      tags: [.init(key: "env", value: "prod"), .init(key: "owner", value: "张三")],
      principal: principal),
    SandboxEnv(
      envID: "prod-77a0d2", alias: "legacy-crm", createTime: "2020-07-21 11:00:03",
      updateTime: "2023-02-14 08:00:00", status: "UNAVAILABLE",
      databases: [.init(instanceID: "tnt-0b6d4e19", status: "UNUSABLE", region: "ap-shanghai")],
      storages: [storage("prod-77a0d2")], packageID: "basic2", packageName: "基础版 2",
      staticStorages: [site("prod-77a0d2", "offline")], payMode: "Prepayment",
      tags: [.init(key: "cost-center", value: "市场部")], principal: principal),
    SandboxEnv(
      envID: "prod-e5f613", alias: "coupon", createTime: "2022-11-30 16:42:19",
      updateTime: "2024-08-01 00:00:05",
      databases: [.init(instanceID: "tnt-e41a9b07", status: "OVERDUE", region: "ap-shanghai")],
      storages: [storage("prod-e5f613")],
      functions: [.init(namespace: "prod-e5f613", region: "ap-shanghai")],
      packageID: "standard", packageName: "标准版", payMode: "POSTPAID",
      tags: [.init(key: "project", value: "优惠券")],
      customLogServices: [
        .init(
          clsRegion: "ap-shanghai", clsLogsetID: uuid(7), clsTopicID: uuid(8),
          createTime: "2023-05-09 14:12:40")
      ], principal: principal),
    SandboxEnv(
      envID: "dev-1c9b3e", alias: "sandbox-dev", createTime: "2023-01-04 10:10:10",
      updateTime: "2023-01-04 10:10:10",
      databases: [.init(instanceID: "tnt-a9c3f210", status: "INITIALIZING", region: "ap-shanghai")],
      packageID: "", packageName: "", payMode: "postpaid", principal: principal,
      nullArrays: .all),
    SandboxEnv(
      envID: "staging-4d02af", alias: nil, source: "qcloud", createTime: "2022-06-15 20:30:00",
      updateTime: "2024-01-09 07:15:42",
      databases: [.init(instanceID: "tnt-1d7e5c98", status: "RUNNING", region: "ap-guangzhou")],
      storages: [storage("staging-4d02af", "ap-guangzhou")],
      functions: [.init(namespace: "staging-4d02af", region: "ap-guangzhou")],
      packageID: nil, packageName: nil,
      staticStorages: [site("staging-4d02af", "offline", "ap-guangzhou")], payMode: "prepayment",
      region: "ap-guangzhou", principal: principal, absentArrays: .all),
    SandboxEnv(
      envID: "prod-9e6b58", alias: "report", createTime: "2021-09-01 09:00:00",
      updateTime: "2024-02-29 23:59:59",
      databases: [.init(instanceID: "tnt-62b8f0d3", status: "RUNNING", region: "ap-beijing")],
      storages: [storage("prod-9e6b58", "ap-beijing")],
      functions: [.init(namespace: "prod-9e6b58", region: "ap-beijing")],
      packageID: "basic1", packageName: "基础版 1",
      logServices: [logs("prod-9e6b58", 9, "ap-beijing")],
      payMode: "prepayment", region: "ap-beijing", tags: [.init(key: "team", value: "数据组")],
      principal: principal),
    SandboxEnv(
      envID: "test-2a7fd0", alias: "im-test", createTime: "2023-04-18 13:27:36",
      updateTime: "2023-12-01 12:00:00",
      databases: [.init(instanceID: "tnt-9f04e6a1", status: "RUNNING", region: "ap-shanghai")],
      functions: [.init(namespace: "test-2a7fd0", region: "ap-shanghai")],
      packageID: "basic1", packageName: "基础版 1", payMode: "Postpaid",
      tags: [.init(key: "env", value: "test")], principal: principal),
    SandboxEnv(
      envID: "prod-b3c8e1", alias: "live-stream", createTime: "2022-08-08 08:08:08",
      updateTime: "2024-07-07 19:20:21",
      databases: [.init(instanceID: "tnt-c8d2b5f7", status: "RUNNING", region: "ap-shanghai")],
      storages: [storage("prod-b3c8e1")],
      functions: [.init(namespace: "prod-b3c8e1", region: "ap-shanghai")],
      packageID: "flagship", packageName: "旗舰版", logServices: [logs("prod-b3c8e1", 11)],
      staticStorages: [site("prod-b3c8e1", "online")], isAutoDegrade: true, payMode: "prepayment",
      tags: [
        .init(key: "env", value: "prod"), .init(key: "team", value: "直播 业务部"),
        .init(key: "owner", value: "李雷"),
      ],
      customLogServices: [
        .init(
          clsRegion: "ap-shanghai", clsLogsetID: uuid(13), clsTopicID: uuid(14),
          createTime: "2023-10-10T02:03:04Z")
      ], principal: principal),
    SandboxEnv(
      envID: "gray-5f1a2c", alias: "mall-gray", createTime: "2024-01-15 17:45:00",
      updateTime: "2024-01-16 09:00:30",
      databases: [.init(instanceID: "tnt-4e7a1c06", status: "RUNNING", region: "ap-shanghai")],
      storages: [storage("gray-5f1a2c")], packageID: "standard", packageName: "标准版",
      staticStorages: [site("gray-5f1a2c", "init")], payMode: "prepayment", principal: principal),
    SandboxEnv(
      envID: "test-06d9b4", alias: "ops-tools", createTime: "2020-02-02 02:02:02",
      updateTime: "2022-12-31 18:00:00", status: "UNAVAILABLE", packageID: "", packageName: "",
      payMode: nil, isDefault: nil, tags: [.init(key: "owner", value: "ops")],
      principal: principal),
  ]

  private static let apps: [SandboxApp] = {
    let rows: [(String, Int64, SandboxApp.Kind, Bool, Bool)] = [
      // appid, auth_time, kind, cloud privilege, provider's principal
      ("wx30877432d1026706", 1_639_640_812, .miniProgram, true, true),
      ("wxd7e805da846a32c3", 1_639_650_001, .miniProgram, true, true),
      ("wxbb81e3c29b621792", 1_640_001_230, .miniProgram, true, true),
      ("wx73c8eb5bb682575e", 1_641_234_567, .miniProgram, true, true),
      ("wxc87a171ac826a6fc", 1_642_000_000, .miniProgram, true, true),
      ("wxe48478dcb74f2134", 1_643_111_222, .miniProgram, true, true),
      ("wx5d2cce8038a39d5e", 1_644_222_333, .miniProgram, true, true),
      ("wx0853964b50af03b9", 1_645_333_444, .miniProgram, true, true),
      ("wx71722f244f58d669", 1_646_444_555, .miniProgram, true, true),
      ("wxcbee3772a0770217", 1_647_555_666, .miniProgram, true, true),
      ("wx21a278f64f7fd633", 1_648_666_777, .miniProgram, true, true),
      ("wxdbdde131ca3766e4", 1_649_777_888, .miniProgram, true, true),
      ("wxd58e72e310275dff", 1_650_888_999, .miniProgram, true, true),
      ("wx6c15c0c8e9df4696", 1_651_999_000, .miniProgram, true, true),
      ("wx11a11f5125227c37", 1_653_000_111, .miniProgram, true, true),
      ("wx12da86a78c49ea20", 1_654_111_222, .miniProgram, false, true),
      ("wxe32684b27b95e909", 1_655_222_333, .miniProgram, false, true),
      ("wx348334896a68f812", 1_656_333_444, .miniProgram, false, true),
      ("wxd810a485ed03241b", 1_657_444_555, .miniProgram, false, true),
      ("wx4d419b1b673bd475", 1_658_555_666, .officialAccount, false, true),
      ("wx5d05ad7853c1f76e", 1_659_666_777, .officialAccount, false, true),
      ("wxb97706ca828bca03", 1_660_777_888, .officialAccount, false, true),
      ("wx85813dbad3c681d0", 1_661_888_999, .miniProgram, true, false),
      ("wx6bd2aa399dac946d", 1_662_999_000, .miniProgram, true, false),
      ("wxc59c0996daeee6f5", 1_664_000_111, .miniProgram, true, false),
      ("wx29a279764017f2ed", 1_665_111_222, .miniProgram, true, true),
      ("wx6cfc7403d75e173e", 1_666_222_333, .miniProgram, true, true),
      ("wx4eaede5fe878f78e", 1_667_333_444, .miniProgram, true, true),
      ("wx2978aa2447c462dd", 1_668_444_555, .miniProgram, true, true),
      ("wxaed16dc0cf0b9cd7", 1_669_555_666, .miniProgram, true, true),
      ("wxf78df0cac5e40c02", 1_670_666_777, .miniProgram, true, true),
      ("wxd4e518ca6eaac8d8", 1_671_777_888, .miniProgram, true, true),
      ("wx2f01b7210760474f", 1_672_888_999, .miniProgram, true, true),
      ("wx36e8b5359309cc62", 1_673_999_000, .miniProgram, true, true),
      ("wx73931bdb2a0df3db", 1_675_000_111, .miniProgram, true, true),
      ("wxe4d58fed8a728e7e", 1_676_111_222, .miniProgram, true, true),
      ("wxca0fa5f6b8a88062", 1_677_222_333, .miniProgram, true, true),
      ("wx7df7ffe0297c79bf", 1_678_333_444, .miniProgram, true, true),
      ("wxbdabe898736a3566", 1_679_444_555, .miniProgram, true, true),
      ("wxf893697b59048119", 1_680_555_666, .miniProgram, true, true),
    ]
    return rows.enumerated().map { index, row in
      SandboxApp(
        appid: row.0, authTime: row.1,
        refreshToken: index % 7 == 3
          ? nil : "refreshtoken@@@\(hexString(SeededRandom.mix(UInt64(index)), digits: 16))",
        kind: row.2, hasCloudPrivilege: row.3, principal: row.4 ? principal : otherPrincipal)
    }
  }()

  private static let shares: [String: [String]] = [
    "wx30877432d1026706": ["prod-3fa9c1", "test-8b2d47", "gray-5f1a2c"],
    "wxd7e805da846a32c3": ["prod-3fa9c1"],
    "wxbb81e3c29b621792": ["prod-3fa9c1", "prod-c41e09"],
    "wx73c8eb5bb682575e": ["prod-c41e09"],
    "wxc87a171ac826a6fc": ["prod-77a0d2"],
    "wxe48478dcb74f2134": ["prod-77a0d2", "prod-e5f613"],
    "wx5d2cce8038a39d5e": ["prod-e5f613"],
    "wx0853964b50af03b9": ["test-8b2d47", "test-2a7fd0"],
    "wx71722f244f58d669": ["prod-b3c8e1"],
    "wxcbee3772a0770217": ["prod-b3c8e1", "dev-1c9b3e"],
    "wx21a278f64f7fd633": ["staging-4d02af"],
    "wxdbdde131ca3766e4": ["dev-1c9b3e"],
  ]
}
