#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The distinct texts of a `TextColumn`, stored end to end as UTF-8 in one byte array, with an
/// open-addressing hash table of codes for lookup.
///
/// Why not `[String]` plus `[String: Int32]`: a Swift `String` longer than 15 bytes is a heap
/// object of its own (about 64 bytes for a 20-byte timestamp), and the answer for 100,000
/// environments holds about 800,000 distinct such texts (timestamps, bucket and domain names,
/// log ids). Here a text costs its bytes, 4 bytes of offset and about 8 bytes of hash slot.
/// Reading one builds a `String` (no allocation up to 15 bytes); comparisons and lookups work
/// on the bytes.
public struct TextDictionary: Sendable, RandomAccessCollection {
  private var bytes: [UInt8] = []
  /// `ends[i]` is where text `i` ends in `bytes`; it starts where text `i - 1` ends.
  private var ends: [UInt32] = []
  /// Code + 1 of the text hashed there, 0 for an empty slot; a power of two in size, at most
  /// half full.
  private var slots: [Int32] = []

  public init() {}

  public var startIndex: Int { 0 }
  public var endIndex: Int { ends.count }

  public subscript(code: Int) -> String {
    withUTF8(code) { String(decoding: $0, as: UTF8.self) }
  }

  /// The UTF-8 bytes of text `code`.
  @inline(__always)
  public func withUTF8<R>(_ code: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows
    -> R
  {
    let start = code == 0 ? 0 : Int(ends[code - 1])
    let end = Int(ends[code])
    return try bytes.withUnsafeBufferPointer { all in
      try body(UnsafeBufferPointer(rebasing: all[start..<end]))
    }
  }

  /// SQLite BINARY order of texts `a` and `b`: -1, 0 or 1.
  @inline(__always)
  public func compare(_ a: Int, _ b: Int) -> Int {
    let aStart = a == 0 ? 0 : Int(ends[a - 1]), aEnd = Int(ends[a])
    let bStart = b == 0 ? 0 : Int(ends[b - 1]), bEnd = Int(ends[b])
    return bytes.withUnsafeBufferPointer { all in
      compareBytes(
        UnsafeBufferPointer(rebasing: all[aStart..<aEnd]),
        UnsafeBufferPointer(rebasing: all[bStart..<bEnd]))
    }
  }

  /// The code of `text`, if present.
  public func code(of text: String) -> Int32? {
    guard !slots.isEmpty else { return nil }
    var text = text
    return text.withUTF8 { find($0).code }
  }

  /// The code of `text`, added as the next code if new.
  public mutating func codeOrInsert(_ text: String) -> Int32 {
    var text = text
    return text.withUTF8 { utf8 in
      if slots.isEmpty || (ends.count + 1) * 2 > slots.count { grow() }
      let (found, slot) = find(utf8)
      if let found { return found }
      let code = Int32(ends.count)
      bytes.append(contentsOf: utf8)
      precondition(bytes.count <= Int(UInt32.max), "text dictionary over 4 GB")
      ends.append(UInt32(bytes.count))
      slots[slot] = code + 1
      return code
    }
  }

  /// Adds `text` if new; true when it was.
  @discardableResult
  public mutating func insert(_ text: String) -> Bool {
    let before = ends.count
    return codeOrInsert(text) == before
  }

  /// `texts` without repeats, in the order first seen. Texts repeat when their bytes do, as in
  /// SQLite (Swift's `Set<String>` would also take 'é' and 'e' + U+0301 as one); hashing bytes
  /// kept end to end is also about twice as fast as a `Set` of `String`s for a long list.
  public static func distinct(_ texts: [String]) -> [String] {
    var seen = TextDictionary()
    seen.reserveCapacity(texts.count, averageBytes: texts.first?.utf8.count ?? 0)
    return texts.filter { seen.insert($0) }
  }

  /// Room for `count` distinct texts of about `averageBytes` each without regrowing.
  public mutating func reserveCapacity(_ count: Int, averageBytes: Int = 0) {
    ends.reserveCapacity(count)
    if averageBytes > 0 { bytes.reserveCapacity(count * averageBytes) }
    if count * 2 > slots.count { rehash(capacity: Self.slotCount(for: count)) }
  }

  // MARK: Hash table

  private static func slotCount(for count: Int) -> Int {
    var capacity = 16
    while capacity < count * 2 { capacity <<= 1 }
    return capacity
  }

  private static func hash(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
    var hasher = Hasher()
    hasher.combine(bytes: UnsafeRawBufferPointer(utf8))
    return hasher.finalize()
  }

  /// The code of `utf8` if present, and the slot it is in or would go in.
  private func find(_ utf8: UnsafeBufferPointer<UInt8>) -> (code: Int32?, slot: Int) {
    let mask = slots.count - 1
    var slot = Self.hash(utf8) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { return (nil, slot) }
      let code = Int(entry - 1)
      if withUTF8(code, { compareBytes($0, utf8) == 0 }) { return (Int32(code), slot) }
      slot = (slot + 1) & mask
    }
  }

  private mutating func grow() {
    rehash(capacity: Swift.max(16, slots.count * 2))
  }

  private mutating func rehash(capacity: Int) {
    var fresh = [Int32](repeating: 0, count: capacity)
    let mask = capacity - 1
    for code in 0..<ends.count {
      var slot = withUTF8(code) { Self.hash($0) } & mask
      while fresh[slot] != 0 { slot = (slot + 1) & mask }
      fresh[slot] = Int32(code + 1)
    }
    slots = fresh
  }
}

/// Bytewise (SQLite BINARY) comparison: -1, 0 or 1.
@inline(__always)
func compareBytes(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Int {
  let n = min(x.count, y.count)
  if n > 0 {
    let c = memcmp(x.baseAddress!, y.baseAddress!, n)
    if c != 0 { return c < 0 ? -1 : 1 }
  }
  return x.count < y.count ? -1 : (x.count == y.count ? 0 : 1)
}
