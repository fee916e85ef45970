/// Projection, DISTINCT, ORDER BY (sort on precomputed keys, or a heap for top-N), LIMIT and
/// OFFSET.
enum Output {
  /// The result of a plan over the joined, filtered rows of `frame`: DISTINCT, ORDER BY, then
  /// OFFSET and LIMIT choose the rows, and each output column is built for them.
  static func produce(_ frame: Frame, plan: QueryPlan, compiler: Compiler) throws -> ResultSet {
    let projections = plan.projections.map(compiler.value)
    let positions =
      plan.distinct
      ? try distinctRows(frame, plan: plan, compiler: compiler) : Array(0..<frame.count)
    var order = Array(positions.indices)  // indices into `positions`
    if !plan.orderBy.isEmpty {
      try sort(&order, frame, positions, plan: plan, projections: projections, compiler: compiler)
    }
    let rows = window(order, plan: plan).map { positions[$0] }
    let storage = try plan.projections.indices.map { i in
      try outputColumn(
        i, of: frame, rows: rows, plan: plan, projections: projections, compiler: compiler)
    }
    return ResultSet(columns: plan.columns, storage: storage)
  }

  /// DISTINCT: the first row of each distinct output row (grouped on the projections).
  private static func distinctRows(
    _ frame: Frame, plan: QueryPlan, compiler: Compiler
  ) throws -> [Int] {
    let (groupOf, count) = try Aggregation.groups(frame, plan.projections, compiler: compiler)
    var seen = [Bool](repeating: false, count: count)
    var kept: [Int] = []
    for r in 0..<frame.count where !seen[Int(groupOf[r])] {
      seen[Int(groupOf[r])] = true
      kept.append(r)
    }
    return kept
  }

  /// ORDER BY: sorts `order` (indices into `positions`) on keys computed once per row; a heap
  /// when only the first few rows of many are kept.
  private static func sort(
    _ order: inout [Int], _ frame: Frame, _ positions: [Int], plan: QueryPlan,
    projections: [ValueEval], compiler: Compiler
  ) throws {
    let useHeap = plan.limit.map { $0 + plan.offset < order.count / 2 } ?? false
    let keys = try sortKeys(
      frame, positions, plan: plan, projections: projections, compiler: compiler,
      ranked: !useHeap)
    let descending = plan.orderBy.map(\.descending)
    let less: (Int, Int) -> Bool = { a, b in
      for k in keys.indices {
        var c = keys[k].compare(a, b)
        if descending[k] { c = -c }
        if c != 0 { return c < 0 }
      }
      return a < b
    }
    if !useHeap, keys.count <= 2, let composite = Self.packedRanks(keys, descending) {
      // Ranks of one or two text columns packed into one integer: sort on integers.
      order.sort { a, b in
        let x = composite[a], y = composite[b]
        return x < y || (x == y && a < b)
      }
    } else if useHeap, let limit = plan.limit {
      order = try topN(order, count: limit + plan.offset, less: less)
    } else {
      order.sort(by: less)
    }
  }

  /// One key column per ORDER BY item, indexed like `positions`: ranks or codes for a text
  /// column, evaluated values otherwise.
  private static func sortKeys(
    _ frame: Frame, _ positions: [Int], plan: QueryPlan, projections: [ValueEval],
    compiler: Compiler, ranked: Bool
  ) throws -> [SortColumn] {
    try plan.orderBy.map { item -> SortColumn in
      let expression: BoundExpr
      let eval: ValueEval?
      switch item.key {
      case .output(let i): (expression, eval) = (plan.projections[i], projections[i])
      case .expression(let e): (expression, eval) = (e, nil)
      }
      if case .column(let s, let c, .text) = expression,
        let key = textKey(frame, positions, s, c, compiler, ranked: ranked)
      {
        return key
      }
      return .values(try evaluate(frame, positions, eval ?? compiler.value(expression)))
    }
  }

  /// OFFSET and LIMIT: the part of `order` that is output.
  private static func window(_ order: [Int], plan: QueryPlan) -> ArraySlice<Int> {
    let start = min(plan.offset, order.count)
    let end = plan.limit.map { min(order.count, start + $0) } ?? order.count
    return order[start..<end]
  }

