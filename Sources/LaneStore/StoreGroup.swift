import LaneCore

/// A dealer group's stores on one server. On PostgreSQL each store is one
/// schema (every row of a store is in its schema, so the schema is the row's
/// store); its code and name are its own settings (`store.code`,
/// `store.name`). The server keeps a register of its stores' schemas
/// (`lane_group.store`), added to when a store is created or copied there. A
/// SQLite file is one store and does not conform.
public protocol StoreGroupServing: ServiceStore {
    /// This store's place on the server (its schema).
    var groupSchema: String { get }
    /// The stores on the server, by schema, with their codes and names as their settings say.
    func groupStores() throws -> [GroupStore]
    /// Opens another store of the server, with the same server login; its key file, if this desk has
    /// one, beside this store's. It is never created, and no key is made for it.
    func openGroupStore(_ store: GroupStore) throws -> any ServiceStore
}
