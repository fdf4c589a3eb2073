/// A run of numbers the store hands out one by one: customer codes, and the
/// repair orders and appointments of each day. Every number comes from the
/// store's allocator (`StoreWriting.allocateNumber`), never from counting
/// rows, so two desks can never be given the same one.
public struct NumberSeries: Hashable, Sendable, CustomStringConvertible {
    /// The allocator's key: `customer`, `RO-20261123`, `AP-20261124`.
    public let key: String

    private init(key: String) { self.key = key }

    public static let customers = NumberSeries(key: "customer")

    /// `RO-20261123-0001`: the day the order was opened, then its place that day.
    public static func repairOrders(on day: CalendarDate) -> NumberSeries { NumberSeries(key: "RO-" + day.compact) }

    /// `AP-20261124-001`: the day of the appointment, then its place that day.
    public static func appointments(on day: CalendarDate) -> NumberSeries { NumberSeries(key: "AP-" + day.compact) }

    public var description: String { key }
}

extension CalendarDate {
    /// `20261123`, as numbers print the day.
    public var compact: String { description.filter { $0 != "-" } }
}
