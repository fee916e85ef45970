/// Streaming writes, for large answers (100,000 environments) without building a tree.
extension JSONWriter {
  mutating func beginObject() {
    separate()
    bytes.append(UInt8(ascii: "{"))
    needsComma = false
  }

  mutating func endObject() {
    bytes.append(UInt8(ascii: "}"))
    needsComma = true
  }

  mutating func beginArray() {
    separate()
    bytes.append(UInt8(ascii: "["))
    needsComma = false
  }

  mutating func endArray() {
    bytes.append(UInt8(ascii: "]"))
    needsComma = true
  }

  mutating func key(_ name: String) {
    separate()
    writeString(name)
    bytes.append(UInt8(ascii: ":"))
    needsComma = false
  }

  /// `"key":"value"`, nothing when `value` is nil.
  mutating func member(_ name: String, _ value: String?) {
    guard let value else { return }
    key(name)
    writeString(value)
    needsComma = true
  }

  /// `"key":true`, nothing when `value` is nil.
  mutating func member(_ name: String, _ value: Bool?) {
    guard let value else { return }
    key(name)
    append(value ? "true" : "false")
    needsComma = true
  }

  /// `"key":null`
  mutating func nullMember(_ name: String) {
    key(name)
    append("null")
    needsComma = true
  }

  private mutating func separate() {
    if needsComma { bytes.append(UInt8(ascii: ",")) }
  }
}
