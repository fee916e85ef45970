import TCBQQuery

/// The number of terminal columns `text` occupies (see `DisplayWidth`).
public func displayWidth(_ text: some StringProtocol) -> Int { DisplayWidth.of(text) }

/// The number of terminal columns one Unicode scalar occupies (0, 1 or 2).
public func displayWidth(of scalar: Unicode.Scalar) -> Int { DisplayWidth.of(scalar) }
