// Customers, vehicles, imports and the staff list.
extension MessageCatalog {
    static let englishCustomers: [MessageCode: String] = [:]
}
