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

  /// envs and the tables nested in it, filled by one describecloudbaserunenvs call.
  var envTables: Stamped<[String: Table]>?
  var apps: Stamped<[Authorizer]>?
  var appsTable: Table?
  /// appid → env ids it shares (empty: shares nothing).
  var shares: [String: Stamped<[String]>] = [:]
  /// Set when every authorized app's shares are in `shares`; holds the built table.
  var allShares: Stamped<Table>?

  func isFresh(_ date: Date, ttl: Double, now: Date) -> Bool {
    ttl > 0 && now.timeIntervalSince(date) < ttl
  }

  mutating func invalidateShares(of appids: some Sequence<String>) {
    for appid in appids { shares[appid] = nil }
    allShares = nil
  }

  mutating func clear(table: String?) {
    switch table {
    case nil:
      self = TableCache()
    case "apps":
      apps = nil
      appsTable = nil
      allShares = nil
    case "shares":
      shares = [:]
      allShares = nil
    case "quota":
      break
    default:
      envTables = nil
    }
  }
}
