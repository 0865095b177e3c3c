/// Durations in the log read as seconds (`"at": 12.345`), not as the standard library's
/// pair of integers. Synthesized `Codable` in this module picks these overloads, so every
/// `Duration` field of the engine's types is written this way. Precision: milliseconds,
/// the resolution at which the runner reads its clock, so replay is exact.
extension KeyedEncodingContainer {
    public mutating func encode(_ value: Duration, forKey key: Key) throws {
        try encode(Double(value.milliseconds) / 1000, forKey: key)
    }

    public mutating func encodeIfPresent(_ value: Duration?, forKey key: Key) throws {
        guard let value else { return }
        try encode(value, forKey: key)
    }
}

extension KeyedDecodingContainer {
    public func decode(_ type: Duration.Type, forKey key: Key) throws -> Duration {
        let seconds = try decode(Double.self, forKey: key)
        guard seconds.isFinite, abs(seconds) < 1e12 else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "not a duration in seconds: \(seconds)")
        }
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }

    public func decodeIfPresent(_ type: Duration.Type, forKey key: Key) throws -> Duration? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decode(type, forKey: key)
    }
}
