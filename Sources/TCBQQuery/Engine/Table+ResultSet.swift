extension Table {
  /// A table holding the rows of a result (`_`): a column of texts, integers or booleans (with
  /// NULLs) gets that column's storage, any other (reals, mixed types) keeps its values boxed.
  /// Repeated column names get SQLite's suffixes, as `create table … as select` does
  /// (`appid`, `appid:1`).
  init(_ name: String, holding result: ResultSet) {
    let names = Self.uniqueColumnNames(result.columns.map(\.name))
    let columns = result.columns.indices.map { index in
      ColumnData(result.storage[index], declared: result.columns[index].type)
    }
    self.init(name: name, columnNames: names, columns: columns)
  }
}

extension Table {
  /// Column names lowercased, a repeated one with `:1`, `:2` after it (as SQLite names the
  /// columns of `create table … as select`).
  static func uniqueColumnNames(_ names: [String]) -> [String] {
    var taken = Set<String>()
    return names.map { name in
      var candidate = name.lowercased()
      var suffix = 0
      while taken.contains(candidate) {
        suffix += 1
        candidate = name.lowercased() + ":\(suffix)"
      }
      taken.insert(candidate)
      return candidate
    }
  }
}

extension ColumnData {
  /// The storage for one result column.
  init(_ storage: ResultSet.Storage, declared: ColumnType) {
    switch storage {
    case .text(let codes, let dictionary):
      self = .text(TextColumn(codes: codes, dictionary: dictionary))
    case .values(let values):
      self = Self.typed(values, declared: declared) ?? .values(values)
    }
  }

  /// `values` in a column of one type, when every value is NULL or of that type.
  private static func typed(_ values: [Value], declared: ColumnType) -> ColumnData? {
    var kind: ColumnType?
    for value in values {
      let type: ColumnType
      switch value {
      case .null: continue
      case .text: type = .text
      case .integer: type = .integer
      case .boolean: type = .boolean
      case .real: return nil
      }
      if kind == nil { kind = type } else if kind != type { return nil }
    }
    switch kind ?? declared {
    case .text:
      var column = TextColumn()
      column.reserveCapacity(values.count)
      for value in values {
        if case .text(let text) = value { column.append(text) } else { column.append(nil) }
      }
      return .text(column)
    case .integer:
      var column = IntegerColumn()
      column.reserveCapacity(values.count)
      for value in values {
        if case .integer(let n) = value { column.append(n) } else { column.append(nil) }
      }
      return .integer(column)
    case .boolean:
      var column = BooleanColumn()
      column.reserveCapacity(values.count)
      for value in values {
        if case .boolean(let b) = value { column.append(b) } else { column.append(nil) }
      }
      return .boolean(column)
    case .real, .any:
      return nil
    }
  }
}
