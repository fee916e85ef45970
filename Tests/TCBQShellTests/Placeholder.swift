import Testing

@Test func placeholder_TCBQShellTests() { #expect(1 + 1 == 2) }
