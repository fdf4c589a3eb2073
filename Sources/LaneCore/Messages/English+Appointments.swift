// Appointments: booking, preparing, confirming, arrival and no-show.
extension MessageCatalog {
    static let englishAppointments: [MessageCode: String] = [
        "appointment.cannot_book": "the appointment cannot be booked",
    ]
}
