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
        if location.contains("://") || location.lowercased().hasPrefix("postgres:") || location.lowercased().hasPrefix("postgresql:") {
            throw StoreFailure(Message("server.bad_url", ["url": .text(location)]).description)
        }
        return try SQLiteStore(path: location, create: create, openCheck: openCheck)
    }
}
