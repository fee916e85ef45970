/// Inner and left joins: hash join on ON's equality conjuncts, nested loop otherwise.
enum Joins {
  static func join(_ left: Frame, _ step: QueryPlan.JoinStep, source k: Int, compiler: Compiler)
    throws -> Frame
  {
    let table = compiler.tables[k]
    let sourceCount = left.ids.count
    // The build side: this table's rows, filtered by WHERE conjuncts on it alone.
    var build = Frame.scan(rows: table.rowCount, source: k, sourceCount: sourceCount)
    if let filter = step.buildFilter {
      build = build.selecting(try Executor.select(build, compiler.truth(filter)))
    }
    let buildRows = build.ids[k]

    // Matching pairs (left position, right row id), in left order. Candidates gather in
    // chunks; the rest of ON filters each chunk, so a nested loop never holds every pair.
    var pairLeft: [Int32] = []
    var pairRight: [Int32] = []
    var chunkLeft: [Int32] = []
    var chunkRight: [Int32] = []
    let residual = step.residual.map(compiler.truth)
    func flush() throws {
      defer {
        chunkLeft.removeAll(keepingCapacity: true)
        chunkRight.removeAll(keepingCapacity: true)
      }
      guard let residual else {
        pairLeft += chunkLeft
        pairRight += chunkRight
        return
      }
      let candidates = combine(left, chunkLeft, chunkRight, k: k)
      for p in try Executor.select(candidates, residual) {
        pairLeft.append(chunkLeft[Int(p)])
        pairRight.append(chunkRight[Int(p)])
      }
    }
    let chunkSize = 1 << 16
    if step.equiKeys.isEmpty {
      for r in 0..<left.count {
        try checkCancellation(r)
        for id in buildRows {
          chunkLeft.append(Int32(r))
          chunkRight.append(id)
        }
        if chunkLeft.count >= chunkSize { try flush() }
      }
    } else if step.equiKeys.count == 1,
      let fast = textKeyJoin(left, step.equiKeys[0], build: buildRows, compiler: compiler, k: k)
    {
      (chunkLeft, chunkRight) = try fast()
    } else {
      let buildKeys = step.equiKeys.map { key in (compiler.value(key.build), key.affinity) }
      var map: [[GroupKey]: [Int32]] = [:]
      for (position, id) in buildRows.enumerated() {
        try checkCancellation(position)
        guard let key = keyOf(buildKeys, build, position) else { continue }
        map[key, default: []].append(id)
      }
      let probeKeys = step.equiKeys.map { key in (compiler.value(key.probe), key.affinity) }
      for r in 0..<left.count {
        try checkCancellation(r)
        guard let key = keyOf(probeKeys, left, r), let ids = map[key] else { continue }
        for id in ids {
          chunkLeft.append(Int32(r))
          chunkRight.append(id)
        }
        if chunkLeft.count >= chunkSize { try flush() }
      }
    }
    try flush()

    // Left join: rows without a match get NULLs for this table.
    if step.kind == .left {
      var outLeft: [Int32] = []
      var outRight: [Int32] = []
      outLeft.reserveCapacity(max(pairLeft.count, left.count))
      outRight.reserveCapacity(max(pairLeft.count, left.count))
      var p = 0
      for r in 0..<left.count {
        try checkCancellation(r)
        let start = p
        while p < pairLeft.count, pairLeft[p] == Int32(r) {
          outLeft.append(Int32(r))
          outRight.append(pairRight[p])
          p += 1
        }
        if p == start {
          outLeft.append(Int32(r))
          outRight.append(-1)
        }
      }
      pairLeft = outLeft
      pairRight = outRight
    }
    return combine(left, pairLeft, pairRight, k: k)
  }

  private static func combine(_ left: Frame, _ pairLeft: [Int32], _ pairRight: [Int32], k: Int)
    -> Frame
  {
    var ids = left.ids.map { column in
      column.isEmpty ? [] : pairLeft.map { column[Int($0)] }
    }
    ids[k] = pairRight
    return Frame(ids: ids, count: pairLeft.count)
  }

  private static func keyOf(_ keys: [(ValueEval, Affinity)], _ frame: Frame, _ r: Int)
    -> [GroupKey]?
  {
    var result: [GroupKey] = []
    result.reserveCapacity(keys.count)
    for (eval, affinity) in keys {
      let v = eval(frame, r)
      if v.isNull { return nil }
      result.append(GroupKey(affinity.apply(v)))
    }
    return result
  }

  /// Text column = text column: match dictionary codes once, then join on codes.
  private static func textKeyJoin(
    _ left: Frame, _ key: (probe: BoundExpr, build: BoundExpr, affinity: Affinity),
    build buildRows: [Int32], compiler: Compiler, k: Int
  ) -> (() throws -> ([Int32], [Int32]))? {
    guard case .column(let ps, let pc, .text) = key.probe,
      case .column(k, let bc, .text) = key.build,
      case .text(let probeColumn) = compiler.tables[ps].columns[pc],
      case .text(let buildColumn) = compiler.tables[k].columns[bc]
    else { return nil }
    return {
      // Rows of the build side per build code, as offsets into one flat array.
      let codeCount = buildColumn.dictionary.count
      var counts = [Int32](repeating: 0, count: codeCount + 1)
      for id in buildRows {
        let code = buildColumn.codes[Int(id)]
        if code >= 0 { counts[Int(code) + 1] += 1 }
      }
      for i in 0..<codeCount { counts[i + 1] += counts[i] }
      var fill = counts
      var flat = [Int32](repeating: 0, count: Int(counts[codeCount]))
      for id in buildRows {
        let code = buildColumn.codes[Int(id)]
        if code >= 0 {
          flat[Int(fill[Int(code)])] = id
          fill[Int(code)] += 1
        }
      }
      // Each probe text's build code, looked up once.
      let probeToBuild = probeColumn.dictionary.map { buildColumn.code(of: $0) ?? -1 }
      var pairLeft: [Int32] = []
      var pairRight: [Int32] = []
      pairLeft.reserveCapacity(left.count)
      pairRight.reserveCapacity(left.count)
      let probeIDs = left.ids[ps]
      let probeCodes = probeColumn.codes
      for r in 0..<left.count {
        try checkCancellation(r)
        let id = probeIDs[r]
        if id < 0 { continue }
        let code = probeCodes[Int(id)]
        if code < 0 { continue }
        let b = probeToBuild[Int(code)]
        if b < 0 { continue }
        for i in Int(counts[Int(b)])..<Int(counts[Int(b) + 1]) {
          pairLeft.append(Int32(r))
          pairRight.append(flat[i])
        }
      }
      return (pairLeft, pairRight)
    }
  }
}
