/// What a PIN must be: 4 to 8 digits, not all the same and not a simple run.
public enum StaffPin {
    public static func problem(_ pin: String) -> Problem? {
        guard (4...8).contains(pin.count), pin.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return Problem("pin", "a PIN is 4 to 8 digits")
        }
        let digits = pin.compactMap(\.wholeNumberValue)
        if Set(digits).count == 1 { return Problem("pin", "a PIN of one repeated digit is too easy to guess") }
        let steps = Set(zip(digits, digits.dropFirst()).map { $1 - $0 })
        if steps == [1] || steps == [-1] { return Problem("pin", "a run like 1234 is too easy to guess") }
        return nil
    }
}
