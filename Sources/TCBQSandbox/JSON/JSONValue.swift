import TCBQCore

/// A JSON document: what the sandbox reads from request bodies and writes as answers.
///
/// Objects keep their members in order, so answers are byte-identical from run to run.
enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case integer(Int64)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([JSONMember])

  /// The value of the first member named `key`, when this is an object.
  subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key == key }?.value
  }
}

/// One member of a JSON object.
struct JSONMember: Sendable, Hashable {
  var key: String
  var value: JSONValue
  init(_ key: String, _ value: JSONValue) {
    self.key = key
    self.value = value
  }
}

extension JSONValue {
  /// Parses `bytes` as one JSON document; nil when they are not valid JSON. Integers that fit
  /// in 64 bits are `.integer`, other numbers `.number`.
  static func parse(_ bytes: [UInt8]) -> JSONValue? {
    try? JSONReader.read(bytes) { try JSONValue(reading: &$0) }
  }

  private init(reading reader: inout JSONReader) throws {
    switch try reader.nextKind() {
    case .object:
      var members: [JSONMember] = []
      try reader.readObject { reader, key in
        members.append(JSONMember(key.string, try JSONValue(reading: &reader)))
      }
      self = .object(members)
    case .array:
      var elements: [JSONValue] = []
      try reader.readArray { elements.append(try JSONValue(reading: &$0)) }
      self = .array(elements)
    case .string: self = .string(try reader.string())
    case .boolean: self = .bool(try reader.readBool())
    case .null:
      _ = try reader.readNull()
      self = .null
    case .number:
      switch try reader.readNumber() {
      case .integer(let integer): self = .integer(integer)
      case .real(let number): self = .number(number)
      }
    }
  }

  /// The value as an object with the given members, dropping nil values (absent fields).
  static func object(_ members: [(String, JSONValue?)]) -> JSONValue {
    .object(members.compactMap { key, value in value.map { JSONMember(key, $0) } })
  }
}
