/// SplitMix64: a small, fast generator whose sequence depends only on its seed, on every platform.
struct SeededRandom: RandomNumberGenerator, Sendable {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return Self.mix(state)
  }

  /// The SplitMix64 finaliser: a bijection of UInt64, so distinct inputs give distinct outputs.
  static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<bound` (bound > 0).
  mutating func below(_ bound: Int) -> Int {
    Int(next() % UInt64(bound))
  }

  /// True with probability `percent` / 100.
  mutating func chance(_ percent: Int) -> Bool {
    below(100) < percent
  }

  mutating func pick<T>(_ choices: [T]) -> T {
    choices[below(choices.count)]
  }
}

/// Lower-case hexadecimal of the low `digits` nibbles of `value`, zero-padded.
func hexString(_ value: UInt64, digits: Int) -> String {
  let alphabet = Array("0123456789abcdef".utf8)
  return String(unsafeUninitializedCapacity: digits) { buffer in
    var remaining = value
    for index in stride(from: digits - 1, through: 0, by: -1) {
      buffer[index] = alphabet[Int(remaining & 0xF)]
      remaining >>= 4
    }
    return digits
  }
}

/// Formats unix seconds as Beijing time, `2021-12-16 15:06:52`, or as ISO 8601 with `+08:00`.
func beijingTime(_ seconds: Int64, iso: Bool = false) -> String {
  let local = seconds + 8 * 3600
  let days = local >= 0 ? local / 86400 : (local - 86399) / 86400
  let secondOfDay = local - days * 86400
  let (year, month, day) = civilDate(daysSinceEpoch: days)
  let date = "\(year)-\(pad2(month))-\(pad2(day))"
  let time = "\(pad2(secondOfDay / 3600)):\(pad2(secondOfDay / 60 % 60)):\(pad2(secondOfDay % 60))"
  return iso ? "\(date)T\(time)+08:00" : "\(date) \(time)"
}

private func pad2(_ value: Int64) -> String {
  value < 10 ? "0\(value)" : "\(value)"
}

/// Howard Hinnant's days-to-civil algorithm.
private func civilDate(daysSinceEpoch: Int64) -> (Int64, Int64, Int64) {
  let z = daysSinceEpoch + 719_468
  let era = (z >= 0 ? z : z - 146_096) / 146_097
  let dayOfEra = z - era * 146_097
  let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
  let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
  let monthIndex = (5 * dayOfYear + 2) / 153
  let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
  let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
  return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
}
