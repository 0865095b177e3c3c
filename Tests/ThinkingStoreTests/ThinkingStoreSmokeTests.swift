import Testing

@testable import ThinkingStore
