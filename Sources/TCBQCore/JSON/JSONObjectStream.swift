/// Splits a top-level JSON object that arrives in chunks into its members, and one chosen
/// member's array into its elements, so that a large answer is read without ever holding all
/// of it: only the bytes of the member or element in progress are kept.
///
/// `feed` takes the next chunk; each complete member (`key`, bytes of its value) and each
/// complete element of the array member named `arrayKey` (its bytes) is handed to the callbacks
/// as soon as its last byte arrives. `finish` checks that the object was closed. The callbacks
/// read the bytes with `JSONReader`, which validates them; this type only finds the boundaries
/// (strings and their escapes, nesting) and checks the object's own punctuation.
public struct JSONObjectStream {
  public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
    /// Offset from the first byte of the stream.
    public var offset: Int
    public var reason: String
    public var description: String { "invalid JSON at byte \(offset): \(reason)" }
  }

  private enum Phase {
    case open, key, colon, value, element, afterElement, afterMember, done
  }

  private let arrayKey: String
  private var buffer: [UInt8] = []
  /// Index in `buffer` of the next unread byte.
  private var position = 0
  /// Bytes dropped from the front of `buffer` so far (for offsets in errors).
  private var dropped = 0
  private var phase = Phase.open
  private var firstMember = true
  private var firstElement = true
  private var currentKey = ""
  private var scan = ValueScan()

  public init(arrayKey: String) {
    self.arrayKey = arrayKey
  }

  /// Adds `chunk` and hands over every member and element it completes.
  public mutating func feed(
    _ chunk: some Collection<UInt8>,
    member: (String, ArraySlice<UInt8>) throws -> Void,
    element: (ArraySlice<UInt8>) throws -> Void
  ) throws {
    buffer.append(contentsOf: chunk)
    try advance(member: member, element: element)
    // Keep only the value in progress (a move of less than one member or element).
    buffer.removeSubrange(0..<position)
    dropped += position
    position = 0
  }

  /// Bytes held between chunks: the start of the member or element in progress.
  var bufferedBytes: Int { buffer.count }

  /// Checks that the stream held one whole object (and only whitespace after it).
  public func finish() throws {
    guard phase == .done else {
      throw Failure(offset: dropped + buffer.count, reason: "the answer ended early")
    }
  }

  private mutating func advance(
    member: (String, ArraySlice<UInt8>) throws -> Void,
    element: (ArraySlice<UInt8>) throws -> Void
  ) throws {
    while true {
      skipWhitespace()
      guard position < buffer.count else { return }
      let byte = buffer[position]
      switch phase {
      case .open:
        guard byte == UInt8(ascii: "{") else { throw failure("expected an object") }
        position += 1
        phase = .key
      case .key:
        if byte == UInt8(ascii: "}"), firstMember {
          position += 1
          phase = .done
          continue
        }
        guard byte == UInt8(ascii: "\"") else { throw failure("expected a key") }
        guard let end = try scanValue() else { return }
        currentKey = try JSONReader.read(buffer[position..<end]) { try $0.string() }
        position = end
        firstMember = false
        phase = .colon
      case .colon:
        guard byte == UInt8(ascii: ":") else { throw failure("expected ':' after a key") }
        position += 1
        phase = .value
      case .value:
        if currentKey == arrayKey, byte == UInt8(ascii: "[") {
          position += 1
          firstElement = true
          phase = .element
          continue
        }
        guard let end = try scanValue() else { return }
        try member(currentKey, buffer[position..<end])
        position = end
        phase = .afterMember
      case .element:
        if byte == UInt8(ascii: "]"), firstElement {
          position += 1
          phase = .afterMember
          continue
        }
        guard let end = try scanValue() else { return }
        try element(buffer[position..<end])
        position = end
        firstElement = false
        phase = .afterElement
      case .afterElement:
        position += 1
        switch byte {
        case UInt8(ascii: ","): phase = .element
        case UInt8(ascii: "]"): phase = .afterMember
        default: throw failure("expected ',' or ']'", at: position - 1)
        }
      case .afterMember:
        position += 1
        switch byte {
        case UInt8(ascii: ","): phase = .key
        case UInt8(ascii: "}"): phase = .done
        default: throw failure("expected ',' or '}'", at: position - 1)
        }
      case .done:
        throw failure("unexpected data after the object")
      }
    }
  }

  private mutating func skipWhitespace() {
    while position < buffer.count {
      switch buffer[position] {
      case 0x20, 0x09, 0x0A, 0x0D: position += 1
      default: return
      }
    }
  }

  /// The end of the value starting at `position`, or nil when more bytes are needed. Resumes
  /// where the last call stopped, so a value arriving in many chunks is scanned once.
  private mutating func scanValue() throws -> Int? {
    if let end = try scan.resume(buffer, from: position) {
      scan = ValueScan()
      return end
    }
    return nil
  }

  private func failure(_ reason: String, at index: Int? = nil) -> Failure {
    Failure(offset: dropped + (index ?? position), reason: reason)
  }
}

/// The state of finding where one JSON value ends: nesting depth, whether inside a string,
/// whether after a backslash, and how far it has looked (relative to the value's start).
private struct ValueScan {
  private var scanned = 0
  private var depth = 0
  private var inString = false
  private var escaped = false
  private var isScalar = false

  /// The end index of the value starting at `start`, or nil if `buffer` ends first.
  mutating func resume(_ buffer: [UInt8], from start: Int) throws -> Int? {
    var i = start + scanned
    if scanned == 0 {
      switch buffer[start] {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "{"), UInt8(ascii: "["): depth = 1
      default: isScalar = true
      }
      i += 1
    }
    defer { scanned = i - start }
    while i < buffer.count {
      let byte = buffer[i]
      if isScalar {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D:
          return i
        default:
          i += 1
          continue
        }
      }
      i += 1
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
          if depth == 0 { return i }
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        depth -= 1
        if depth == 0 { return i }
      default: break
      }
    }
    return nil
  }
}
