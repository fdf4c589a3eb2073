/// Wrong PINs slow the next try down instead of locking the account for
/// good: after `freeTries` wrong tries in a row, each try waits a delay that
/// doubles with every further wrong one (1 minute, 2, 4, … at most a day).
/// Guessing a 4-digit PIN then takes years, and a colleague's script cannot
/// lock the service manager and the admin out for good.
public enum PinLockout {
    public static let freeTries = 5
    public static let firstDelaySeconds: Int64 = 60
    public static let longestDelaySeconds: Int64 = 86_400

    /// How long after the last wrong try the next try must wait; 0 while tries are free.
    public static func delaySeconds(failures: Int) -> Int64 {
        guard failures >= freeTries else { return 0 }
        let doublings = min(failures - freeTries, 20)
        return min(firstDelaySeconds << Int64(doublings), longestDelaySeconds)
    }

    /// When the next try may be made, or nil when it may be made now.
    public static func lockedUntil(failures: Int, lastFailureAt: Timestamp?, now: Timestamp) -> Timestamp? {
        let delay = delaySeconds(failures: failures)
        guard delay > 0, let last = lastFailureAt else { return nil }
        let until = last.adding(seconds: delay)
        return until > now ? until : nil
    }
}
