import CLineEdit
import Foundation
import TCBQCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Ctrl-C as an event rather than a process kill: a SIGINT handler (installed in C) writes one
/// byte to a self-pipe. This one mechanism serves every Ctrl-C: the line editor's read wakes on
/// the pipe (and clears the line); while statements run, interactively or from a script, an
/// ``InterruptWatch`` wakes on it and cancels the running task.
///
/// Once installed, SIGINT no longer ends the process: whoever runs statements must watch for it.
public enum InterruptSignal {
  /// Installs the handler (idempotent; ``LineEditor`` does it too). Returns false when the pipe
  /// could not be created (SIGINT then keeps its previous behaviour).
  @discardableResult
  public static func install() -> Bool {
    cle_interrupt_install() >= 0
  }

  /// Puts back the SIGINT handler that was there before ``install()`` (a script run does once
  /// its statements are done).
  public static func uninstall() {
    cle_interrupt_uninstall()
  }

  /// Takes the pending interrupts off the pipe; true when there was at least one.
  @discardableResult
  public static func consume() -> Bool {
    cle_interrupt_drain() > 0
  }

  /// Calls `handler` on a background thread at every Ctrl-C, until the watch is stopped.
  /// Interrupts pending from before are discarded first.
  public static func watch(_ handler: @escaping @Sendable () -> Void) -> InterruptWatch {
    install()
    consume()
    return InterruptWatch(handler: handler)
  }

  /// Runs `operation` as a task that a Ctrl-C cancels. Returns its result and whether Ctrl-C
  /// was pressed meanwhile.
  public static func cancellingOnInterrupt<T: Sendable>(
    _ operation: @escaping @Sendable () async throws -> T
  ) async -> (result: Result<T, any Error>, interrupted: Bool) {
    let task = Task { try await operation() }
    let interrupted = Locked(false)
    let watch = watch {
      interrupted.withLock { $0 = true }
      task.cancel()
    }
    let result = await task.result
    watch.stop()
    return (result, interrupted.withLock { $0 })
  }
}

/// A background thread that waits on the interrupt pipe. Call ``stop()`` when done.
public final class InterruptWatch: @unchecked Sendable {
  // Both descriptors are set once in init.
  private let stopPipe: (read: Int32, write: Int32)
  private let stopped = Locked(false)

  init(handler: @escaping @Sendable () -> Void) {
    var fds: [Int32] = [-1, -1]
    if pipe(&fds) != 0 { fds = [-1, -1] }
    stopPipe = (fds[0], fds[1])
    let thread = Thread { [self] in run(handler) }
    thread.name = "tcbq-interrupt-watch"
    thread.start()
  }

  deinit {
    if stopPipe.read >= 0 { close(stopPipe.read) }
    if stopPipe.write >= 0 { close(stopPipe.write) }
  }

  /// Ends the watch: the handler is not called for interrupts after this (one already running
  /// finishes). Idempotent.
  public func stop() {
    stopped.withLock { stopped in
      guard !stopped else { return }
      stopped = true
      var byte: UInt8 = 1
      _ = write(stopPipe.write, &byte, 1)
    }
  }

  private var isStopped: Bool { stopped.withLock { $0 } }

  private func run(_ handler: @Sendable () -> Void) {
    let signalFD = cle_interrupt_fd()
    guard signalFD >= 0, stopPipe.read >= 0 else { return }
    while !isStopped {
      var fds = [
        pollfd(fd: stopPipe.read, events: Int16(POLLIN), revents: 0),
        pollfd(fd: signalFD, events: Int16(POLLIN), revents: 0),
      ]
      let ready = poll(&fds, 2, -1)
      if ready < 0 {
        if errno == EINTR { continue }
        return
      }
      if fds[0].revents != 0 { return }
      if fds[1].revents != 0, cle_interrupt_drain() > 0, !isStopped { handler() }
    }
  }
}
