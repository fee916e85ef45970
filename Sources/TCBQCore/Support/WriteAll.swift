#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes all of `bytes` to the open descriptor `fd` with `write(2)`, going on after partial
/// writes and after `EINTR`. Returns nil when everything was written, else the `errno` of the
/// write that failed (`EPIPE` for a closed pipe when `SIGPIPE` is ignored).
@discardableResult
public func writeAll(fd: Int32, bytes: UnsafeRawBufferPointer) -> Int32? {
  var offset = 0
  while offset < bytes.count {
    let written = systemWrite(fd, bytes.baseAddress! + offset, bytes.count - offset)
    if written < 0 {
      if errno == EINTR { continue }
      return errno
    }
    offset += written
  }
  return nil
}

/// Writes all of `bytes` to `fd`; nil when everything was written, else the failed `errno`.
@discardableResult
public func writeAll(fd: Int32, bytes: [UInt8]) -> Int32? {
  bytes.withUnsafeBytes { writeAll(fd: fd, bytes: $0) }
}

private func systemWrite(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
  #if canImport(Glibc)
    return Glibc.write(fd, pointer, count)
  #else
    return Darwin.write(fd, pointer, count)
  #endif
}
