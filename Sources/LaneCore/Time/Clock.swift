/// Where "now" comes from. Domain code asks the clock it was given, so tests
/// and demos can fix the time (`--now`, `LANE_NOW`).
public protocol LaneClock: Sendable {
    func now() -> Timestamp
}

/// A clock that always reads the same instant.
public struct FixedClock: LaneClock {
    public let instant: Timestamp
    public init(_ instant: Timestamp) { self.instant = instant }
    public func now() -> Timestamp { instant }
}
