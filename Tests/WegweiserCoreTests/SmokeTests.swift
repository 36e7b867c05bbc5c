import Testing
@testable import WegweiserCore
@Test func smoke() { #expect(Bool(true)) }
