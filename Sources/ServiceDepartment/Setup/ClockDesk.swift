import LaneCore
import LaneStore

/// The session's clock. In a live store the time is the real time; in a
/// training store it may be fixed or moved, and every change is audited
/// with the real time it was made at.
public struct ClockDesk {
    public let department: Department
    public init(_ department: Department) { self.department = department }

    /// Why the clock may not be set in this store, or nil.
    public func problem() throws -> Problem? {
        try department.store.read { tx in
            ClockRule.problem(mode: try tx.settings().mode, setUp: !(try tx.settingValues().isEmpty))
        }
    }

    /// Records a change of the session clock (`clock set`, `clock advance`,
    /// `--now`): refused in a live store. `caller.now` is the real time.
    public func change(_ action: String, from: Timestamp, to: Timestamp, by caller: Caller) throws {
        _ = try department.change("clock", by: caller) { tx in
            if let p = ClockRule.problem(mode: try tx.settings().mode, setUp: !(try tx.settingValues().isEmpty)) {
                throw Refusal(Message("clock.cannot_set"), problems: [p])
            }
            let said = Message("clock.changed", ["action": .text(action), "from": .time(from), "to": .time(to)])
            return Recorded((), audit: AuditNote(ref: "", summary: said.description))
        }
    }
}
