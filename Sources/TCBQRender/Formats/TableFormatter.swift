import TCBQQuery

/// Aligned columns two spaces apart, a header and a line of dashes; numbers right-aligned; NULL
/// shown as `nullText` (dimmed in colour); control characters escaped so each row is one line.
struct TableFormatter: RowFormatter {
  let options: RenderOptions
  private let grid: TextGrid

  init(_ result: ResultSet, _ options: RenderOptions) {
    self.options = options
    self.grid = TextGrid(result, nullText: options.nullText, escape: oneLine)
  }

  func writeStart(into out: inout [UInt8]) {
    guard options.headers, !grid.headers.isEmpty else { return }
    let last = grid.headers.count - 1
    for (index, name) in grid.headers.enumerated() {
      if index > 0 { out.append("  ") }
      let padding = grid.widths[index] - grid.headerWidths[index]
      let rightAligned = grid.numericColumns[index]
      if rightAligned { out.appendSpaces(padding) }
      if options.color { out.append(ANSI.bold) }
      out.append(name)
      if options.color { out.append(ANSI.reset) }
      if !rightAligned && index < last { out.appendSpaces(padding) }
    }
    out.append(0x0A)
    for index in grid.headers.indices {
      if index > 0 { out.append("  ") }
      out.append(contentsOf: repeatElement(UInt8(ascii: "-"), count: grid.widths[index]))
    }
    out.append(0x0A)
  }

  func writeRow(_ row: Int, into out: inout [UInt8]) {
    let start = out.count
    let last = grid.cells.count - 1
    for index in grid.cells.indices {
      if index > 0 { out.append("  ") }
      let cell = grid.cells[index][row]
      let padding = grid.widths[index] - cell.width
      if cell.isNumber { out.appendSpaces(padding) }
      if cell.isNull && options.color {
        out.append(ANSI.dim + cell.text + ANSI.reset)
      } else {
        out.append(cell.text)
      }
      if !cell.isNumber && index < last { out.appendSpaces(padding) }
    }
    // Empty cells at the end of a row leave no trailing blanks.
    while out.count > start, out[out.count - 1] == 0x20 { out.removeLast() }
    out.append(0x0A)
  }

  func writeEnd(into out: inout [UInt8]) {}
}
