import Foundation

/// Prints the results as an aligned text table (and a Markdown copy for docs/performance.md).
enum Report {
  static func header() -> [String] {
    ["workload", "tcbq", "against", "ratio", "target", "result"]
  }

  static func cells(_ r: WorkloadResult) -> [String] {
    [
      r.name, format(r.tcbq, r.unit), "\(format(r.against, r.unit)) (\(r.againstName))",
      String(format: "%.2f×", r.ratio), r.targetText, r.met ? "met" : "MISSED",
    ]
  }

  static func format(_ value: Double, _ unit: WorkloadResult.Unit) -> String {
    switch unit {
    case .seconds:
      value < 1 ? String(format: "%.1f ms", value * 1000) : String(format: "%.3f s", value)
    case .kilobytes: String(format: "%.1f MB", value / 1024)
    }
  }

  static func text(_ results: [WorkloadResult]) -> String {
    let rows = [header()] + results.map(cells)
    let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max() ?? 0 }
    return rows.enumerated().map { i, row in
      let line = row.enumerated().map { c, cell in
        cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
      }.joined(separator: "  ")
      return i == 0
        ? line + "\n" + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        : line
    }.joined(separator: "\n")
  }

  static func markdown(_ results: [WorkloadResult]) -> String {
    let rows = [header()] + results.map(cells)
    var lines = rows.map { "| " + $0.joined(separator: " | ") + " |" }
    lines.insert("|" + String(repeating: "---|", count: rows[0].count), at: 1)
    return lines.joined(separator: "\n")
  }
}
