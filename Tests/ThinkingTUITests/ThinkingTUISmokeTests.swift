import Testing
@testable import ThinkingTUI
