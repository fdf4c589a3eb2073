import Testing
import LaneCore
import LaneStore
import LaneTesting
@testable import ServiceDepartment

/// Customers and vehicles through the application layer itself, as a second
/// front end would call them: typed results, refusal codes, privacy applied here.
@Suite struct CustomerDeskTests {
    let shell: TestShell
    init() throws { shell = try TestShell(seeded: true) }

    var desk: CustomerDesk { CustomerDesk(shell.session.department) }

    func caller(_ user: String = "薛淑芬", _ role: StaffRole = .serviceAdvisor, request: String = "desk test") throws -> Caller {
        Caller(user: user, role: role, now: TestShell.demoNow, settings: try shell.session.settings(), request: request)
    }

    func refusal(_ body: () throws -> Void) -> Refusal? {
        do { try body() } catch let r as Refusal { return r } catch { Issue.record("\(error)") }
        return nil
    }

    @Test func aCustomerIsAddedWithTheNextCodeAndAnAuditRow() throws {
        let done = try desk.add(CustomerRequest(name: " 王小明 ", phone: "138 0013 8000", address: "广东省深圳市南山区科技园路1号"),
                                by: try caller(request: "customer add --name 王小明"))
        let c = done.value.customer
        #expect(c.code == "C0037")
        #expect(c.name == "王小明")
        #expect(c.phone == "13800138000")
        #expect(c.address == "广东省深圳市南山区科技园路1号")
        #expect(c.createdAt == TestShell.demoNow)
        #expect(done.value.message.code == "customer.added")
        // X4: the row itself names nobody; the values are kept apart and shown by `audit show`.
        let rows = try shell.store.read { try $0.auditEntries(ref: "C0037", user: nil, from: nil, to: nil, limit: 10) }
        #expect(rows.map(\.command) == ["customer add --name \u{1A}0\u{1A}"])
        #expect(rows.map(\.summary) == ["added customer C0037 \u{1A}0\u{1A}"])
        let shown = try shell.store.read { try AuditDesk.entries(AuditQuery(entity: "C0037", user: nil, day: nil, limit: 10), by: try caller(request: ""), $0) }
        #expect(shown.map(\.command) == ["customer add --name 王小明"])
        #expect(shown.map(\.summary) == ["added customer C0037 王小明"])
    }

    @Test func aDuplicateIsRefusedWithItsCodeAndNothingIsStored() throws {
        let before = try shell.store.snapshot()
        let r = refusal { _ = try desk.add(CustomerRequest(name: "卢文博", phone: "13363270655", address: nil), by: try caller()) }
        #expect(r?.codes == ["customer.already_registered", "customer.registered_as"])
        #expect(r?.problems.first?.said.arguments["code"] == .text("C0002"))
        #expect(try shell.store.snapshot() == before)
    }

    @Test func everyBadFieldIsRefusedTogether() throws {
        let r = refusal { _ = try desk.add(CustomerRequest(name: "王2", phone: "12345", address: nil), by: try caller()) }
        #expect(r?.codes == ["customer.cannot_save", "name.bad_character", "phone.not_mobile"])
    }

    @Test func aTechnicianLooksUpACustomerAndTheDeskMasksTheContacts() throws {
        let file = try desk.show("C0002", by: try caller("夏勇", .technician))
        #expect(file.customer.name == "卢文博")
        #expect(file.customer.phone == "133****0655")
        #expect(file.customer.address == "广东省深圳市宝安区****")
        #expect(file.vehicles.map(\.plate.value).contains("粤B27DP2"))
        let found = try desk.find("卢", by: try caller("夏勇", .technician))
        #expect(found.map(\.customer.phone) == ["133****0655"])
        let owner = try desk.vehicle("粤B27DP2", by: try caller("夏勇", .technician)).owner
        #expect(owner?.phone == "133****0655")
        // The front office sees them in full.
        #expect(try desk.show("C0002", by: try caller()).customer.phone == "13363270655")
    }

    @Test func aTechnicianFindsByTheWholeNumberOrItsLastFourDigitsOnly() throws {
        let tech = try caller("夏勇", .technician)
        let r = refusal { _ = try desk.find("1336327", by: tech) }
        #expect(r?.codes == ["customer.cannot_find_by_digits", "customer.whole_number_or_last_four"])
        #expect(try desk.find("0655", by: tech).map(\.customer.code) == ["C0002"])
        #expect(try desk.find("13363270655", by: tech).map(\.customer.phone) == ["133****0655"])
        #expect(try desk.find("133632", by: try caller()).map(\.customer.code) == ["C0002"])
    }

    @Test func aTechnicianMayNotAddACustomer() throws {
        let r = refusal { _ = try desk.add(CustomerRequest(name: "王小明", phone: "13800138000", address: nil), by: try caller("夏勇", .technician)) }
        #expect(r?.codes.first == "access.role_may_not")
    }

