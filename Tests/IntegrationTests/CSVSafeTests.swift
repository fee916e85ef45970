import Foundation
import Testing

/// `--csv-safe`: cells that a spreadsheet would read as a formula are neutralised with a leading
/// `'`; without the flag values are written unchanged (issue 6).
@Suite(.serialized) struct CSVSafeTests {
  static let dangerous: [(literal: String, value: String)] = [
    ("'=1+1'", "=1+1"),
    ("'+1'", "+1"),
    ("'-2+3'", "-2+3"),
    ("'@SUM(A1)'", "@SUM(A1)"),
    ("'\tx'", "\tx"),
    ("'\rx'", "\rx"),
  ]

  func select(_ literal: String) -> String {
    "select \(literal) as x from envs limit 1"
  }

  @Test(arguments: dangerous)
  func aDangerousCellIsNeutralisedInCSV(literal: String, value: String) throws {
    let result = try TCBQRunner().run([
      "--csv-safe", "--format", "csv", "--no-header", "-c", select(literal),
    ])
    #expect(result.status == 0, "\(result.stderr)")
    // ("\r\n" is one Character in Swift: cut the record's end as bytes.)
    #expect(result.stdout.utf8.suffix(2).elementsEqual("\r\n".utf8))
    let field = String(decoding: Array(result.stdout.utf8.dropLast(2)), as: UTF8.self)
    // The cell (unquoted by CSV when needed) starts with the guard and keeps the value after it.
    let cell = field.hasPrefix("\"") ? String(field.dropFirst().dropLast()) : field
    #expect(cell == "'" + value)
  }

  @Test(arguments: dangerous)
  func withoutTheFlagTheValueIsUnchanged(literal: String, value: String) throws {
    let result = try TCBQRunner().run(["--format", "json", "-c", select(literal)])
    #expect(result.status == 0, "\(result.stderr)")
    let rows =
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: String]]
    #expect(rows?.first?["x"] == value)
    let csv = try TCBQRunner().run(["--format", "csv", "--no-header", "-c", select(literal)])
    #expect(!csv.stdout.hasPrefix("'") && !csv.stdout.hasPrefix("\"'"))
  }

  @Test func plainCSVOfFormulaLikeValuesIsUnchanged() throws {
    let query = "select '=1+1' as a, '+1' as b, '-2' as c, '@x' as d from envs limit 1"
    let result = try TCBQRunner().run(["--format", "csv", "--no-header", "-c", query])
    #expect(result.stdout == "=1+1,+1,-2,@x\r\n")
  }

  @Test func safeCellsAndNumbersAreLeftAlone() throws {
    let query = "select 'a=b' as a, 'ok' as b, -3 as c, 1.5 as d, null as e from envs limit 1"
    let result = try TCBQRunner().run(["--csv-safe", "--format", "csv", "--no-header", "-c", query])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "a=b,ok,-3,1.5,\r\n")
  }

  @Test func tsvIsNeutralisedToo() throws {
    let result = try TCBQRunner().run([
      "--csv-safe", "--format", "tsv", "--no-header", "-c", select("'=HYPERLINK(1)'"),
    ])
    #expect(result.stdout == "'=HYPERLINK(1)\n")
  }

  @Test func jsonIsNotAffectedByTheFlag() throws {
    let result = try TCBQRunner().run(["--csv-safe", "--format", "jsonl", "-c", select("'=1+1'")])
    #expect(result.stdout == #"{"x":"=1+1"}"# + "\n")
  }
}
