#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A failed system call: which one, on what, and the `errno` it left.
public struct SystemCallError: Error, Equatable, Sendable, CustomStringConvertible {
    public let operation: String
    public let path: String?
    public let code: Int32

    public init(_ operation: String, path: String? = nil, code: Int32) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    /// `errno` as it is right now, for the call that just failed.
    static func last(_ operation: String, path: String? = nil) -> SystemCallError {
        SystemCallError(operation, path: path, code: errno)
    }

    /// The C library's words for the code: "No space left on device".
    public var reason: String { String(cString: strerror(code)) }

    public var description: String {
        if let path { return "\(operation) \(path): \(reason)" }
        return "\(operation): \(reason)"
    }
}
