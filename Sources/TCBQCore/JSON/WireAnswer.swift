/// An API answer read with `JSONReader`: it carries the envelope (`errcode`, 0 when absent, and
/// `errmsg`) beside its own fields, so one pass reads both.
public protocol WireAnswer: Sendable {
  init(reading reader: inout JSONReader) throws
  var errcode: Int64 { get }
  var errmsg: String? { get }
}

extension WireAnswer {
  /// The answer in `bytes`.
  public init(json bytes: some Collection<UInt8>) throws {
    self = try JSONReader.read(bytes) { try Self(reading: &$0) }
  }
}

/// A request body written with `JSONWriter` (the ones sent hundreds of times per statement);
/// other bodies go through `JSONEncoder`.
public protocol WireRequest: Sendable {
  var jsonBytes: [UInt8] { get }
}
