/// One store of a dealer group on a database server: its schema (where its
/// rows are), its code and name. A value the front ends show, so it lives in
/// the domain rather than beside the store protocol that lists them.
public struct GroupStore: Sendable, Equatable {
    public var schema: String
    public var code: String
    public var name: String

    public init(schema: String, code: String, name: String) {
        self.schema = schema
        self.code = code
        self.name = name
    }
}
