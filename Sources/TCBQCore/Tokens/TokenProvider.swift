/// Supplies the component_access_token the client puts in each call's query string.
public protocol TokenProvider: Sendable {
  /// The current token (cached, minted or fetched as the provider does).
  func token() async throws -> String

  /// A fresh token after the service rejected `rejected` (40001, 40014, 42001). Providers that
  /// already hold a newer token return it without minting again.
  func refresh(after rejected: String) async throws -> String
}
