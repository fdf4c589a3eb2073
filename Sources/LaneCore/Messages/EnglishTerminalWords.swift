extension MessageCatalog {
    /// The English words of one of the terminal's own codes (`terminal.…`), read from its table
    /// alone: the specs built at every start (`exit`, `apropos`, `--watch`) take their written
    /// words from here, so a start no longer builds the whole English catalog (thousands of
    /// entries merged from every table), which a session in Chinese never reads.
    public static func englishTerminalWords(_ code: MessageCode) -> String {
        // A list of pairs (`joined`): looked through, a few times at start.
        englishTerminal.first { $0.key == code }?.value ?? english.render(Message(code))
    }
}