    @Test func anEraseAnonymisesByThePolicyAndKeepsTheVehicles() throws {
        let manager = try caller("姚雪", .serviceManager, request: "customer erase C0002 --confirm c0002")
        let done = try desk.erase(EraseRequest(customer: "C0002", confirmation: "c0002"), by: manager)
        let customer = try #require(try shell.store.read { try $0.customer(number: 2) })
        #expect(done.value.erasure.items.map(\.key) == ["texts", "name", "phone", "address", "follow_up_comments", "complaints",
                                                        "appointment_notes", "reminder_reasons", "signatures", "reservation_labels"])
        guard case .texts(let texts)? = done.value.erasure.items.first else { Issue.record("no texts item"); return }
        #expect(texts.map(\.field) == [.vehicleEvent])
        #expect(texts.map(\.text) == ["sold to C0002 C0002"])
        #expect(done.value.name == "已删除客户 C0002")
        #expect(done.value.message.code == "customer.erased")
        #expect(customer.name == "已删除客户 C0002")
        #expect(customer.phone.isErased)
        #expect(customer.address == nil)
        let history = try desk.history("粤B27DP2", by: manager)
        #expect(history.first?.detail == "sold to C0002 C0002")
        let stored = try shell.store.snapshot()
        #expect(!stored.contains("13363270655"))
        #expect(!stored.contains("卢文博"))
        let again = refusal { _ = try desk.erase(EraseRequest(customer: "C0002", confirmation: "C0002"), by: manager) }
        #expect(again?.codes == ["customer.cannot_erase", "customer.already_erased"])
    }

    @Test func anEraseWantsTheCodeTypedAgainAndNoOpenOrder() throws {
        try shell.expectOK("ro open 粤B27DP2")
        let before = try shell.store.snapshot()
        let r = refusal { _ = try desk.erase(EraseRequest(customer: "C0002", confirmation: "C0003"), by: try caller("姚雪", .serviceManager)) }
        #expect(r?.codes == ["customer.cannot_erase", "customer.confirm_code", "customer.order_still_open"])
        #expect(try shell.store.snapshot() == before)
    }

    @Test func anEditSaysEachFieldBeforeAndAfter() throws {
        let done = try desk.edit(CustomerEditRequest(customer: "C0002", name: nil, phone: "13900139000", address: ""), by: try caller())
        #expect(done.value.changes == [FieldChange("phone", before: "13363270655", after: "13900139000"),
                                       FieldChange("address", before: "广东省深圳市宝安区新安街道创业一路12号榕树里1栋1607", after: nil)])
        #expect(done.value.customer.phone == "13900139000")
        #expect(done.value.message.description.hasPrefix("changed customer C0002 卢文博: phone 13363270655 → 13900139000; address "))
    }

    @Test func aVehicleIsRegisteredAndEveryProblemIsRefusedTogether() throws {
        let added = try desk.addVehicle(VehicleRequest(vin: "LXHCB1A24T0000017", plate: "粤BD12345", model: "星河 E3", owner: "C0002",
                                                       sold: "2026-10-01", mileage: "1200"), by: try caller())
        #expect(added.value.vehicle.plate.value == "粤BD12345")
        #expect(added.value.vehicle.mileage == 1200)
        #expect(added.value.owner.code == "C0002")
        let before = try shell.store.snapshot()
        let r = refusal {
            _ = try desk.addVehicle(VehicleRequest(vin: "LXHCB1A24T0000018", plate: "粤BD12345", model: "X", owner: "C0999",
                                                   sold: "2027-01-01", mileage: "-5"), by: try caller())
        }
        #expect(r?.codes == ["vehicle.cannot_register", "vin.check_digit", "date.in_future", "mileage.not_km", "customer.no_such_code",
                             "vehicle.plate_taken"])
        #expect(try shell.store.snapshot() == before)
    }

    @Test func mileageNeverGoesBackwardsAndAReadingIsTyped() throws {
        _ = try desk.addVehicle(VehicleRequest(vin: "LXHCB1A24T0000017", plate: "粤BD12345", model: "星河 E3", owner: "C0002",
                                               sold: "2026-10-01", mileage: "1200"), by: try caller())
        let r = refusal {
            _ = try desk.editVehicle(VehicleEditRequest(vehicle: "粤BD12345", plate: nil, model: nil, sold: nil, mileage: "1000", on: nil),
                                     by: try caller())
        }
        #expect(r?.codes == ["vehicle.cannot_change", "mileage.below_earlier"])
        let done = try desk.editVehicle(VehicleEditRequest(vehicle: "粤BD12345", plate: nil, model: "星河 E3 Pro", sold: nil, mileage: "1500",
                                                           on: nil), by: try caller())
        #expect(done.value.changes == [FieldChange("model", before: "星河 E3", after: "星河 E3 Pro")])
        #expect(done.value.reading == MileageReading(on: TestShell.demoNow.date(in: .china), km: 1500))
        #expect(done.value.vehicle.mileage == 1500)
    }

    @Test func aTransferNamesBothOwners() throws {
        let done = try desk.transfer(TransferRequest(vehicle: "粤B27DP2", to: "C0003", on: nil), by: try caller())
        #expect(done.value.from?.code == "C0002")
        #expect(done.value.to.code == "C0003")
        #expect(done.value.vehicle.ownerID != (try shell.store.read { try $0.customer(number: 2)?.id }))
        let r = refusal { _ = try desk.transfer(TransferRequest(vehicle: "粤B27DP2", to: "C0003", on: "2020-01-01"), by: try caller()) }
        #expect(r?.codes == ["vehicle.cannot_transfer", "vehicle.before_sale", "vehicle.already_owns"])
    }
}
