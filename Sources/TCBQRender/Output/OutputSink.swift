import TCBQCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where rendered bytes go. Renderers write in large chunks (about 64 KB), never byte by byte.
public protocol OutputSink {
  /// Writes all of `bytes`, or throws.
  mutating func write(_ bytes: [UInt8]) throws
}

/// Collects everything written, for tests and for output that is needed as a string.
public struct BytesSink: OutputSink, Sendable {
  /// The bytes written so far.
  public private(set) var bytes: [UInt8] = []

  public init() {}

  /// The bytes written so far, decoded as UTF-8.
  public var string: String { String(decoding: bytes, as: UTF8.self) }

  public mutating func write(_ bytes: [UInt8]) throws {
    self.bytes.append(contentsOf: bytes)
  }
}

/// Writes to an open file descriptor with `write(2)`, retrying after partial writes and `EINTR`.
///
/// The descriptor is neither owned nor closed. A write to a closed pipe fails with
/// ``OutputError`` (errno `EPIPE`) when `SIGPIPE` is ignored.
public struct FileDescriptorSink: OutputSink, Sendable {
  public let fileDescriptor: Int32

  public init(fileDescriptor: Int32) {
    self.fileDescriptor = fileDescriptor
  }

  /// Standard output (descriptor 1).
  public static var standardOutput: FileDescriptorSink { FileDescriptorSink(fileDescriptor: 1) }

  public mutating func write(_ bytes: [UInt8]) throws {
    if let failure = writeAll(fd: fileDescriptor, bytes: bytes) {
      throw OutputError(errno: failure)
    }
  }
}

/// A failed write to an output sink.
public struct OutputError: Error, Sendable, CustomStringConvertible {
  /// The `errno` of the failed write.
  public let errno: Int32

  public init(errno: Int32) {
    self.errno = errno
  }

  public var description: String {
    "cannot write output: \(String(cString: strerror(errno)))"
  }
}
