/// The XDG base directories thinkenv uses, worked out from an environment (a dictionary, so
/// tests point them anywhere): the one resolver of `XDG_DATA_HOME` and `XDG_CONFIG_HOME`
/// for the log's paths and the user's protocols alike.
public enum XDGBase: Sendable {
    /// `XDG_DATA_HOME`, by default `$HOME/.local/share`.
    case data
    /// `XDG_CONFIG_HOME`, by default `$HOME/.config`.
    case config

    var variable: String {
        switch self {
        case .data: "XDG_DATA_HOME"
        case .config: "XDG_CONFIG_HOME"
        }
    }

    var defaultUnderHome: String {
        switch self {
        case .data: ".local/share"
        case .config: ".config"
        }
    }

    /// The base directory, or nil when its variable is not an absolute path and `HOME` is
    /// not one either.
    public func directory(in environment: [String: String]) -> String? {
        if let value = Self.absolute(environment[variable]) { return value }
        return Self.absolute(environment["HOME"]).map { Self.join($0, defaultUnderHome) }
    }

    /// The XDG specification: a variable that is unset, empty or relative is ignored.
    public static func absolute(_ value: String?) -> String? {
        guard let value, value.hasPrefix("/") else { return nil }
        return value
    }

    /// `directory/name`, with one slash between them.
    public static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
