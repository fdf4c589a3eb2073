// A vehicle's history rows kept as messages (v30), read in the reader's language.
extension MessageCatalog {
    static let englishVehicleHistory: KeyValuePairs<MessageCode, String> = [
        "vehicle.event.check_in": "check-in {number}",
        "vehicle.event.visit": "{number} {work}",
    ]
}
