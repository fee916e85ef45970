/// The mutable state of one simulated service. Always used under `Locked`.
struct SandboxState {
  let envs: [SandboxEnv]
  let envIndex: [String: Int]
  let apps: [SandboxApp]
  let appIndex: [String: Int]
  /// Who the apps are, where the dataset says so (`SandboxDataset.appInfos`).
  let appInfos: [String: SandboxAppInfo]
  /// Confirmed shares: appid → env ids in the order they were made.
  var shares: [String: [String]]
  /// Shares awaiting the administrator's confirmation, in the order they were made.
  var pending: [SandboxShare] = []
  /// Valid tokens → calls made with each.
  var tokenUses: [String: Int]
  /// Path → calls accepted today.
  var quotaUsed: [String: Int] = [:]
  /// API calls seen, for "first K" faults.
  var callCount = 0
  /// Write calls (batchshareenv, batchunshareenv) answered, for `SandboxFaults.truncateWrites`.
  var writeCount = 0
  var ridCounter: UInt64 = 0
  var mintedTokens: UInt64 = 0
  var log: [SandboxRequestRecord] = []
  var logSequence = 0
  /// Requests arrived through `respond(to:)` and not yet answered, in all and per path.
  var inFlight = 0
  var inFlightByPath: [String: Int] = [:]
  var confirmationBaseURL: String
  /// The encoded env_list array; the environments never change, so it is built once.
  var encodedEnvList: [UInt8]?

  /// The request log keeps at most this many entries, dropping the oldest.
  static let logCapacity = 100_000

  init(dataset: SandboxDataset, token: String, confirmationBaseURL: String) {
    envs = dataset.envs
    var envIndex: [String: Int] = [:]
    envIndex.reserveCapacity(dataset.envs.count)
    for (index, env) in dataset.envs.enumerated() { envIndex[env.envID] = index }
    self.envIndex = envIndex
    apps = dataset.apps
    var appIndex: [String: Int] = [:]
    appIndex.reserveCapacity(dataset.apps.count)
    for (index, app) in dataset.apps.enumerated() { appIndex[app.appid] = index }
    self.appIndex = appIndex
    shares = dataset.shares
    appInfos = dataset.appInfos
    tokenUses = [token: 0]
    self.confirmationBaseURL = confirmationBaseURL
  }

  func app(_ appid: String) -> SandboxApp? {
    appIndex[appid].map { apps[$0] }
  }

  func env(_ envID: String) -> SandboxEnv? {
    envIndex[envID].map { envs[$0] }
  }

  mutating func addShare(_ share: SandboxShare) {
    pending.removeAll { $0 == share }
    if !(shares[share.appid]?.contains(share.env) ?? false) {
      shares[share.appid, default: []].append(share.env)
    }
  }

  /// Removes a confirmed or pending share; false when there was neither.
  mutating func removeShare(_ share: SandboxShare) -> Bool {
    let wasPending = pending.contains(share)
    pending.removeAll { $0 == share }
    guard var list = shares[share.appid], let index = list.firstIndex(of: share.env) else {
      return wasPending
    }
    list.remove(at: index)
    shares[share.appid] = list.isEmpty ? nil : list
    return true
  }

  /// The next request id, ` rid: xxxxxxxx-xxxxxxxx-xxxxxxxx`, deterministic from a counter.
  mutating func nextRID(seed: UInt64) -> String {
    ridCounter += 1
    let first = hexString(0x6580_0000 &+ ridCounter, digits: 8)
    let second = hexString(SeededRandom.mix(seed ^ ridCounter) >> 32, digits: 8)
    let third = hexString(SeededRandom.mix(ridCounter &* 0x2545_F491), digits: 8)
    return "\(first)-\(second)-\(third)"
  }

  mutating func record(_ record: SandboxRequestRecord) {
    log.append(record)
    if log.count > Self.logCapacity { log.removeFirst(log.count - Self.logCapacity) }
  }
}
