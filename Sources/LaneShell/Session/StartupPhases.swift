import CLibEdit
import Foundation

/// Where start-up goes, phase by phase (`LANE_STARTUP_TIMINGS=1`: one line per phase on standard
/// error, microseconds since the previous mark and since the process's first mark). A measuring
/// aid for docs/performance.md, like `LANE_TIMINGS`; silent and nearly free when unset.
public enum StartupPhases {
    // `getenv`, not `ProcessInfo.environment` (a dictionary of every variable): asked before anything else.
    nonisolated(unsafe) static var enabled = getenv("LANE_STARTUP_TIMINGS").map { $0.pointee != 0 } ?? false
    nonisolated(unsafe) static var first: UInt64 = 0
    nonisolated(unsafe) static var last: UInt64 = 0

    static func now() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }

    /// Marks the end of the phase `name`.
    public static func mark(_ name: String) {
        guard enabled else { return }
        let t = now()
        if first == 0 { first = t; last = t }
        fputs("startup\t\(name)\t\((t - last) / 1000) µs\t\((t - first) / 1000) µs\n", lane_stderr())
        last = t
    }

    /// Notes a figure of the run so far (`name`, `value`), on its own line after the marks.
    public static func note(_ name: String, _ value: Int) {
        guard enabled else { return }
        fputs("startup\t\(name)\t\(value)\n", lane_stderr())
    }
}
