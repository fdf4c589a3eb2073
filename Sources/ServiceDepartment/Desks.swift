/// Every desk of one department, for a front end's commands: `desks.customers.vehicle(ref, by: caller)`.
/// Called inside a command's `Department.reading`/`changing`, each operation
/// joins the command's transaction; the front end never holds one.
///
/// `@unchecked Sendable`: a command's context is a value handed to its
/// closure, and the department it names is used on the session's one thread.
public struct Desks: @unchecked Sendable {
    public let department: Department
    public init(_ department: Department) { self.department = department }

    public var appointments: AppointmentDesk { AppointmentDesk(department) }
    public var audit: AuditDesk { AuditDesk(department) }
    public var campaigns: CampaignDesk { CampaignDesk(department) }
    public var creditAccounts: CreditAccountDesk { CreditAccountDesk(department) }
    public var customers: CustomerDesk { CustomerDesk(department) }
    public var documents: DocumentDesk { DocumentDesk(department) }
    public var followUps: FollowUpDesk { FollowUpDesk(department) }
    public var reminders: ReminderDesk { ReminderDesk(department) }
    public var repairOrders: RepairOrderDesk { RepairOrderDesk(department) }
    public var reports: ReportDesk { ReportDesk(department) }
    public var setup: SetupDesk { SetupDesk(department) }
    public var staff: StaffAdmin { StaffAdmin(department) }
}
