/// What the session has fetched that completion can offer: no API call is made for it.
public struct FetchedIdentifiers: Sendable, Hashable {
  /// The appids seen in `apps`, `shares` and `app_info`, sorted.
  public var appids: [String]
  /// The env ids seen in `envs` and `shares`, sorted.
  public var envIDs: [String]
  /// appid → nick name, from `app_info`.
  public var nickNames: [String: String]

  public init(appids: [String] = [], envIDs: [String] = [], nickNames: [String: String] = [:]) {
    self.appids = appids
    self.envIDs = envIDs
    self.nickNames = nickNames
  }
}
