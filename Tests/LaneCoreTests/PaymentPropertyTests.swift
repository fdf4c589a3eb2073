import PropertyBased
import Testing
@testable import LaneCore

// The cashier's arithmetic over random amounts (R5.8): a split adds up to the
// fen, the open part takes exactly the rest, change plus the cash part is what
// was handed over, and the insurer's and the customer's shares add up to the repair.

private let dueFen = Gen.int64(in: 1 ... 10_000_000_00)
private let share = Gen.int64(in: 0 ... 10_000)

@Test func R5_8_aSplitWithAnOpenPartAlwaysAddsUpToTheDue() async {
    await propertyCheck(input: dueFen, share, share) { due, a, b in
        // Two fixed parts that leave something over, in basis points of the due.
        let first = max(due * a / 30_000, 1), second = max(due * b / 30_000, 1)
        guard first + second < due else { return }
        let parts = [TenderPart(.wechat, Money(fen: first)), TenderPart(.card, Money(fen: second)), TenderPart(.cash, nil)]
        guard case .success(let split) = Cashier.settle(parts, due: Money(fen: due)) else {
            Issue.record("refused \(first) + \(second) of \(due)")
            return
        }
        #expect(split.reduce(Int64(0)) { $0 + $1.amount.fen } == due)
        #expect(split[2].amount.fen == due - first - second && split[2].method == .cash)
    }
}

@Test func R5_8_fixedPartsAreAcceptedOnlyWhenTheyAddUpExactly() async {
    await propertyCheck(input: dueFen, share, Gen.int64(in: -3 ... 3)) { due, a, off in
        let first = max(due * a / 10_000, 1)
        guard first < due else { return }
        let parts = [TenderPart(.alipay, Money(fen: first)), TenderPart(.transfer, Money(fen: due - first + off))]
        switch Cashier.settle(parts, due: Money(fen: due)) {
        case .success(let split): #expect(off == 0 && split.map(\.amount.fen) == [first, due - first])
        case .failure(let refusal): #expect(off != 0 || due - first + off <= 0, "\(refusal.problems)")
        }
    }
}

@Test func R5_8_changePlusTheCashPartIsWhatWasTendered() async {
    await propertyCheck(input: dueFen, Gen.int64(in: 0 ... 10_000_00)) { cash, extra in
        let tendered = Money(fen: cash + extra)
        let change = Cashier.change(tendered: tendered, for: Money(fen: cash))
        #expect(change == Money(fen: extra))
        #expect(Cashier.tenderProblems(tendered, cash: Money(fen: cash)).isEmpty)
        // One fen short is refused, and names both amounts.
        #expect(Cashier.change(tendered: Money(fen: cash - 1), for: Money(fen: cash)) == nil)
        #expect(Cashier.tenderProblems(Money(fen: cash - 1), cash: Money(fen: cash)).map(\.said.code.rawValue) == ["payment.tendered_short"])
        let entry = PaymentEntry(kind: .payment, method: .cash, amount: Money(fen: cash), tendered: tendered, by: "莫霞", at: RO.t0)
        #expect(entry.amount + entry.change == tendered)
    }
}

@Test func insuranceSharesAlwaysAddUpToTheRepair() async {
    await propertyCheck(input: Gen.int64(in: 0 ... 10_000_000_0), Gen.int64(in: 1 ... 10_000_000_0), Gen.int64(in: 0 ... 1_000_000)) { net, assessed, deductible in
        let claim = InsuranceClaim(insurer: "PICC", claimNumber: "1", assessed: Money(fen: assessed), deductible: Money(fen: min(deductible, assessed)))
        let split = InsuranceSplit(net: Money(fen: net), vatBasisPoints: 1300, claim: claim)
        #expect(split.insurerPays + split.customerPays == split.gross)
        #expect(split.insurerPays.fen >= 0 && split.insurerPays.fen <= assessed)
        #expect(split.customerPays.fen >= 0 && split.aboveAssessment.fen >= 0 && split.aboveAssessment <= split.customerPays)
    }
}

@Test func R5_8_aCreditAccountNeverOwesMoreThanItsLimit() async {
    await propertyCheck(input: Gen.int64(in: 1 ... 10_000_000), Gen.int64(in: 1 ... 10_000_000), Gen.int64(in: 1 ... 10_000_000)) { limit, first, second in
        var a = CreditAccount(customerID: 1, limit: Money(fen: limit), openedBy: "经理", openedAt: RO.t0)
        for amount in [first, second] {
            let before = a
            do throws(Refusal) { try a.charge(Money(fen: amount)) } catch { #expect(a == before && before.balance.fen + amount > limit) }
            #expect(a.balance.fen <= limit && a.balance + a.available == a.limit)
        }
    }
}
