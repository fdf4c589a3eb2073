import Foundation
import LaneCore
import ServiceDepartment

/// The values a template receives (docs/documents.md lists them): built
/// from the application layer's typed document, never from the shell's
/// text. Everything is text, a number, a flag or a list, so Mustache's
/// `{{ }}` HTML-escapes every piece of customer text it prints.
enum DocumentContext {
    typealias Fields = [String: Any]

    static func fields(_ document: PrintedDocument, labels: Labels) -> Fields {
        switch document {
        case .order(let d): return cleaned(order(d, labels))
        case .appointment(let d): return cleaned(appointment(d, labels))
        }
    }

    /// Control characters (an escape sequence in an imported name) never
    /// reach the page: each becomes U+FFFD. Mustache escapes the rest.
    static func cleaned(_ value: Any) -> Any {
        switch value {
        case let s as String:
            guard s.unicodeScalars.contains(where: isControl) else { return s }
            return String(String.UnicodeScalarView(s.unicodeScalars.map { isControl($0) ? "\u{FFFD}" : $0 }))
        case let f as Fields: return f.mapValues(cleaned)
        case let list as [Fields]: return list.map { cleaned($0) }
        case let list as [Any]: return list.map(cleaned)
        default: return value
        }
    }

    static func cleaned(_ fields: Fields) -> Fields { fields.mapValues(cleaned) }

    static func isControl(_ u: Unicode.Scalar) -> Bool {
        (u.value < 0x20 && u != "\n" && u != "\t") || (0x7F...0x9F).contains(u.value)
    }

    // MARK: Shared

    static func common(kind: DocumentKind, mark: PrintMark, store: StoreSettings, vehicle: Vehicle?, customer: DocumentCustomer?,
                       _ labels: Labels) -> Fields {
        let offset = store.utcOffset
        var f: Fields = [
            "lang": labels.language,
            "l": labels.all,
            "store": ["name": store.name, "code": store.code, "address": store.address, "phone": store.phone, "licence": store.licence,
                      "has_licence": !store.licence.isEmpty, "has_address": !store.address.isEmpty, "has_phone": !store.phone.isEmpty] as Fields,
            "doc": ["kind": kind.rawValue, "title": labels.text("title", kind.rawValue), "number": mark.number, "copy": mark.copy,
                    "reprint": mark.isReprint, "copy_text": labels.top("copy").replacingOccurrences(of: "{{copy}}", with: String(mark.copy)),
                    "printed_at": mark.printedAt.display(in: offset), "printed_by": mark.printedBy] as Fields,
        ]
        if let v = vehicle {
            f["vehicle"] = ["plate": v.plate.value, "vin": v.vin.value, "model": v.model, "sold_on": v.soldOn.description,
                            "mileage": v.mileage] as Fields
        }
        if let c = customer {
            f["customer"] = ["code": c.code, "name": c.name, "phone": c.phone, "address": c.address] as Fields
        }
        return f
    }

    static func money(_ m: Money) -> String { m.description }

    // MARK: Repair orders

    /// The settlement's payments (deposits, split parts, change, refunds) and an insurance claim's split (R5.8; accident repairs).
    static func payments(_ o: RepairOrder, _ d: OrderDocument, _ labels: Labels, into ro: inout Fields) {
        let offset = d.store.utcOffset
        let bill = o.bill(vatBasisPoints: d.settlement.vatBasisPoints)
        ro["payments"] = o.payments.map { e in
            ["kind": labels.text("payment_kind", e.kind.rawValue), "method": labels.text("payment", e.method.rawValue), "amount": money(e.amount),
             "tendered": e.tendered.map(money) ?? "", "change": e.change.fen > 0 ? money(e.change) : "", "by": e.by, "at": e.at.display(in: offset)] as Fields
        }
        // One payment in full is already on the page (method, invoice, time): the table is for
        // deposits, parts, change and refunds, so the usual settlement stays one A4 page.
        ro["has_payments"] = o.payments.count > 1 || o.payments.contains { $0.kind != .payment || $0.tendered != nil }
        ro["customer_total"] = money(bill.customerTotal)
        ro["deposits"] = money(bill.deposits)
        ro["has_deposits"] = bill.deposits.fen != 0
        ro["paid"] = money(bill.paid)
        ro["due_now"] = money(bill.dueNow)
        // 挂账: what was charged to the customer's credit account, paid later.
        let onAccount = Money(fen: o.payments.filter { $0.method == .account }.reduce(0) { $0 + $1.amount.fen })
        var methods: [String] = []
        for e in o.payments where e.kind != .refund {
            let word = labels.text("payment", e.method.rawValue)
            if !methods.contains(word) { methods.append(word) }
        }
        ro["payment_methods"] = methods.joined(separator: labels.top("list_sep"))
        ro["account_charged"] = money(onAccount)
        ro["has_account_charge"] = onAccount.fen != 0
        if let claim = o.insurance, let split = bill.insurance {
            ro["insurance"] = ["insurer": d.store.insurers.first { $0.code == claim.insurer }?.name ?? claim.insurer, "claim": claim.claimNumber,
                               "assessed": money(claim.assessed), "deductible": money(claim.deductible), "gross": money(split.gross),
                               "insurer_pays": money(split.insurerPays), "customer_pays": money(split.customerPays),
                               // Of what the customer pays: the deductible actually borne, and the repair above the assessment.
                               "deductible_paid": money(split.customerPays - split.aboveAssessment),
                               "above_assessment": money(split.aboveAssessment), "has_above_assessment": split.aboveAssessment.fen > 0] as Fields
        }
    }

