/// The tables the API fills, one case per table of `Catalog.standard`, in catalog order; the raw
/// value is the table's name.
///
/// Each API table is handled by an exhaustive switch over this type: its schema
/// (`Catalog.swift`), its builder (`Engine/Tables.swift`), its fetch and cache
/// (`Session/Session.swift`, `Session/TableCache.swift`) and its call estimate
/// (`Planner/CallEstimate.swift`). Adding a case makes the compiler name each of them. A table
/// the API does not fill has a `TableSchema` without an `id`.
public enum TableID: String, CaseIterable, Sendable, Hashable {
  case envs
  case databases
  case storages
  case functions
  case logServices = "log_services"
  case staticStorages = "static_storages"
  case tags
  case customLogServices = "custom_log_services"
  case apps
  case appInfo = "app_info"
  case appPermissions = "app_permissions"
  case shares
  case shareErrors = "share_errors"
  case quota

  /// The table's name in the language.
  public var name: String { rawValue }

  /// The table named `name` (case-insensitive), if the API fills one of that name.
  public init?(name: String) {
    self.init(rawValue: name.lowercased())
  }
}
