import Foundation
import TCBQCore

/// The tables fetched in this session, each with when it was fetched. Shares are kept per appid,
/// so a pushed-down query reuses what an earlier one fetched and a write invalidates only the
/// appids it touched.
struct TableCache {
  struct Stamped<T> {
    var value: T
    var fetchedAt: Date
  }

  /// The authorized apps, as listed and as the `apps` table.
  struct Apps {
    var authorizers: [Authorizer]
    var table: Table
  }

  /// envs and the tables nested in it (by name), filled by one describecloudbaserunenvs call.
  var envTables: Stamped<[String: Table]>?
  var apps: Stamped<Apps>?
  /// appid → env ids it shares (empty: shares nothing).
  var shares: [String: Stamped<[String]>] = [:]
  /// appid → the service's answer that it cannot be asked (an err_list entry such as 85088),
  /// kept like a share so that each query does not ask again.
  var shareFailures: [String: Stamped<AppFailure>] = [:]
  /// Set when every authorized app's shares are in `shares`; holds the built table.
  var allShares: Stamped<Table>?
  /// The err_list answers of the apps that could not be asked, reported with `allShares`.
  var allShareFailures: [AppFailure] = []
  /// appid → who it is (api_get_authorizer_info), for `app_info` and `app_permissions`.
  var appInfo: [String: Stamped<AuthorizerInfo>] = [:]
  /// appid → the service's answer that it cannot say (61003, 40013), kept so that it is not
  /// asked again; calls that failed are not kept.
  var appInfoFailures: [String: Stamped<AppFailure>] = [:]

  func isFresh(_ date: Date, ttl: Double, now: Date) -> Bool {
    ttl > 0 && now.timeIntervalSince(date) < ttl
  }

  mutating func invalidateShares(of appids: some Sequence<String>) {
    for appid in appids {
      shares[appid] = nil
      shareFailures[appid] = nil
    }
    allShares = nil
  }

  /// Forgets everything fetched.
  mutating func clearAll() {
    self = TableCache()
  }

  /// Forgets what was fetched for `table` (for a table nested in envs: all of envs).
  mutating func clear(_ table: TableID) {
    switch table {
    case .apps:
      apps = nil
      allShares = nil
    case .shares, .shareErrors:
      shares = [:]
      shareFailures = [:]
      allShares = nil
    case .appInfo, .appPermissions:
      appInfo = [:]
      appInfoFailures = [:]
    case .quota:
      break
    case .envs, .databases, .storages, .functions, .logServices, .staticStorages, .tags,
      .customLogServices:
      envTables = nil
    }
  }
}
