/// Dictionary folding: an expression over one text column (and constants) takes at most one value
/// per distinct text, so it is evaluated once per dictionary entry and looked up per row —
/// `lower(status)`, `substr(create_time, 1, 7)`, `region in (…)` cost a table read per row.
extension Compiler {
  /// The single text column `e` reads, when folding pays off (few distinct texts).
  func foldableColumn(_ e: BoundExpr) -> (source: Int, column: Int, text: TextColumn)? {
    guard folding else { return nil }
    switch e {
    case .literal, .column, .aggregate: return nil
    default: break
    }
    var columns = Set<[Int]>()
    var aggregate = false
    e.visit { node in
      switch node {
      case .column(let s, let c, _): columns.insert([s, c])
      case .aggregate: aggregate = true
      default: break
      }
    }
    guard !aggregate, columns.count == 1, let only = columns.first,
      case .text(let text) = tables[only[0]].columns[only[1]],
      text.dictionary.count * 2 <= tables[only[0]].rowCount
    else { return nil }
    return (only[0], only[1], text)
  }

  /// `e` evaluated for each distinct text of the column, then for NULL (the last entry).
  func perEntry<T>(
    _ e: BoundExpr, _ s: Int, _ c: Int, _ text: TextColumn,
    _ compile: (Compiler) -> (Frame, Int) -> T
  ) -> [T] {
    let count = text.dictionary.count
    var entries = (0..<Int32(count)).map { $0 }
    entries.append(-1)
    // A one-table stand-in: row i holds dictionary entry i (the last row NULL).
    var columns = tables[s].columns.map { _ in
      ColumnData.boolean(BooleanColumn(values: [Int8](repeating: -1, count: count + 1)))
    }
    columns[c] = .text(TextColumn(codes: entries, sharing: text))
    var standIn = tables
    standIn[s] = Table(name: tables[s].name, columnNames: tables[s].columnNames, columns: columns)
    var standInCompiler = self
    standInCompiler.tables = standIn
    standInCompiler.folding = false
    let eval = compile(standInCompiler)
    let frame = Frame.scan(rows: count + 1, source: s, sourceCount: tables.count)
    return (0...count).map { eval(frame, $0) }
  }

  func foldedValue(_ e: BoundExpr) -> ValueEval? {
    guard let (s, c, text) = foldableColumn(e) else { return nil }
    let values = perEntry(e, s, c, text) { $0.value(e) }
    let null = values[values.count - 1]
    let codes = text.codes
    return { f, r in
      let id = f.ids[s][r]
      if id < 0 { return null }
      let code = codes[Int(id)]
      return code < 0 ? null : values[Int(code)]
    }
  }

  func foldedTruth(_ e: BoundExpr) -> TruthEval? {
    guard let (s, c, text) = foldableColumn(e) else { return nil }
    let truths = perEntry(e, s, c, text) { $0.truth(e) }
    let null = truths[truths.count - 1]
    let codes = text.codes
    return { f, r in
      let id = f.ids[s][r]
      if id < 0 { return null }
      let code = codes[Int(id)]
      return code < 0 ? null : truths[Int(code)]
    }
  }
}
