import Foundation
import TCBQQuery
import TCBQRender
import Testing

/// csv read back by an independent RFC 4180 reader gives exactly the values json shows.
@Suite struct CSVRoundTripTests {
  @Test(arguments: Fixtures.all.map(\.name))
  func readerGetsBackTheValuesOfJSON(fixture: String) throws {
    let result = try #require(Fixtures.all.first { $0.name == fixture }).result
    let csv = renderedText(result, options: RenderOptions(format: .csv))
    let records = try RFC4180Reader.parse(csv)
    #expect(records.first == result.columns.map(\.name))
    let rows = Array(records.dropFirst())
    #expect(rows.count == result.rowCount)

    let json = renderedText(result, options: RenderOptions(format: .json))
    let objects = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    #expect(objects.count == rows.count)
    for (row, object) in zip(rows, objects) {
      #expect(row.count == result.columns.count)
      for (field, column) in zip(row, result.columns) {
        let shown = object[column.name]
        switch shown {
        case is NSNull, nil: #expect(field == nil, "\(column.name): \(String(describing: field))")
        case let text as String: #expect(field == text)
        case let number as NSNumber where field == "true" || field == "false":
          #expect(number.boolValue == (field == "true"))
        case let number as NSNumber:
          #expect(field.flatMap(Double.init) == number.doubleValue, "\(String(describing: field))")
        default: Issue.record("unexpected json value \(String(describing: shown))")
        }
      }
    }
  }

  @Test func pythonCSVModuleReadsTheSameFields() throws {
    let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
    guard let python else { return }
    let csv = renderedText(Fixtures.mixed, options: RenderOptions(format: .csv))
    let script = """
      import csv, io, json, sys
      print(json.dumps(list(csv.reader(io.TextIOWrapper(sys.stdin.buffer, newline="")))))
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = ["-c", script]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data(csv.utf8))
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let parsed = try #require(try JSONSerialization.jsonObject(with: data) as? [[String]])
    let ours = try RFC4180Reader.parse(csv).map { $0.map { $0 ?? "" } }
    #expect(parsed == ours)
  }

  @Test func emptyStringAndNullDiffer() {
    let result = ResultSet(
      columns: [.init(name: "a", type: .text), .init(name: "b", type: .text)],
      rows: [[.text(""), .null]])
    #expect(renderedText(result, options: RenderOptions(format: .csv)) == "a,b\r\n\"\",\r\n")
  }

  @Test func quotesOnlyWhatNeedsIt() {
    let result = ResultSet(
      columns: [.init(name: "a,b", type: .text)],
      rows: [[.text("x y")], [.text("q\"q")], [.text("cr\rx")], [.text("é")]])
    #expect(
      renderedText(result, options: RenderOptions(format: .csv))
        == "\"a,b\"\r\nx y\r\n\"q\"\"q\"\r\n\"cr\rx\"\r\né\r\n")
  }
}

/// A small RFC 4180 reader, independent of the renderer: records of fields, `nil` for a field
/// that is empty and unquoted.
enum RFC4180Reader {
  struct Malformed: Error {}

  static func parse(_ text: String) throws -> [[String?]] {
    var records: [[String?]] = []
    var record: [String?] = []
    var field = ""
    var quoted = false
    var scalars = Array(text.unicodeScalars)[...]
    func endField() {
      record.append(field.isEmpty && !quoted ? nil : field)
      field = ""
      quoted = false
    }
    while let scalar = scalars.popFirst() {
      switch scalar {
      case "\"" where field.isEmpty && !quoted:
        quoted = true
        while true {
          guard let next = scalars.popFirst() else { throw Malformed() }
          if next == "\"" {
            if scalars.first == "\"" {
              scalars.removeFirst()
              field.unicodeScalars.append("\"")
            } else {
              break
            }
          } else {
            field.unicodeScalars.append(next)
          }
        }
      case ",": endField()
      case "\r" where scalars.first == "\n":
        scalars.removeFirst()
        endField()
        records.append(record)
        record = []
      case "\"", "\r", "\n": throw Malformed()
      default: field.unicodeScalars.append(scalar)
      }
    }
    if !field.isEmpty || !record.isEmpty { throw Malformed() }
    return records
  }
}