  /// Output column `i` for `rows`: a text column as it is stored (its codes, no string per
  /// row), anything else evaluated.
  private static func outputColumn(
    _ i: Int, of frame: Frame, rows: [Int], plan: QueryPlan, projections: [ValueEval],
    compiler: Compiler
  ) throws -> ResultSet.Storage {
    if case .column(let s, let c, .text) = plan.projections[i],
      case .text(let column) = compiler.tables[s].columns[c]
    {
      let ids = frame.ids[s], codes = column.codes
      return .text(
        codes: rows.map { r in
          let id = ids[r]
          return id < 0 ? -1 : codes[Int(id)]
        }, dictionary: column.dictionary)
    }
    return .values(try evaluate(frame, rows, projections[i]))
  }

  private static func evaluate(_ frame: Frame, _ rows: [Int], _ eval: ValueEval) throws -> [Value] {
    var out: [Value] = []
    out.reserveCapacity(rows.count)
    for (i, r) in rows.enumerated() {
      try checkCancellation(i)
      out.append(eval(frame, r))
    }
    return out
  }

  /// A text column's sort key: ranks computed once per distinct text for a full sort (NULL
  /// first), or dictionary codes compared as texts for a top-N (few comparisons).
  private static func textKey(
    _ frame: Frame, _ positions: [Int], _ s: Int, _ c: Int, _ compiler: Compiler, ranked: Bool
  ) -> SortColumn? {
    guard case .text(let col) = compiler.tables[s].columns[c] else { return nil }
    let dict = col.dictionary
    if !ranked {
      let ids = frame.ids[s], codes = col.codes
      return .codes(
        positions.map { r in
          let id = ids[r]
          return id < 0 ? -1 : codes[Int(id)]
        }, dict)
    }
    let sorted = dict.indices.sorted { dict.compare($0, $1) < 0 }
    var rank = [Int32](repeating: 0, count: dict.count)
    for (i, code) in sorted.enumerated() { rank[code] = Int32(i + 1) }
    let ids = frame.ids[s], codes = col.codes
    return .ranks(
      positions.map { r in
        let id = ids[r]
        if id < 0 { return 0 }
        let code = codes[Int(id)]
        return code < 0 ? 0 : rank[Int(code)]
      })
  }

  /// One or two rank keys packed into one integer per row, descending keys inverted.
  private static func packedRanks(_ keys: [SortColumn], _ descending: [Bool]) -> [Int64]? {
    var ranks: [[Int32]] = []
    for key in keys {
      guard case .ranks(let r) = key else { return nil }
      ranks.append(r)
    }
    guard let first = ranks.first else { return nil }
    return first.indices.map { i in
      var packed: Int64 = 0
      for k in ranks.indices {
        let r = Int64(ranks[k][i])
        packed = packed << 32 | (descending[k] ? Int64(Int32.max) - r : r)
      }
      return packed
    }
  }

  /// The `count` smallest of `items` under `less`, sorted: a bounded max-heap.
  static func topN(_ items: [Int], count: Int, less: (Int, Int) -> Bool) throws -> [Int] {
    guard count > 0 else { return [] }
    var heap: [Int] = []
    heap.reserveCapacity(count)
    func siftUp(_ i: Int) {
      var i = i
      while i > 0 {
        let parent = (i - 1) / 2
        if less(heap[parent], heap[i]) {
          heap.swapAt(parent, i)
          i = parent
        } else {
          break
        }
      }
    }
    func siftDown(_ i: Int) {
      var i = i
      while true {
        let l = 2 * i + 1, r = l + 1
        var largest = i
        if l < heap.count, less(heap[largest], heap[l]) { largest = l }
        if r < heap.count, less(heap[largest], heap[r]) { largest = r }
        if largest == i { return }
        heap.swapAt(i, largest)
        i = largest
      }
    }
    for (n, item) in items.enumerated() {
      try checkCancellation(n)
      if heap.count < count {
        heap.append(item)
        siftUp(heap.count - 1)
      } else if less(item, heap[0]) {
        heap[0] = item
        siftDown(0)
      }
    }
    return heap.sorted(by: less)
  }
}

/// A precomputed sort key column, indexed like the rows being sorted.
enum SortColumn {
  case ranks([Int32])
  /// Dictionary codes (-1: NULL) of a text column, compared by their texts.
  case codes([Int32], TextDictionary)
  case values([Value])

  @inline(__always)
  func compare(_ a: Int, _ b: Int) -> Int {
    switch self {
    case .ranks(let r):
      let x = r[a], y = r[b]
      return x < y ? -1 : (x == y ? 0 : 1)
    case .codes(let codes, let dict):
      let x = codes[a], y = codes[b]
      if x == y { return 0 }
      if x < 0 { return -1 }
      if y < 0 { return 1 }
      return dict.compare(Int(x), Int(y))
    case .values(let v):
      return sqlCompare(v[a], v[b])
    }
  }
}
