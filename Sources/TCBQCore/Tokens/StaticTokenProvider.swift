/// A ready token (TCBQ_ACCESS_TOKEN). It cannot be refreshed: `refresh` throws
/// `ClientError.staticTokenRejected`, which tells the user to set a fresh one.
public struct StaticTokenProvider: TokenProvider, CustomStringConvertible {
  private let value: String

  public init(_ token: String) {
    self.value = token
  }

  public func token() async throws -> String { value }

  public func refresh(after rejected: String) async throws -> String {
    throw ClientError.staticTokenRejected(errcode: nil)
  }

  public var description: String { "StaticTokenProvider(<redacted>)" }
}
