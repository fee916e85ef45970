import Dispatch
import Foundation
import Synchronization

/// Runs a script with Ctrl-C wired to cancellation: the first SIGINT cancels the running task
/// (in-flight API calls stop, the statement reports "interrupted", exit 130); a second one exits
/// at once.
enum Interruptible {
  static func run(_ body: sending @escaping @isolated(any) () async -> ExitStatus) async -> ExitStatus {
    let task = Task(operation: body)
    let interrupts = InterruptCount()
    signal(SIGINT, SIG_IGN)
    let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    source.setEventHandler {
      if interrupts.increment() > 1 { _exit(130) }
      task.cancel()
    }
    source.resume()
    let status = await task.value
    source.cancel()
    signal(SIGINT, SIG_DFL)
    return interrupts.value > 0 ? .interrupted : status
  }
}

/// How many times Ctrl-C was pressed, shared with the signal handler's queue.
final class InterruptCount: Sendable {
  private let count = Mutex(0)
  func increment() -> Int { count.withLock { $0 += 1; return $0 } }
  var value: Int { count.withLock { $0 } }
}
