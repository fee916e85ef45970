/// Inner and left joins: hash join on ON's equality conjuncts, nested loop otherwise.
enum Joins {
  /// Joins source `source` onto `left`: its rows that pass the join's build filter are matched
  /// to `left`'s rows (on dictionary codes for one text key, by hashing the equality keys, or
  /// every pair when there are none), the rest of ON filters the matches, and a left join keeps
  /// each unmatched row of `left` with NULLs for this source.
  static func join(_ left: Frame, _ step: QueryPlan.JoinStep, source: Int, compiler: Compiler)
    throws -> Frame
  {
    let build = try buildSide(step, source: source, sourceCount: left.ids.count, compiler: compiler)
    let buildRows = build.ids[source]
    var pairs = Pairs(left: left, source: source, residual: step.residual.map(compiler.truth))
    if step.equiKeys.isEmpty {
      try crossPairs(left, buildRows, into: &pairs)
    } else if step.equiKeys.count == 1,
      let textKeys = TextKeyJoin(step.equiKeys[0], source: source, compiler: compiler)
    {
      (pairs.chunkLeft, pairs.chunkBuild) = try textKeys.pairs(left, buildRows: buildRows)
    } else {
      try hashPairs(left, build, step.equiKeys, source: source, compiler: compiler, into: &pairs)
    }
    try pairs.flush()
    if step.kind == .left {
      let (leftPositions, buildIDs) = try keepingUnmatched(
        pairs.leftPositions, pairs.buildRows, leftCount: left.count)
      return combine(left, leftPositions, buildIDs, source: source)
    }
    return combine(left, pairs.leftPositions, pairs.buildRows, source: source)
  }

  /// The joined table's rows, filtered by the WHERE conjuncts on it alone.
  private static func buildSide(
    _ step: QueryPlan.JoinStep, source: Int, sourceCount: Int, compiler: Compiler
  ) throws -> Frame {
    let build = Frame.scan(
      rows: compiler.tables[source].rowCount, source: source, sourceCount: sourceCount)
    guard let filter = step.buildFilter else { return build }
    return build.selecting(try Executor.select(build, compiler.truth(filter)))
  }

  /// Matching pairs (position in the left frame, row id of the joined table), in left order.
  /// Candidates gather in chunks and the rest of ON filters each chunk, so a nested loop never
  /// holds every candidate pair.
  private struct Pairs {
    static let chunkSize = 1 << 16

    let left: Frame
    let source: Int
    /// The rest of ON; nil when the equality keys are all of it.
    let residual: TruthEval?
    /// The pairs kept so far.
    var leftPositions: [Int32] = []
    var buildRows: [Int32] = []
    /// Candidates not yet filtered by `residual`.
    var chunkLeft: [Int32] = []
    var chunkBuild: [Int32] = []

    init(left: Frame, source: Int, residual: TruthEval?) {
      self.left = left
      self.source = source
      self.residual = residual
    }

    @inline(__always)
    mutating func add(_ position: Int, _ buildRow: Int32) {
      chunkLeft.append(Int32(position))
      chunkBuild.append(buildRow)
    }

    mutating func flushIfFull() throws {
      if chunkLeft.count >= Self.chunkSize { try flush() }
    }

    /// Keeps the candidates that pass `residual`, and empties the chunk.
    mutating func flush() throws {
      defer {
        chunkLeft.removeAll(keepingCapacity: true)
        chunkBuild.removeAll(keepingCapacity: true)
      }
      guard let residual else {
        leftPositions += chunkLeft
        buildRows += chunkBuild
        return
      }
      let candidates = Joins.combine(left, chunkLeft, chunkBuild, source: source)
      for candidate in try Executor.select(candidates, residual) {
        leftPositions.append(chunkLeft[Int(candidate)])
        buildRows.append(chunkBuild[Int(candidate)])
      }
    }
  }

  /// No equality keys: every left row with every build row.
  private static func crossPairs(_ left: Frame, _ buildRows: [Int32], into pairs: inout Pairs)
    throws
  {
    for position in 0..<left.count {
      try checkCancellation(position)
      for buildRow in buildRows { pairs.add(position, buildRow) }
      try pairs.flushIfFull()
    }
  }

  /// Hash join: the build rows by their key values, then each left row's key looked up.
  private static func hashPairs(
    _ left: Frame, _ build: Frame, _ keys: [QueryPlan.JoinStep.EquiKey], source: Int,
    compiler: Compiler, into pairs: inout Pairs
  ) throws {
    let buildKeys = keys.map { key in (compiler.value(key.build), key.affinity) }
    var rowsByKey: [[GroupKey]: [Int32]] = [:]
    for (position, buildRow) in build.ids[source].enumerated() {
      try checkCancellation(position)
      guard let key = keyValues(buildKeys, build, position) else { continue }
      rowsByKey[key, default: []].append(buildRow)
    }
    let probeKeys = keys.map { key in (compiler.value(key.probe), key.affinity) }
    for position in 0..<left.count {
      try checkCancellation(position)
      guard let key = keyValues(probeKeys, left, position), let buildRows = rowsByKey[key]
      else { continue }
      for buildRow in buildRows { pairs.add(position, buildRow) }
      try pairs.flushIfFull()
    }
  }

