import Foundation
import TCBQCore

/// Runs a script with Ctrl-C wired to cancellation: the first SIGINT cancels the running task
/// (in-flight API calls stop, the statement reports "interrupted", exit 130); a second one exits
/// at once. Ctrl-C arrives through ``InterruptSignal``'s self-pipe, as in the interactive shell.
enum Interruptible {
  static func run(_ body: sending @escaping @isolated(any) () async -> ExitStatus) async
    -> ExitStatus
  {
    let task = Task(operation: body)
    let interrupts = Locked(0)
    let watch = InterruptSignal.watch {
      if interrupts.withLock({
        $0 += 1; return $0
      }) > 1 {
        _exit(130)
      }
      task.cancel()
    }
    let status = await task.value
    watch.stop()
    InterruptSignal.uninstall()
    return interrupts.withLock { $0 } > 0 ? .interrupted : status
  }
}
