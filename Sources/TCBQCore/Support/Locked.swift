import Foundation

/// A value behind a lock: the package's one lock type, for the few pieces of shared mutable
/// state (the client's ledger, budget and session state, the sandbox's state, the shell's
/// progress line and interrupt watch, …).
///
/// The lock is held only while the synchronous body of ``withLock(_:)`` runs, so never across an
/// `await`. (`Synchronization.Mutex` would do the same but needs macOS 15; the package targets
/// macOS 14.)
public final class Locked<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value

  public init(_ value: Value) {
    self.value = value
  }

  /// Runs `body` with exclusive access to the value.
  public func withLock<Result, Failure: Error>(
    _ body: (inout Value) throws(Failure) -> Result
  ) throws(Failure) -> Result {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }
}
