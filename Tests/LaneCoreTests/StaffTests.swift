import Testing
@testable import LaneCore

@Test func onlyTeamLeadersAndTechniciansBelongToATeam() {
    let inTeams = StaffRole.allCases.filter(\.belongsToTeam)
    #expect(inTeams == [.teamLeader, .technician])
}

@Test func storedRoleNamesAreStableSnakeCase() {
    #expect(StaffRole.allNames == "service_advisor, customer_service, workshop_foreman, team_leader, technician, "
            + "qc_inspector, technical_director, parts_manager, cashier, service_manager, admin, group_reader")
    #expect(StaffRole(rawValue: "qc_inspector") == .qcInspector)
    #expect(StaffRole(rawValue: "qcInspector") == nil)
}

@Test func everyRoleHasItsOwnChineseTitle() {
    let titles = StaffRole.allCases.map(\.title)
    #expect(Set(titles).count == StaffRole.allCases.count)
    #expect(StaffRole.serviceAdvisor.title == "服务顾问")
    #expect(StaffRole.technician.title == "维修技师")
}

@Test func skillsAreTheDispatchCategories() {
    #expect(Skill.allCases.map(\.rawValue) == ["maintenance", "mechanical", "electrical", "body", "paint", "ev"])
}

@Test func catalogCodesAreCapitalsDigitsAndDashes() {
    for code in ["OIL-0W20", "A", "90915-YZZD4", String(repeating: "9", count: 32)] {
        #expect(CatalogCode.problem(code, field: "number") == nil, "\(code)")
    }
}

@Test func catalogCodesRefuseLowerCaseSpacesOtherSymbolsAndLength() {
    for code in ["", "oil-0w20", "OIL 0W20", "OIL_0W20", "机油", String(repeating: "9", count: 33), "ＯＩＬ"] {
        #expect(CatalogCode.problem(code, field: "number") != nil, "\(code)")
    }
    let oil = CatalogCode.problem("oil", field: "code")
    #expect(oil?.code == "catalog.not_a_code")
    #expect(oil?.description == "code: 'oil' should be capital letters, digits and '-' (at most 32)")
}

@Test func aPinIsFourToEightDigitsNotOneRepeatedDigitNorARun() {
    for pin in ["2580", "13572468", "1235", "0420"] {
        #expect(StaffPin.problem(pin) == nil, "\(pin)")
    }
    // Each reason has its own code: a front end in another language says it in its words.
    for (pin, code) in [("123", "pin.not_4_to_8_digits"), ("123456789", "pin.not_4_to_8_digits"), ("12a4", "pin.not_4_to_8_digits"),
                        ("１２３４", "pin.not_4_to_8_digits"), ("7777", "pin.one_repeated_digit"), ("1234", "pin.simple_run"),
                        ("98765", "pin.simple_run")] as [(String, MessageCode)] {
        let problem = StaffPin.problem(pin)
        #expect(problem?.field == "pin", "\(pin)")
        #expect(problem?.code == code, "\(pin)")
    }
    #expect(StaffPin.problem("4444")?.message == "a PIN of one repeated digit is too easy to guess")
}
