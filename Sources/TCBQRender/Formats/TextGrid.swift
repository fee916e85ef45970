import TCBQQuery

/// The cells of a result as display text, with their widths: what the table and markdown formats
/// align.
struct TextGrid {
  struct Cell {
    var text: String
    var width: Int
    var isNull: Bool
    /// Right-aligned: a number, or NULL in a numeric column.
    var isNumber: Bool
  }

  /// `cells[column][row]`.
  var cells: [[Cell]]
  /// Each column's width: the widest cell or header.
  var widths: [Int]
  /// The column names, escaped as the cells are.
  var headers: [String]
  var headerWidths: [Int]
  var numericColumns: [Bool]

  init(_ result: ResultSet, nullText: String, escape: (String) -> String) {
    let nullWidth = displayWidth(nullText)
    let numericColumns = result.columns.indices.map(result.isNumericColumn)
    self.numericColumns = numericColumns
    cells = numericColumns.enumerated().map { index, numeric in
      (0..<result.rowCount).map { row in
        let value = result[row, index]
        guard let plain = value.plainText else {
          // NULL lines up with the numbers of a numeric column.
          return Cell(text: nullText, width: nullWidth, isNull: true, isNumber: numeric)
        }
        let text = escape(plain)
        return Cell(text: text, width: displayWidth(text), isNull: false, isNumber: value.isNumber)
      }
    }
    headers = result.columns.map { escape($0.name) }
    headerWidths = headers.map(displayWidth)
    widths = zip(cells, headerWidths).map { column, header in
      column.reduce(header) { max($0, $1.width) }
    }
  }
}
