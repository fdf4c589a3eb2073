/// X4: the kinds of a person's data a typed value can be. Values of these
/// kinds are kept out of the audit row itself (in its erasable part), so that
/// `customer erase` reaches them. Which argument of which command holds which
/// kind is decided in one place, from the argument's declared type
/// (`PersonalData.of` in LanePlugin).
public enum PersonalData: String, Sendable, Equatable {
    case name, phone, address
    /// Free text (a complaint, a note, a comment): it may quote anyone.
    case text
    /// A customer given by name, number or code.
    case customerReference
}

/// One value typed in an argument that holds personal data.
public struct PersonalValue: Sendable, Equatable {
    public var kind: PersonalData
    public var text: String
    public init(_ kind: PersonalData, _ text: String) {
        self.kind = kind
        self.text = text
    }
}
