import Foundation

/// Decoding that tolerates what the service actually sends: arrays as `[]`, `null` or absent;
/// numbers where strings are documented; booleans as `0`/`1`; integers as strings.
extension KeyedDecodingContainer {
  /// `[]`, `null` and an absent key all decode as an empty array.
  func lenientArray<Element: Decodable>(of type: Element.Type, forKey key: Key) throws -> [Element]
  {
    try decodeIfPresent([Element].self, forKey: key) ?? []
  }

  /// A string, or a number or boolean written as its string; `null` or absent is `nil`.
  func lenientString(forKey key: Key) throws -> String? {
    guard contains(key), try !decodeNil(forKey: key) else { return nil }
    if let string = try? decode(String.self, forKey: key) { return string }
    if let integer = try? decode(Int64.self, forKey: key) { return String(integer) }
    if let integer = try? decode(UInt64.self, forKey: key) { return String(integer) }
    if let number = try? decode(Double.self, forKey: key) { return String(number) }
    if let flag = try? decode(Bool.self, forKey: key) { return String(flag) }
    throw DecodingError.typeMismatch(
      String.self,
      .init(codingPath: codingPath + [key], debugDescription: "expected a string or a number"))
  }

  /// A 64-bit integer, also from a numeric string or an integral floating-point number.
  func lenientInt64(forKey key: Key) throws -> Int64? {
    guard contains(key), try !decodeNil(forKey: key) else { return nil }
    if let integer = try? decode(Int64.self, forKey: key) { return integer }
    if let string = try? decode(String.self, forKey: key),
      let integer = Int64(string.trimmingCharacters(in: .whitespaces))
    {
      return integer
    }
    if let number = try? decode(Double.self, forKey: key), number.rounded() == number,
      let integer = Int64(exactly: number)
    {
      return integer
    }
    throw DecodingError.typeMismatch(
      Int64.self,
      .init(codingPath: codingPath + [key], debugDescription: "expected a 64-bit integer"))
  }

  /// A boolean, also from `0`/`1` or the strings `true`/`false`/`0`/`1`.
  func lenientBool(forKey key: Key) throws -> Bool? {
    guard contains(key), try !decodeNil(forKey: key) else { return nil }
    if let flag = try? decode(Bool.self, forKey: key) { return flag }
    if let integer = try? decode(Int64.self, forKey: key), integer == 0 || integer == 1 {
      return integer == 1
    }
    if let string = try? decode(String.self, forKey: key) {
      switch string.lowercased() {
      case "true", "1": return true
      case "false", "0": return false
      default: break
      }
    }
    throw DecodingError.typeMismatch(
      Bool.self,
      .init(codingPath: codingPath + [key], debugDescription: "expected a boolean or 0/1"))
  }
}
