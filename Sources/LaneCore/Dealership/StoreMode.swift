/// Whether a store's records are real. In a live store time comes only from
/// the system clock, so nobody can date a payment or a check in the past;
/// a training store (the demo dealership, a course) may set its clock, and
/// every change of it is audited.
public enum StoreMode: String, CaseIterable, Sendable {
    case live, training
}

public enum ClockRule {
    /// Why the clock may not be fixed or moved: a live store that holds
    /// records. A store not set up yet (no settings saved) holds nothing a
    /// fixed clock could forge, so a new store may be loaded at the demo's date.
    public static func problem(mode: StoreMode, setUp: Bool) -> Problem? {
        guard mode == .live && setUp else { return nil }
        return Problem("clock", Message("clock.live_store"))
    }

    /// `90m`, `2h`, `1d`, `45s` (negative to go back) as seconds; nil when
    /// not a duration or beyond ten years either way.
    public static func seconds(_ text: String) -> Int64? {
        guard let unit = text.last, let n = Int64(text.dropLast()), abs(n) <= 10 * 366 * 86_400 else { return nil }
        let scale: Int64
        switch unit {
        case "s": scale = 1
        case "m": scale = 60
        case "h": scale = 3600
        case "d": scale = 86_400
        default: return nil
        }
        let (product, overflow) = n.multipliedReportingOverflow(by: scale)
        guard !overflow, abs(product) <= 10 * 366 * 86_400 else { return nil }
        return product
    }
}
