/// Which calls the lists show when several rules ask about one car, decided
/// here once for `remind due`, customer service's `today` and the reminder
/// schedule alike.
///
/// 1. A car in the workshop (an open repair order) or already booked (an
///    appointment still expected) is on no call list: the visit that would
///    answer every reminder is under way or agreed.
/// 2. A missed appointment's next attempt (R2.8) puts aside first service,
///    regular service and win-back (R1.1-R1.3): that one call books the
///    service they are owed.
/// 3. A lost customer's win-back call (R1.3) puts aside the regular service
///    (R1.2); the first service (R1.1) stays, as it is still owed.
/// 4. Campaigns, recalls, upgrades and delayed deliveries (R1.4-R1.6) are calls of
///    their own, kept beside the others.
public enum ReminderPrecedence {
    /// Where a car stands today, as far as the call lists care.
    public enum Standing: String, Sendable, CaseIterable {
        /// An open repair order: the car is at the dealership.
        case inWorkshop = "in_workshop"
        /// An appointment booked or confirmed and not yet come.
        case booked
    }

    /// A repair order in these steps keeps its car at the dealership: from
    /// reception until the car is handed back (R5.4); settling and paying
    /// may follow once the customer has it.
    public static let inWorkshop: [RepairOrderStatus] = RepairOrderStatus.allCases.filter { $0 < .delivered }

    /// The kinds `kind` puts aside for the same vehicle.
    public static func putsAside(_ kind: ReminderKind) -> Set<ReminderKind> {
        let aside = asideBits(kind)
        return Set(ReminderKind.allCases.filter { aside & bit($0) != 0 })
    }

    /// `putsAside` as bits (`bit`): the lists ask it of every reminder of every car, and a `Set` made for each
    /// answer, and one kept per car, were an allocation each (a fifth of the precedence's instructions).
    static func asideBits(_ kind: ReminderKind) -> UInt32 {
        switch kind {
        case .missedAppointment: return bit(.firstService) | bit(.regularService) | bit(.lostCustomer)
        case .lostCustomer: return bit(.regularService)
        case .firstService, .regularService, .delayedDelivery, .campaign, .upgrade, .recall: return 0
        }
    }

    /// A kind's bit in `asideBits`: one per case, by its place among them.
    static func bit(_ kind: ReminderKind) -> UInt32 { UInt32(1) << UInt32(ReminderKind.allCases.firstIndex(of: kind) ?? 0) }

    /// True when a car standing so may be called at all.
    public static func mayCall(_ standing: Standing?) -> Bool { standing == nil }

    /// One vehicle's reminders less those another of them puts aside, in the given order.
    public static func callable(_ reminders: [ServiceReminder]) -> [ServiceReminder] {
        let aside = reminders.reduce(UInt32(0)) { $0 | asideBits($1.kind) }
        return aside == 0 ? reminders : reminders.filter { aside & bit($0.kind) == 0 }
    }

    /// A call list less the cars that may not be called (`standing` by vehicle
    /// id) and, per vehicle, the reminders another one puts aside.
    public static func callable(_ items: [DueReminder], standing: [Int64: Standing]) -> [DueReminder] {
        var aside: [Int64: UInt32] = [:]
        for item in items {
            let bits = asideBits(item.reminder.kind)
            if bits != 0 { aside[item.vehicle.id, default: 0] |= bits }
        }
        return items.filter { mayCall(standing[$0.vehicle.id]) && (aside[$0.vehicle.id] ?? 0) & bit($0.reminder.kind) == 0 }
    }
}
