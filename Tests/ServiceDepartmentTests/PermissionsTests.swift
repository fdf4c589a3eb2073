import Testing
import LaneCore
@testable import ServiceDepartment

@Suite struct PermissionsTests {
    @Test func aCashierMayTakePaymentButNotOpenAnOrder() {
        let p = Permissions()
        #expect(p.refusal("ro pay", user: "钱小红", role: .cashier) == nil)
        let refusal = p.refusal("ro open", user: "钱小红", role: .cashier)
        #expect(refusal?.codes == ["access.role_may_not", "access.needs_one_of"])
    }
}
