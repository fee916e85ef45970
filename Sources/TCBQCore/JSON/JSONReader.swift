import Foundation

/// A pull parser over the bytes of one complete JSON value: the caller walks the document
/// (`readObject`, `readArray`, `lenientString`, …) and skips what it does not want.
///
/// It exists for describecloudbaserunenvs, whose answer can be 100 MB: decoding it with
/// Foundation's `JSONDecoder` builds a map of the whole document first and then looks every key
/// up by hashing, which costs more time and memory than the rows themselves. This reader reads
/// each field once, straight into the model, and validates as it goes (strict JSON, UTF-8,
/// nesting at most `maxDepth`); leniency is only in how a present value is interpreted (see
/// `lenientString`, `lenientBool`, `lenientInt64`), matching `LenientDecoding.swift`.
///
/// The bytes are borrowed: use a reader only inside `JSONReader.read(_:_:)`.
public struct JSONReader {
  public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
    /// Byte offset in the value being read.
    public var offset: Int
    public var reason: String
    public var description: String { "invalid JSON at byte \(offset): \(reason)" }
  }

  static let maxDepth = 256

  private let bytes: UnsafeBufferPointer<UInt8>
  private(set) var position = 0
  private var depth = 0

  private init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// Runs `body` with a reader over `bytes`, then checks that only whitespace follows the value
  /// it read.
  public static func read<Bytes: Collection<UInt8>, Result>(
    _ bytes: Bytes, _ body: (inout JSONReader) throws -> Result
  ) throws -> Result {
    if let result = try bytes.withContiguousStorageIfAvailable({ try read(buffer: $0, body) }) {
      return result
    }
    return try Array(bytes).withUnsafeBufferPointer { try read(buffer: $0, body) }
  }

  private static func read<Result>(
    buffer: UnsafeBufferPointer<UInt8>, _ body: (inout JSONReader) throws -> Result
  ) throws -> Result {
    var reader = JSONReader(buffer)
    let result = try body(&reader)
    reader.skipWhitespace()
    guard reader.position == buffer.count else {
      throw reader.failure("unexpected data after the value")
    }
    return result
  }

  // MARK: Structure

  /// Reads an object, calling `member` with each key; a value `member` does not read is skipped.
  public mutating func readObject(_ member: (inout JSONReader, JSONKey) throws -> Void) throws {
    try readContainer(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), "an object") { reader in
      guard reader.peek() == UInt8(ascii: "\"") else { throw reader.failure("expected a key") }
      let key = try reader.keyBytes()
      try reader.expect(UInt8(ascii: ":"), "expected ':' after a key")
      reader.skipWhitespace()
      try reader.readOrSkip { try member(&$0, key) }
    }
  }

  /// Reads an array, calling `element` once per element; an element it does not read is
  /// skipped.
  public mutating func readArray(_ element: (inout JSONReader) throws -> Void) throws {
    try readContainer(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), "an array") { reader in
      try reader.readOrSkip(element)
    }
  }

  /// `open`, items separated by commas (`item` reads one), `close`; nesting counted.
  private mutating func readContainer(
    open: UInt8, close: UInt8, _ name: String, _ item: (inout JSONReader) throws -> Void
  ) throws {
    try expect(open, "expected \(name)")
    try enter()
    defer { depth -= 1 }
    skipWhitespace()
    if peek() == close {
      position += 1
      return
    }
    while true {
      skipWhitespace()
      try item(&self)
      skipWhitespace()
      switch next() {
      case UInt8(ascii: ","): continue
      case close: return
      default:
        throw failure("expected ',' or '\(Character(Unicode.Scalar(close)))'", at: position - 1)
      }
    }
  }

  /// Runs `read`; skips the value if it read nothing.
  private mutating func readOrSkip(_ read: (inout JSONReader) throws -> Void) throws {
    let before = position
    try read(&self)
    if position == before { try skipValue() }
  }

  /// An array of `Element`s; `null` is an empty array, as in `lenientArray`.
  public mutating func lenientArray<Element>(_ read: (inout JSONReader) throws -> Element) throws
    -> [Element]
  {
    if try readNull() { return [] }
    var elements: [Element] = []
    try readArray { reader in elements.append(try read(&reader)) }
    return elements
  }

  /// Skips one value of any kind, validating it.
  public mutating func skipValue() throws {
    skipWhitespace()
    switch peek() {
    case UInt8(ascii: "{"): try readObject { reader, _ in try reader.skipValue() }
    case UInt8(ascii: "["): try readArray { reader in try reader.skipValue() }
    case UInt8(ascii: "\""): _ = try string()
    case UInt8(ascii: "t"): try literal("true")
    case UInt8(ascii: "f"): try literal("false")
    case UInt8(ascii: "n"): try literal("null")
    default: _ = try number()
    }
  }

  // MARK: Scalars

  /// What kind of value comes next (without reading it).
  public enum Kind: Sendable { case object, array, string, number, boolean, null }

  public mutating func nextKind() throws -> Kind {
    skipWhitespace()
    switch peek() ?? 0 {
    case UInt8(ascii: "{"): return .object
    case UInt8(ascii: "["): return .array
    case UInt8(ascii: "\""): return .string
    case UInt8(ascii: "t"), UInt8(ascii: "f"): return .boolean
    case UInt8(ascii: "n"): return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
    default: throw failure("expected a value")
    }
  }

  public enum Number: Sendable, Hashable {
    case integer(Int64)
    case real(Double)
  }

  /// A number: an integer when integral and in `Int64`'s range, otherwise a `Double`.
  public mutating func readNumber() throws -> Number {
    skipWhitespace()
    let start = position
    let (text, integral) = try number()
    if integral, let value = Int64(text) { return .integer(value) }
    guard let value = Double(text) else { throw failure("number out of range", at: start) }
    return .real(value)
  }

  /// Exactly `true` or `false`.
  public mutating func readBool() throws -> Bool {
    skipWhitespace()
    if peek() == UInt8(ascii: "t") {
      try literal("true")
      return true
    }
    try literal("false")
    return false
  }

  /// Consumes `null` if it is next.
  public mutating func readNull() throws -> Bool {
    skipWhitespace()
    guard peek() == UInt8(ascii: "n") else { return false }
    try literal("null")
    return true
  }

  /// A string, or a number or boolean written as its string; `null` is `nil`. Objects and
  /// arrays are an error.
  public mutating func lenientString() throws -> String? {
    if try readNull() { return nil }
    switch peek() {
    case UInt8(ascii: "\""): return try string()
    case UInt8(ascii: "t"):
      try literal("true")
      return "true"
    case UInt8(ascii: "f"):
      try literal("false")
      return "false"
    case UInt8(ascii: "{"), UInt8(ascii: "["): throw failure("expected a string or a number")
    default:
      let (text, integral) = try number()
      if integral, let value = Int64(text) { return String(value) }
      if integral, let value = UInt64(text) { return String(value) }
      guard let value = Double(text) else { throw failure("number out of range") }
      return String(value)
    }
  }

  /// A boolean, also from `0`/`1` or the strings `true`/`false`/`0`/`1`; `null` is `nil`.
  public mutating func lenientBool() throws -> Bool? {
    if try readNull() { return nil }
    let start = position
    switch peek() {
    case UInt8(ascii: "t"):
      try literal("true")
      return true
    case UInt8(ascii: "f"):
      try literal("false")
      return false
    case UInt8(ascii: "\""):
      switch try string().lowercased() {
      case "true", "1": return true
      case "false", "0": return false
      default: throw failure("expected a boolean or 0/1", at: start)
      }
    default:
      let (text, _) = try number()
      switch text {
      case "1": return true
      case "0": return false
      default: throw failure("expected a boolean or 0/1", at: start)
      }
    }
  }

  /// A 64-bit integer, also from a numeric string or an integral floating-point number;
  /// `null` is `nil`.
  public mutating func lenientInt64() throws -> Int64? {
    if try readNull() { return nil }
    let start = position
    switch peek() {
    case UInt8(ascii: "\""):
      let text = try string()
      if let value = Int64(text.trimmingCharacters(in: .whitespaces)) { return value }
      throw failure("expected a 64-bit integer", at: start)
    default:
      let (text, integral) = try number()
      if integral, let value = Int64(text) { return value }
      if let value = Double(text), value.rounded() == value, let integer = Int64(exactly: value) {
        return integer
      }
      throw failure("expected a 64-bit integer", at: start)
    }
  }

  /// A JSON string.
  public mutating func string() throws -> String {
    let start = position
    let (range, escaped) = try stringRange()
    let raw = UnsafeBufferPointer(rebasing: bytes[range])
    if !escaped {
      guard let text = String(validating: raw, as: UTF8.self) else {
        throw failure("invalid UTF-8 in a string", at: start)
      }
      return text
    }
    return try unescape(raw, at: range.lowerBound)
  }

  // MARK: Lexing

  private func peek() -> UInt8? {
    position < bytes.count ? bytes[position] : nil
  }

  private mutating func next() -> UInt8? {
    guard position < bytes.count else { return nil }
    defer { position += 1 }
    return bytes[position]
  }

  mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x09, 0x0A, 0x0D: position += 1
      default: return
      }
    }
  }

  private mutating func expect(_ byte: UInt8, _ message: String) throws {
    skipWhitespace()
    guard peek() == byte else { throw failure(message) }
    position += 1
  }

  private mutating func enter() throws {
    depth += 1
    if depth > Self.maxDepth { throw failure("nested deeper than \(Self.maxDepth) levels") }
  }

  private mutating func literal(_ word: StaticString) throws {
    let count = word.utf8CodeUnitCount
    guard position + count <= bytes.count,
      memcmp(bytes.baseAddress! + position, word.utf8Start, count) == 0
    else { throw failure("invalid literal") }
    position += count
  }

  /// A key, compared later against the model's names without making a `String`.
  private mutating func keyBytes() throws -> JSONKey {
    let (range, escaped) = try stringRange()
    if escaped {
      return JSONKey(
        Array(try unescape(UnsafeBufferPointer(rebasing: bytes[range]), at: range.lowerBound).utf8))
    }
    return JSONKey(UnsafeBufferPointer(rebasing: bytes[range]))
  }

  /// The bytes between the quotes of the string at `position`, and whether they hold escapes.
  private mutating func stringRange() throws -> (Range<Int>, escaped: Bool) {
    let start = position
    guard next() == UInt8(ascii: "\"") else { throw failure("expected a string", at: start) }
    var escaped = false
    var i = position
    while i < bytes.count {
      let byte = bytes[i]
      if byte == UInt8(ascii: "\"") {
        position = i + 1
        return (start + 1..<i, escaped)
      }
      if byte == UInt8(ascii: "\\") {
        escaped = true
        i += 2
        continue
      }
      if byte < 0x20 { throw failure("control character in a string", at: i) }
      i += 1
    }
    throw failure("unterminated string", at: start)
  }

  /// A number's text and whether it is integral (no fraction, no exponent).
  private mutating func number() throws -> (Substring, integral: Bool) {
    let start = position
    var i = position
    func digits() -> Int {
      let from = i
      while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
      return i - from
    }
    if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
    let intStart = i
    guard digits() > 0 else { throw failure("expected a value", at: start) }
    if bytes[intStart] == UInt8(ascii: "0"), i - intStart > 1 {
      throw failure("leading zero in a number", at: start)
    }
    var integral = true
    if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
      i += 1
      integral = false
      guard digits() > 0 else { throw failure("expected digits after '.'", at: i) }
    }
    if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
      i += 1
      integral = false
      if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
      guard digits() > 0 else { throw failure("expected digits in an exponent", at: i) }
    }
    position = i
    let text = Substring(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
    return (text, integral)
  }

  /// Decodes the escapes of a string's raw bytes.
  private func unescape(_ raw: UnsafeBufferPointer<UInt8>, at offset: Int) throws -> String {
    var out: [UInt8] = []
    out.reserveCapacity(raw.count)
    var i = 0
    func hex4() throws -> UInt16 {
      guard i + 4 <= raw.count else { throw failure("short \\u escape", at: offset + i) }
      var value: UInt16 = 0
      for _ in 0..<4 {
        let c = raw[i]
        let digit: UInt8
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
        default: throw failure("bad hex digit in a \\u escape", at: offset + i)
        }
        value = value << 4 | UInt16(digit)
        i += 1
      }
      return value
    }
    while i < raw.count {
      let byte = raw[i]
      i += 1
      guard byte == UInt8(ascii: "\\") else {
        out.append(byte)
        continue
      }
      guard i < raw.count else { throw failure("unterminated escape", at: offset + i) }
      let kind = raw[i]
      i += 1
      switch kind {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(kind)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        var scalar = UInt32(try hex4())
        if (0xD800..<0xDC00).contains(scalar) {
          guard i + 2 <= raw.count, raw[i] == UInt8(ascii: "\\"), raw[i + 1] == UInt8(ascii: "u")
          else { throw failure("unpaired surrogate", at: offset + i) }
          i += 2
          let low = UInt32(try hex4())
          guard (0xDC00..<0xE000).contains(low) else {
            throw failure("unpaired surrogate", at: offset + i)
          }
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00..<0xE000).contains(scalar) {
          throw failure("unpaired surrogate", at: offset + i)
        }
        out.append(contentsOf: UTF8.encode(Unicode.Scalar(scalar)!)!)
      default: throw failure("unknown escape", at: offset + i - 1)
      }
    }
    guard let text = String(validating: out, as: UTF8.self) else {
      throw failure("invalid UTF-8 in a string", at: offset)
    }
    return text
  }

  private func failure(_ reason: String, at offset: Int? = nil) -> Failure {
    Failure(offset: offset ?? position, reason: reason)
  }
}

/// An object key as bytes, matched against ASCII names without building a `String`.
public struct JSONKey {
  private let storage: Storage
  private enum Storage {
    case borrowed(UnsafeBufferPointer<UInt8>)
    case owned([UInt8])
  }

  init(_ bytes: UnsafeBufferPointer<UInt8>) { storage = .borrowed(bytes) }
  init(_ bytes: [UInt8]) { storage = .owned(bytes) }

  /// The key as a string.
  public var string: String {
    switch storage {
    case .borrowed(let bytes): String(decoding: bytes, as: UTF8.self)
    case .owned(let bytes): String(decoding: bytes, as: UTF8.self)
    }
  }

  /// Whether the key is `name`.
  public func `is`(_ name: StaticString) -> Bool {
    let count = name.utf8CodeUnitCount
    switch storage {
    case .borrowed(let bytes):
      return bytes.count == count && memcmp(bytes.baseAddress!, name.utf8Start, count) == 0
    case .owned(let bytes):
      return bytes.count == count
        && bytes.withUnsafeBufferPointer { memcmp($0.baseAddress!, name.utf8Start, count) == 0 }
    }
  }
}
