import Foundation

/// A value behind a lock, for the few pieces of shared mutable state the core keeps (the ledger,
/// the budget, the client's session state). `Mutex` needs macOS 15; the package targets 14.
final class Locked<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value

  init(_ value: Value) {
    self.value = value
  }

  /// Runs `body` with exclusive access to the value.
  func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }
}
