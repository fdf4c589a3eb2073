// The catalogue's part groups as people read them (`PartGroup`): English
// keeps the code in tables; these are its words in a sentence and for input.
extension MessageCatalog {
    static let englishPartGroups: KeyValuePairs<MessageCode, String> = [
        "word.part_group.battery": "12 V battery", "word.part_group.body": "body and paint", "word.part_group.brake": "brakes",
        "word.part_group.chassis": "chassis and tyres", "word.part_group.consumable": "fluids and wear parts",
        "word.part_group.electrical": "electrical", "word.part_group.engine": "engine", "word.part_group.ev": "EV battery, drive and charging",
        "word.part_group.powertrain": "powertrain",
    ]
}