  /// The key values of row `position` of `frame`, each with its comparison affinity applied;
  /// nil when one is NULL (NULL matches nothing).
  private static func keyValues(_ keys: [(ValueEval, Affinity)], _ frame: Frame, _ position: Int)
    -> [GroupKey]?
  {
    var result: [GroupKey] = []
    result.reserveCapacity(keys.count)
    for (eval, affinity) in keys {
      let value = eval(frame, position)
      if value.isNull { return nil }
      result.append(GroupKey(affinity.apply(value)))
    }
    return result
  }

  /// A left join's pairs, with each left row that matched nothing paired with -1 (NULLs for
  /// the joined source). `leftPositions` is in left order.
  private static func keepingUnmatched(
    _ leftPositions: [Int32], _ buildRows: [Int32], leftCount: Int
  ) throws -> ([Int32], [Int32]) {
    var outLeft: [Int32] = []
    var outBuild: [Int32] = []
    outLeft.reserveCapacity(max(leftPositions.count, leftCount))
    outBuild.reserveCapacity(max(leftPositions.count, leftCount))
    var pair = 0
    for position in 0..<leftCount {
      try checkCancellation(position)
      let first = pair
      while pair < leftPositions.count, leftPositions[pair] == Int32(position) {
        outLeft.append(Int32(position))
        outBuild.append(buildRows[pair])
        pair += 1
      }
      if pair == first {
        outLeft.append(Int32(position))
        outBuild.append(-1)
      }
    }
    return (outLeft, outBuild)
  }

  /// The joined frame: `left`'s rows at `leftPositions`, with `buildRows` as source `source`.
  private static func combine(
    _ left: Frame, _ leftPositions: [Int32], _ buildRows: [Int32], source: Int
  ) -> Frame {
    var ids = left.ids.map { column in
      column.isEmpty ? [] : leftPositions.map { column[Int($0)] }
    }
    ids[source] = buildRows
    return Frame(ids: ids, count: leftPositions.count)
  }

  /// Text column = text column: each probe text's build code is looked up once, then rows
  /// match on codes.
  private struct TextKeyJoin {
    let probeSource: Int
    let probeColumn: TextColumn
    let buildColumn: TextColumn

    /// Nil unless `key` compares a text column of an earlier source with one of `source`.
    init?(_ key: QueryPlan.JoinStep.EquiKey, source: Int, compiler: Compiler) {
      guard case .column(let probeSource, let probeIndex, .text) = key.probe,
        case .column(source, let buildIndex, .text) = key.build,
        case .text(let probeColumn) = compiler.tables[probeSource].columns[probeIndex],
        case .text(let buildColumn) = compiler.tables[source].columns[buildIndex]
      else { return nil }
      self.probeSource = probeSource
      self.probeColumn = probeColumn
      self.buildColumn = buildColumn
    }

    /// Every (left position, build row) whose texts are equal, in left order.
    func pairs(_ left: Frame, buildRows: [Int32]) throws -> ([Int32], [Int32]) {
      let byCode = RowsByCode(buildRows, of: buildColumn)
      let probeToBuild = probeColumn.dictionary.map { buildColumn.code(of: $0) ?? -1 }
      var leftPositions: [Int32] = []
      var matchedRows: [Int32] = []
      leftPositions.reserveCapacity(left.count)
      matchedRows.reserveCapacity(left.count)
      let probeIDs = left.ids[probeSource]
      let probeCodes = probeColumn.codes
      for position in 0..<left.count {
        try checkCancellation(position)
        let probeRow = probeIDs[position]
        if probeRow < 0 { continue }
        let probeCode = probeCodes[Int(probeRow)]
        if probeCode < 0 { continue }
        let buildCode = probeToBuild[Int(probeCode)]
        if buildCode < 0 { continue }
        for slot in Int(byCode.starts[Int(buildCode)])..<Int(byCode.starts[Int(buildCode) + 1]) {
          leftPositions.append(Int32(position))
          matchedRows.append(byCode.rows[slot])
        }
      }
      return (leftPositions, matchedRows)
    }
  }

  /// Build rows grouped by their text code (a counting sort): the rows whose code is `code` are
  /// `rows[starts[code]..<starts[code + 1]]`, in build order. NULLs are left out.
  private struct RowsByCode {
    let starts: [Int32]
    let rows: [Int32]

    init(_ buildRows: [Int32], of column: TextColumn) {
      let codes = column.codes
      let codeCount = column.dictionary.count
      var starts = [Int32](repeating: 0, count: codeCount + 1)
      for row in buildRows {
        let code = codes[Int(row)]
        if code >= 0 { starts[Int(code) + 1] += 1 }
      }
      for code in 0..<codeCount { starts[code + 1] += starts[code] }
      var next = starts
      var rows = [Int32](repeating: 0, count: Int(starts[codeCount]))
      for row in buildRows {
        let code = codes[Int(row)]
        if code >= 0 {
          rows[Int(next[Int(code)])] = row
          next[Int(code)] += 1
        }
      }
      self.starts = starts
      self.rows = rows
    }
  }
}
