/// One row of the benchmark's table.
struct WorkloadResult {
  /// e.g. `W1 filter and project`.
  var name: String
  /// tcbq's figure and the figure it is held to, in `unit`.
  var tcbq: Double
  var against: Double
  /// What `against` is, e.g. `sqlite3`, `python3`, `ideal`.
  var againstName: String
  var unit: Unit
  /// The ratio tcbq ÷ against must be at most this.
  var maxRatio: Double
  /// The target as the issue states it.
  var targetText: String

  enum Unit { case seconds, kilobytes }

  var ratio: Double { tcbq / against }
  var met: Bool { ratio <= maxRatio }
}
