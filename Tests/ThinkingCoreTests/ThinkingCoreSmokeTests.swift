import Testing
@testable import ThinkingCore
