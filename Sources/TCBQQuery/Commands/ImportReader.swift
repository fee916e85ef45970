import TCBQCore

/// The file formats `.import` reads.
public enum ImportFormat: String, Sendable, CaseIterable {
  case csv, tsv, jsonl

  /// The format a file's ending names (`.csv`, `.tsv`/`.tab`, `.jsonl`/`.ndjson`), else csv.
  public init(path: String) {
    let ending = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
    switch ending {
    case "tsv", "tab": self = .tsv
    case "jsonl", "ndjson": self = .jsonl
    default: self = .csv
    }
  }
}

/// A row `.import` cannot read: its line in the file (1-based) and why. Nothing is imported.
public struct ImportError: Error, Sendable, Hashable, CustomStringConvertible {
  public var line: Int
  public var message: String
  public init(line: Int, message: String) {
    self.line = line
    self.message = message
  }
  public var description: String { "line \(line): \(message); nothing imported" }
}

/// Reads a whole file for `.import` into rows. The first row (CSV, TSV) names the columns; CSV
/// and TSV values are text, as sqlite3 imports them (RFC 4180 quoting, CRLF or LF); JSONL keeps
/// the JSON types, its columns the keys in the order first seen.
public enum ImportReader {
  public static func read(_ bytes: [UInt8], format: ImportFormat) throws(ImportError)
    -> ResultSet
  {
    switch format {
    case .csv: return try delimited(bytes, separator: UInt8(ascii: ","))
    case .tsv: return try delimited(bytes, separator: UInt8(ascii: "\t"))
    case .jsonl: return try jsonLines(bytes)
    }
  }

  // MARK: CSV, TSV

  static func delimited(_ bytes: [UInt8], separator: UInt8) throws(ImportError) -> ResultSet {
    var records = DelimitedRecords(bytes: bytes, separator: separator)
    guard let (_, header) = try records.next() else {
      throw ImportError(line: 1, message: "the file is empty: no header row")
    }
    let names = header.enumerated().map { $1.isEmpty ? "column\($0 + 1)" : $1 }
    var rows: [[Value]] = []
    while let (line, fields) = try records.next() {
      guard fields.count == names.count else {
        throw ImportError(
          line: line,
          message: "expected \(names.count) fields as the header names, found \(fields.count)")
      }
      rows.append(fields.map(Value.text))
    }
    return ResultSet(columns: names.map { .init(name: $0, type: .text) }, rows: rows)
  }

  // MARK: JSONL

  static func jsonLines(_ bytes: [UInt8]) throws(ImportError) -> ResultSet {
    var names: [String] = []
    var index: [String: Int] = [:]
    var objects: [[(Int, Value)]] = []
    var lineNumber = 0
    for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
      lineNumber += 1
      let trimmed = line.last == 0x0D ? line.dropLast() : line
      if trimmed.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
      var members: [(Int, Value)] = []
      do {
        try JSONReader.read(trimmed) { reader in
          try reader.readObject { reader, key in
            let name = key.string
            let column = index[name] ?? names.count
            if column == names.count {
              names.append(name)
              index[name] = column
            }
            members.append((column, try value(&reader)))
          }
        }
      } catch let error as NestedValue {
        throw ImportError(line: lineNumber, message: error.description)
      } catch {
        throw ImportError(line: lineNumber, message: "not a JSON object: \(error)")
      }
      objects.append(members)
    }
    guard !objects.isEmpty else { throw ImportError(line: 1, message: "the file has no object") }
    let rows = objects.map { members in
      var row = [Value](repeating: .null, count: names.count)
      for (column, value) in members { row[column] = value }
      return row
    }
    let types = names.indices.map { column in columnType(rows.lazy.map { $0[column] }) }
    return ResultSet(
      columns: zip(names, types).map { .init(name: $0, type: $1) }, rows: rows)
  }

  /// The one type of the non-NULL values, or `any` when they mix.
  private static func columnType(_ values: some Sequence<Value>) -> ColumnType {
    var found: ColumnType?
    for value in values {
      let type: ColumnType
      switch value {
      case .null: continue
      case .text: type = .text
      case .integer: type = .integer
      case .real: type = .real
      case .boolean: type = .boolean
      }
      if found == nil { found = type } else if found != type { return .any }
    }
    return found ?? .text
  }

  private struct NestedValue: Error, CustomStringConvertible {
    var description: String { "nested objects and arrays are not imported" }
  }

  private static func value(_ reader: inout JSONReader) throws -> Value {
    switch try reader.nextKind() {
    case .string: return .text(try reader.string())
    case .number:
      switch try reader.readNumber() {
      case .integer(let n): return .integer(n)
      case .real(let x): return .real(x)
      }
    case .boolean: return .boolean(try reader.readBool())
    case .null:
      _ = try reader.readNull()
      return .null
    case .object, .array: throw NestedValue()
    }
  }
}

/// The records of a CSV or TSV file, each with the line it starts on.
struct DelimitedRecords {
  let bytes: [UInt8]
  let separator: UInt8
  var offset = 0
  var line = 1

  private static let quote = UInt8(ascii: "\"")
  private static let newline = UInt8(ascii: "\n")
  private static let carriageReturn = UInt8(ascii: "\r")

  /// The next record, skipping empty lines; nil at the end.
  mutating func next() throws(ImportError) -> (line: Int, fields: [String])? {
    while offset < bytes.count, bytes[offset] == Self.newline || isCRLF(at: offset) {
      offset += bytes[offset] == Self.newline ? 1 : 2
      line += 1
    }
    guard offset < bytes.count else { return nil }
    let start = line
    var fields: [String] = []
    while true {
      fields.append(try field(recordLine: start))
      guard offset < bytes.count else { return (start, fields) }
      let byte = bytes[offset]
      if byte == separator {
        offset += 1
        continue
      }
      // The end of the record: LF or CRLF.
      offset += byte == Self.newline ? 1 : 2
      line += 1
      return (start, fields)
    }
  }

  private func isCRLF(at index: Int) -> Bool {
    bytes[index] == Self.carriageReturn && index + 1 < bytes.count
      && bytes[index + 1] == Self.newline
  }

  private func endsField(at index: Int) -> Bool {
    index >= bytes.count || bytes[index] == separator || bytes[index] == Self.newline
      || isCRLF(at: index)
  }

  private mutating func field(recordLine: Int) throws(ImportError) -> String {
    guard offset < bytes.count, bytes[offset] == Self.quote else {
      let start = offset
      while !endsField(at: offset) { offset += 1 }
      return String(decoding: bytes[start..<offset], as: UTF8.self)
    }
    offset += 1
    var value: [UInt8] = []
    while true {
      guard offset < bytes.count else {
        throw ImportError(line: recordLine, message: "a quoted field is not closed")
      }
      let byte = bytes[offset]
      offset += 1
      if byte == Self.newline { line += 1 }
      if byte != Self.quote {
        value.append(byte)
        continue
      }
      if offset < bytes.count, bytes[offset] == Self.quote {
        value.append(Self.quote)
        offset += 1
        continue
      }
      guard endsField(at: offset) else {
        throw ImportError(
          line: line,
          message: "text after the closing quote of a field (a quote inside must be doubled)")
      }
      return String(decoding: value, as: UTF8.self)
    }
  }
}
