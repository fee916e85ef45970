import Foundation
import TCBQQuery

/// A GitHub table: `|` escaped as `\|`, line breaks as `<br>`, numeric columns right-aligned.
/// Without headers the header cells are empty, so the output is still a table.
struct MarkdownFormatter: RowFormatter {
  let options: RenderOptions
  private let grid: TextGrid

  init(_ result: ResultSet, _ options: RenderOptions) {
    self.options = options
    self.grid = TextGrid(result, nullText: options.nullText, escape: markdownCell)
  }

  func writeStart(into out: inout [UInt8]) {
    guard !grid.headers.isEmpty else { return }
    out.append(UInt8(ascii: "|"))
    for (index, header) in grid.headers.enumerated() {
      let width = max(3, grid.widths[index])
      let name = options.headers ? header : ""
      let padding = width - (options.headers ? grid.headerWidths[index] : 0)
      out.append(UInt8(ascii: " "))
      if grid.numericColumns[index] { out.appendSpaces(padding) }
      out.append(name)
      if !grid.numericColumns[index] { out.appendSpaces(padding) }
      out.append(" |")
    }
    out.append(0x0A)
    out.append(UInt8(ascii: "|"))
    for index in grid.headers.indices {
      let width = max(3, grid.widths[index])
      out.append(UInt8(ascii: " "))
      out.append(
        contentsOf: repeatElement(
          UInt8(ascii: "-"), count: grid.numericColumns[index] ? width - 1 : width))
      if grid.numericColumns[index] { out.append(UInt8(ascii: ":")) }
      out.append(" |")
    }
    out.append(0x0A)
  }

  func writeRow(_ row: Int, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "|"))
    for index in grid.cells.indices {
      let cell = grid.cells[index][row]
      let padding = max(3, grid.widths[index]) - cell.width
      out.append(UInt8(ascii: " "))
      if grid.numericColumns[index] { out.appendSpaces(padding) }
      out.append(cell.text)
      if !grid.numericColumns[index] { out.appendSpaces(padding) }
      out.append(" |")
    }
    out.append(0x0A)
  }

  func writeEnd(into out: inout [UInt8]) {}
}

/// A value as the text of a markdown cell: `|` as `\|`, line breaks as `<br>`, other control
/// characters escaped as in tables.
func markdownCell(_ text: String) -> String {
  guard text.utf8.contains(where: { $0 == UInt8(ascii: "|") || $0 < 0x20 || $0 == 0x7F }) else {
    return text
  }
  let cell =
    text
    .replacingOccurrences(of: "|", with: "\\|")
    .replacingOccurrences(of: "\r\n", with: "<br>")
    .replacingOccurrences(of: "\n", with: "<br>")
    .replacingOccurrences(of: "\r", with: "<br>")
  return oneLine(cell)
}