    static func order(_ d: OrderDocument, _ labels: Labels) -> Fields {
        let o = d.order, offset = d.store.utcOffset, s = d.settlement
        let bill = o.bill(vatBasisPoints: s.vatBasisPoints)
        func time(_ t: Timestamp?) -> String { t?.display(in: offset) ?? "" }
        var f = common(kind: d.kind, mark: d.mark, store: d.store, vehicle: d.vehicle, customer: d.customer, labels)
        var ro: Fields = [
            "number": o.number, "status": labels.text("status", o.status.rawValue), "advisor": o.advisor,
            "opened_at": time(o.openedAt), "complaint": o.complaint ?? "", "promised_at": time(o.promisedAt),
            "team": o.team ?? "", "team_leader": d.teamLeader ?? "", "by_appointment": o.byAppointment,
            "warranty": o.warranty.map { labels.text("warranty", $0.rawValue) } ?? "", "documents_taken": o.documentsTaken,
            "washed": o.washed, "technicians": o.technicians.sorted().joined(separator: "、"),
            "agreed_delivery_at": time(o.agreedDeliveryAt), "settlement_signed_by": o.settlementSignedBy ?? "",
            "settled": o.settlementSignedBy != nil,
            // R5.6: who signed for the declined safety items (older orders: the settlement's signer).
            "declined_signed_by": o.declinedSignedBy ?? o.settlementSignedBy ?? "",
        ]
        payments(o, d, labels, into: &ro)
        if let c = o.checkIn {
            ro["check_in"] = ["mileage": c.mileage, "fuel_eighths": c.fuelEighths, "fuel": "\(c.fuelEighths)/8",
                              "fuel_percent": c.fuelEighths * 100 / 8, "covers": c.coversFitted,
                              "damage": c.damage, "valuables": c.valuables, "equipment": c.equipment,
                              "damage_marks": CarOutline.marks(c.damage).enumerated().map { i, m in
                                  ["no": i + 1, "text": m.text, "zone": labels.text("zone", m.zone.rawValue)] as Fields },
                              // Drawn from numbers only: no customer text inside, so it is inserted unescaped.
                              "car_outline_svg": CarOutline.svg(CarOutline.marks(c.damage))] as Fields
        }
        if let t = o.terms {
            ro["terms"] = ["payment": labels.text("payment", t.payment.rawValue), "old_parts": labels.text("old_parts_choice", t.oldParts.rawValue),
                           "wash": labels.text("yes_no", t.wash ? "yes" : "no"), "signed_by": t.signedBy, "signed_at": time(t.signedAt)] as Fields
        }
        if let dl = o.delivery {
            ro["delivery"] = ["next_service_on": dl.nextServiceOn.description, "next_service_km": dl.nextServiceKm,
                              "follow_up_preference": dl.followUpPreference, "old_parts_shown": dl.oldPartsShown,
                              "at": time(dl.at)] as Fields
        }
        if let p = o.payment {
            ro["payment"] = ["method": labels.text("payment", p.method.rawValue), "amount": money(p.amount), "invoice": p.invoiceNumber,
                             "gate_pass": p.gatePass, "cashier": p.by, "paid_at": time(p.at)] as Fields
        }
        ro["checks"] = o.checks.map { c in
            ["stage": labels.text("check", c.stage.rawValue), "passed": c.passed, "result": labels.text("pass", c.passed ? "yes" : "no"),
             "by": c.by, "at": time(c.at), "note": c.note] as Fields
        }
        ro["has_checks"] = !o.checks.isEmpty
        ro["has_part_lines"] = o.lines.contains { $0.kind == .part }
        ro["has_labor_lines"] = o.lines.contains { $0.kind == .labor }
        let lines = o.lines.enumerated().map { i, l in line(l, number: i + 1, labels) }
        ro["lines"] = lines
        ro["labor_lines"] = lines.filter { ($0["is_labor"] as? Bool) == true && ($0["approved"] as? Bool) == true }
        ro["part_lines"] = lines.filter { ($0["is_labor"] as? Bool) == false && ($0["approved"] as? Bool) == true }
        ro["approved_lines"] = lines.filter { ($0["approved"] as? Bool) == true }
        ro["declined_lines"] = lines.filter { ($0["declined"] as? Bool) == true }
        ro["declined_safety_lines"] = lines.filter { ($0["declined"] as? Bool) == true && ($0["safety"] as? Bool) == true }
        ro["has_declined"] = !o.lines.filter { $0.approval == .refused }.isEmpty
        ro["has_declined_safety"] = !o.declinedSafetyLines.isEmpty
        ro["labor_hours"] = o.approvedLaborHours.description
        f["order"] = ro
        f["money"] = [
            "labor": money(s.laborNet), "parts": money(s.partsNet), "covered": money(s.coveredValue),
            "subtotal": money(s.laborNet + s.partsNet), "discount": money(s.discount), "has_discount": s.discount.fen > 0,
            "discount_reason": o.discountReason ?? "", "has_discount_reason": !(o.discountReason ?? "").isEmpty, "net": money(s.net), "vat": money(s.vat),
            "vat_rate": percent(s.vatBasisPoints), "total": money(s.total), "total_fen": s.total.fen,
            "total_capital": s.total.chineseCapital,
            // What the customer pays in all: their own total, plus the deductible and extras of an insurance repair.
            "customer_total": money(bill.customerTotal), "customer_total_capital": bill.customerTotal.chineseCapital,
            // Every approved line with VAT, whoever pays it (the customer, the insurer).
            "repair_total": money(s.total + (bill.insurance?.gross ?? .zero)), "has_insurance": bill.insurance != nil,
        ] as Fields
        if let q = d.qualityWarranty {
            let text = labels.top("quality_text").replacingOccurrences(of: "{{km}}", with: String(q.period.km))
                .replacingOccurrences(of: "{{days}}", with: String(q.period.days))
            f["quality"] = ["kind": labels.text("repair_kind", q.kind.rawValue), "km": q.period.km, "days": q.period.days, "text": text,
                            "from": q.from.description, "until": q.until.description, "from_km": q.fromKm, "until_km": q.untilKm] as Fields
        }
        return f
    }

