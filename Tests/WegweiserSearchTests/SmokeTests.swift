import Testing
@testable import WegweiserSearch
@Test func smoke() { #expect(Bool(true)) }
