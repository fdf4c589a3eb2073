/// What a PIN must be: 4 to 8 digits, not all the same and not a simple run.
public enum StaffPin {
    public static func problem(_ pin: String) -> Problem? {
        guard (4...8).contains(pin.count), pin.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return Problem("pin", Message("pin.not_4_to_8_digits"))
        }
        let digits = pin.compactMap(\.wholeNumberValue)
        if Set(digits).count == 1 { return Problem("pin", Message("pin.one_repeated_digit")) }
        let steps = Set(zip(digits, digits.dropFirst()).map { $1 - $0 })
        if steps == [1] || steps == [-1] { return Problem("pin", Message("pin.simple_run")) }
        return nil
    }
}
