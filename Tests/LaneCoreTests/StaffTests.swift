import Testing
@testable import LaneCore

@Test func onlyTeamLeadersAndTechniciansBelongToATeam() {
    let inTeams = StaffRole.allCases.filter(\.belongsToTeam)
    #expect(inTeams == [.teamLeader, .technician])
}

@Test func storedRoleNamesAreStableSnakeCase() {
    #expect(StaffRole.allNames == "service_advisor, customer_service, workshop_foreman, team_leader, technician, "
            + "qc_inspector, technical_director, parts_manager, cashier, service_manager, admin")
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
    #expect(CatalogCode.problem("oil", field: "code") == Problem("code", "'oil' should be capital letters, digits and '-' (at most 32)"))
}
