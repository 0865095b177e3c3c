import Glibc  // Linux only (see docs/DECISIONS.md)

/// A failed system call: which one, on what, and the `errno` it left.
public struct SystemCallError: Error, Equatable, Sendable, CustomStringConvertible {
    public let operation: String
    public let path: String?
    public let code: Int32
    /// Our own words for what is wrong, where the C library's would mislead ("a symbolic
    /// link" rather than "Too many levels of symbolic links").
    public let detail: String?

    public init(_ operation: String, path: String? = nil, code: Int32, detail: String? = nil) {
        self.operation = operation
        self.path = path
        self.code = code
        self.detail = detail
    }

    /// `errno` as it is right now, for the call that just failed.
    static func last(_ operation: String, path: String? = nil) -> SystemCallError {
        SystemCallError(operation, path: path, code: errno)
    }

    /// The C library's words for the code: "No space left on device".
    public var reason: String { detail ?? String(cString: strerror(code)) }

    public var description: String {
        if let path { return "\(operation) \(path): \(reason)" }
        return "\(operation): \(reason)"
    }
}
