/// The number of terminal columns `text` occupies: East Asian Wide and Fullwidth characters
/// count 2, combining marks, format characters and controls 0, everything else 1.
///
/// This is the per-scalar rule terminals follow (as `wcwidth(3)` does), so columns padded with
/// it line up on screen.
public func displayWidth(_ text: some StringProtocol) -> Int {
  var ascii = true
  for byte in text.utf8 where byte >= 0x80 || byte < 0x20 || byte == 0x7F {
    ascii = false
    break
  }
  if ascii { return text.utf8.count }
  var width = 0
  for scalar in text.unicodeScalars { width += displayWidth(of: scalar) }
  return width
}

/// The number of terminal columns one Unicode scalar occupies (0, 1 or 2).
public func displayWidth(of scalar: Unicode.Scalar) -> Int {
  let value = scalar.value
  if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
  if value < 0x300 { return 1 }
  if (0x1160...0x11FF).contains(value) || value == 0x200B { return 0 }
  switch scalar.properties.generalCategory {
  case .nonspacingMark, .enclosingMark, .format: return 0
  default: break
  }
  return isWide(value) ? 2 : 1
}

private func isWide(_ value: UInt32) -> Bool {
  var low = 0
  var high = wideRanges.count - 1
  while low <= high {
    let middle = (low + high) / 2
    let range = wideRanges[middle]
    if value < range.first {
      high = middle - 1
    } else if value > range.last {
      low = middle + 1
    } else {
      return true
    }
  }
  return false
}
