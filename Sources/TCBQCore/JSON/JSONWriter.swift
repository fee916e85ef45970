/// Appending JSON to a byte buffer: the one escaping rule set for every JSON text tcbq writes
/// (the sandbox's answers, the json and jsonl formats, the audit log, the history file).
///
/// A string is written between double quotes with `"` and `\` escaped by a backslash, the
/// control characters below U+0020 as `\b` `\t` `\n` `\f` `\r` or `\u00xx` (lowercase hex), and
/// U+2028 and U+2029 always as `\u2028` and `\u2029` (so the text is also valid JavaScript);
/// every other character is written as its UTF-8 bytes. The bytes are scanned once and copied
/// in runs between the few that need an escape.
extension Array where Element == UInt8 {
  /// Appends `text` as a JSON string, quotes included.
  public mutating func appendJSONString(_ text: String) {
    var text = text
    text.withUTF8 { appendJSONString(utf8: $0) }
  }

  /// Appends the UTF-8 text in `utf8` as a JSON string, quotes included.
  public mutating func appendJSONString(utf8: UnsafeBufferPointer<UInt8>) {
    append(UInt8(ascii: "\""))
    var copied = 0
    var index = 0
    let count = utf8.count
    while index < count {
      let byte = utf8[index]
      guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 else {
        index += 1
        continue
      }
      // E2 80 A8 and E2 80 A9 are U+2028 and U+2029; E2 starts other characters too.
      let separator = byte == 0xE2
      if separator {
        guard index + 2 < count, utf8[index + 1] == 0x80, utf8[index + 2] | 1 == 0xA9 else {
          index += 1
          continue
        }
      }
      append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copied..<index]))
      if separator {
        append(contentsOf: utf8[index + 2] == 0xA8 ? "\\u2028".utf8 : "\\u2029".utf8)
        index += 3
      } else {
        appendJSONEscape(byte)
        index += 1
      }
      copied = index
    }
    append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copied..<count]))
    append(UInt8(ascii: "\""))
  }

  /// Appends `integer` in decimal, without building a `String`.
  public mutating func appendDecimal(_ integer: Int64) {
    // The magnitude of Int64.min does not fit in an Int64.
    var magnitude = integer.magnitude
    if integer < 0 { append(UInt8(ascii: "-")) }
    let start = count
    repeat {
      append(UInt8(ascii: "0") + UInt8(magnitude % 10))
      magnitude /= 10
    } while magnitude > 0
    self[start...].reverse()
  }

  /// The escape of a byte that cannot stand in a JSON string as itself: `"`, `\` or a control
  /// character.
  private mutating func appendJSONEscape(_ byte: UInt8) {
    append(UInt8(ascii: "\\"))
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"): append(byte)
    case 0x08: append(UInt8(ascii: "b"))
    case 0x09: append(UInt8(ascii: "t"))
    case 0x0A: append(UInt8(ascii: "n"))
    case 0x0C: append(UInt8(ascii: "f"))
    case 0x0D: append(UInt8(ascii: "r"))
    default:
      append(contentsOf: "u00".utf8)
      append(hexDigit(byte >> 4))
      append(hexDigit(byte & 0x0F))
    }
  }

  private func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
  }
}

/// Writes compact JSON into `bytes`, placing the commas: a value after another value of the same
/// object or array gets one first. Members come in the order written; strings are escaped as
/// ``Swift/Array/appendJSONString(_:)`` says.
public struct JSONWriter: Sendable {
  /// The JSON written so far.
  public var bytes: [UInt8] = []
  /// Whether the next key or value needs a comma first.
  private var needsComma = false

  public init(reservingCapacity capacity: Int = 256) {
    bytes.reserveCapacity(capacity)
  }

  public mutating func beginObject() {
    separate()
    bytes.append(UInt8(ascii: "{"))
    needsComma = false
  }

  public mutating func endObject() {
    bytes.append(UInt8(ascii: "}"))
    needsComma = true
  }

  public mutating func beginArray() {
    separate()
    bytes.append(UInt8(ascii: "["))
    needsComma = false
  }

  public mutating func endArray() {
    bytes.append(UInt8(ascii: "]"))
    needsComma = true
  }

  /// A member's key and its colon; the value written next is the member's.
  public mutating func key(_ name: String) {
    separate()
    bytes.appendJSONString(name)
    bytes.append(UInt8(ascii: ":"))
    needsComma = false
  }

  public mutating func string(_ text: String) {
    separate()
    bytes.appendJSONString(text)
    needsComma = true
  }

  public mutating func integer(_ integer: Int64) {
    separate()
    bytes.appendDecimal(integer)
    needsComma = true
  }

  /// The number as Swift prints a `Double` (`0.5`, `1e-05`); `null` when it is not finite.
  public mutating func number(_ number: Double) {
    raw(number.isFinite ? String(number) : "null")
  }

  public mutating func bool(_ flag: Bool) {
    raw(flag ? "true" : "false")
  }

  public mutating func null() {
    raw("null")
  }

  /// `"key":"value"`, nothing when `value` is nil.
  public mutating func member(_ name: String, _ value: String?) {
    guard let value else { return }
    key(name)
    string(value)
  }

  /// `"key":true`, nothing when `value` is nil.
  public mutating func member(_ name: String, _ value: Bool?) {
    guard let value else { return }
    key(name)
    bool(value)
  }

  /// `"key":123`, nothing when `value` is nil.
  public mutating func member(_ name: String, _ value: Int64?) {
    guard let value else { return }
    key(name)
    integer(value)
  }

  /// `"key":null`
  public mutating func nullMember(_ name: String) {
    key(name)
    null()
  }

  /// Appends `json`, a value already encoded, as the next value.
  public mutating func raw(_ json: [UInt8]) {
    separate()
    bytes.append(contentsOf: json)
    needsComma = true
  }

  /// Appends `json`, a value already encoded, as the next value.
  public mutating func raw(_ json: String) {
    separate()
    bytes.append(contentsOf: json.utf8)
    needsComma = true
  }

  private mutating func separate() {
    if needsComma { bytes.append(UInt8(ascii: ",")) }
  }
}