    static func line(_ l: RepairOrderLine, number: Int, _ labels: Labels) -> Fields {
        let charged = l.payer == .customer && l.approval == .approved
        return [
            "no": number, "kind": labels.text("line_kind", l.kind.rawValue), "is_labor": l.kind == .labor, "code": l.code, "name": l.name,
            "hours": l.kind == .labor ? l.hours.description : "", "quantity": l.quantity, "unit_price": money(l.unitPrice),
            "amount": money(l.amount), "charged_amount": money(l.chargedAmount), "charged": charged,
            "payer": labels.text("payer", l.payer.rawValue), "free": l.payer == .free, "warranty": l.payer == .warranty,
            "approval": labels.text("approval", l.approval.rawValue), "approved": l.approval == .approved,
            "declined": l.approval == .refused, "pending": l.approval == .pending, "safety": l.safety,
            "origin": labels.text("origin", l.origin.rawValue), "has_origin": l.origin != .estimate, "extra": l.origin == .extra, "done": l.done,
            "issued": l.issued, "issued_to": l.issuedTo ?? "", "technician": l.clockedOnBy ?? "",
        ]
    }

    static func percent(_ basisPoints: Int) -> String {
        basisPoints % 100 == 0 ? "\(basisPoints / 100)%" : "\(basisPoints / 100).\(CalendarDate.pad(basisPoints % 100, 2))%"
    }

    // MARK: Appointments

    static func appointment(_ d: AppointmentDocument, _ labels: Labels) -> Fields {
        let a = d.appointment, offset = d.store.utcOffset
        var f = common(kind: .appointment, mark: d.mark, store: d.store, vehicle: d.vehicle, customer: d.customer, labels)
        f["appointment"] = [
            "number": a.number, "start": a.start.display(in: offset), "end": a.end.clockText(in: offset, seconds: false),
            "duration_minutes": a.durationMinutes, "job": a.job, "bay": a.bay.map(String.init) ?? "", "advisor": a.advisor,
            "channel": labels.text("channel_kind", a.channel.rawValue), "status": labels.text("appointment_status", a.status.rawValue),
            "called_at": a.calledAt.display(in: offset), "note": a.note, "attempt": a.attempt,
            "day_before_confirmed": a.customerConfirmations.dayBefore.map { $0.display(in: offset) } ?? "",
            "hour_before_confirmed": a.customerConfirmations.hourBefore.map { $0.display(in: offset) } ?? "",
            "parts_checked": a.internalChecks.partsCheckedAt != nil,
            "parts_expected_on": a.internalChecks.partsExpectedOn?.description ?? "",
            "reservations": d.reservations.filter { !$0.released }.map {
                ["part_number": $0.partNumber, "quantity": $0.quantity, "label": $0.label] as Fields
            },
        ] as Fields
        return f
    }
}
