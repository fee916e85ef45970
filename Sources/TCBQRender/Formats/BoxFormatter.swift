import TCBQQuery

/// Unicode box drawing, as DuckDB's and sqlite3's `box` mode: a frame around the header and the
/// rows, one space of padding in each cell; widths by display columns (CJK and emoji count two);
/// numbers right-aligned; NULL shown as `nullText` (dimmed in colour), as in `table`; control
/// characters escaped so each row is one line. Without headers the frame holds only the rows.
struct BoxFormatter: RowFormatter {
  let result: ResultSet
  let options: RenderOptions
  private let grid: TextGrid

  init(_ result: ResultSet, _ options: RenderOptions) {
    self.result = result
    self.options = options
    self.grid = TextGrid(result, nullText: options.nullText, escape: oneLine)
  }

  func writeStart(into out: inout [UInt8]) {
    guard !result.columns.isEmpty else { return }
    rule(left: "┌", middle: "┬", right: "┐", into: &out)
    guard options.headers else { return }
    out.append("│")
    for (index, column) in result.columns.enumerated() {
      out.append(" ")
      let padding = grid.widths[index] - grid.headerWidths[index]
      // Headers are centred over their column, as DuckDB does.
      out.appendSpaces(padding / 2)
      if options.color { out.append(ANSI.bold) }
      out.append(oneLine(column.name))
      if options.color { out.append(ANSI.reset) }
      out.appendSpaces(padding - padding / 2)
      out.append(" │")
    }
    out.append(0x0A)
    rule(left: "├", middle: "┼", right: "┤", into: &out)
  }

  func writeRow(_ row: Int, into out: inout [UInt8]) {
    out.append("│")
    for index in grid.cells.indices {
      let cell = grid.cells[index][row]
      let padding = grid.widths[index] - cell.width
      out.append(" ")
      if cell.isNumber { out.appendSpaces(padding) }
      if cell.isNull && options.color {
        out.append(ANSI.dim + cell.text + ANSI.reset)
      } else {
        out.append(cell.text)
      }
      if !cell.isNumber { out.appendSpaces(padding) }
      out.append(" │")
    }
    out.append(0x0A)
  }

  func writeEnd(into out: inout [UInt8]) {
    guard !result.columns.isEmpty else { return }
    rule(left: "└", middle: "┴", right: "┘", into: &out)
  }

  /// A horizontal rule across every column, e.g. `├────┼─────┤`.
  private func rule(left: String, middle: String, right: String, into out: inout [UInt8]) {
    out.append(left)
    for index in grid.widths.indices {
      if index > 0 { out.append(middle) }
      for _ in 0..<(grid.widths[index] + 2) { out.append("─") }
    }
    out.append(right)
    out.append(0x0A)
  }
}
