import Foundation
import LaneCore
import LanePostgres
import LaneStore

/// Which store `--db`/`LANE_DB` names: a `postgres://` address is a store on a
/// database server, shared by the department's desks; anything else with `://`
/// is refused (never a file of that name); the rest is a SQLite file.
public enum StoreOpening {
    public static func open(_ location: String, create: Bool, openCheck: OpenCheckBudget = .standard) throws(StoreFailure) -> any ServiceStore {
        if PostgresEndpoint.isURL(location) {
            return try PostgresStore(url: location, create: create)
        }
        try refuseBadAddress(location)
        return try SQLiteStore(path: location, create: create, openCheck: openCheck)
    }

    /// Refuses what `open` refuses without opening anything: an address that looks like a server's and is not
    /// one. `store copy` asks before it puts the key where the copy will be, so a mistyped address leaves no
    /// folder behind (`mysql://db/lane` made the folders `mysql:/db`).
    public static func refuseBadAddress(_ location: String) throws(StoreFailure) {
        guard !PostgresEndpoint.isURL(location) else { return }
        if location.contains("://") || location.lowercased().hasPrefix("postgres:") || location.lowercased().hasPrefix("postgresql:") {
            throw StoreFailure(Message("server.bad_url", ["url": .text(location)]).description)
        }
    }
}
