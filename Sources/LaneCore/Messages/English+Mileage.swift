// Mileage readings from every source, the call lists' precedence, the
// next attempt after a no-show, and booking a car not yet registered.
extension MessageCatalog {
    static let englishMileage: KeyValuePairs<MessageCode, String> = [
        "word.reminder_kind.missed_appointment": "missed appointment 爽约",
        "reminder.next_attempt": "missed appointment {number} on {day}: call to book attempt {attempt} between {from} and {to}",
        "vehicle.event.phone_reading": "odometer given on the phone, appointment {number}",
        "appointment.new_car": "a {model} not yet registered",
        "appointment.plate_or_new_car": "give the plate or VIN of a registered car, or --name, --phone and --model for a car not yet registered",
        "appointment.new_car_needs": "a car not yet registered is booked with the caller's name, phone and the model: {field} is missing",
        "appointment.car_registered": "the car is already registered; leave out --vin, --plate, --sold and --sale-mileage",
        "appointment.register_at_reception": "the car was booked before it was registered: give --vin, --plate and --sold to register it now",

        "help.option.appt.book.mileage": "The odometer the customer gives on the phone",
        "help.option.appt.book.name": "A car not yet registered: the caller's name",
        "help.option.appt.book.phone": "A car not yet registered: the caller's mobile number",
        "help.option.appt.book.model": "A car not yet registered: its model",
        "help.option.appt.arrive.vin": "A car not yet registered: its VIN",
        "help.option.appt.arrive.plate": "A car not yet registered: its plate",
        "help.option.appt.arrive.sold": "A car not yet registered: its sale date",
        "help.option.appt.arrive.sale-mileage": "A car not yet registered: the odometer at the sale (default 0)",
        "help.discussion.appt.arrive": "A car booked before it was registered joins the register now, for the customer who called, with the model they named: give --vin, --plate and --sold (and --sale-mileage when the papers give it). The mileage given on the phone joins its readings.",
    ]
}
