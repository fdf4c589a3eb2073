import LaneCore
import LanePlugin

/// What the shell may ask of the dealership's records. The shell and the
/// commands see only these protocols; all SQL lives in this module, so a
/// PostgreSQL store can follow without touching the other layers.
public protocol ServiceStore: Sendable {
    /// Runs `body` in one read transaction: a consistent snapshot.
    func read<T>(_ body: (any StoreReading) throws -> T) throws -> T
    /// Runs `body` in one write transaction. Anything it throws rolls the
    /// whole transaction back: one command, one transaction.
    func write<T>(_ body: (any StoreWriting) throws -> T) throws -> T
    /// Where the data lives, for `whoami` and error messages.
    var location: String { get }
    /// The store's secret key, kept outside the database (a file readable by
    /// the store's owner only): the audit trail's rows and checkpoints are
    /// signed with it. Nil when the store has none.
    var secretKey: [UInt8]? { get }
    /// The backend's own check of its files (SQLite's `quick_check`, then its rows' references): what it
    /// found damaged, each a message (`store.damage` with the backend's words, `store.broken_reference`);
    /// empty when all is well.
    func integrityProblems() throws -> [Message]
    /// A session goes on past its first command: the store may keep more of what it reads in memory
    /// from one command to the next.
    func keepPagesBetweenCommands()
    /// Where the store stands now (`SettingsReading.storeVersions`), read on its own: a shell asks at every line.
    func versions() throws -> StoreVersions
    /// The process exits next: what a close must leave behind is done now, and what only frees this
    /// process's memory is left to the system's end of the process.
    func finishBeforeExit()
}

extension ServiceStore {
    /// A server's store keeps its pages itself.
    public func keepPagesBetweenCommands() {}
    public func versions() throws -> StoreVersions { try read { try $0.storeVersions() } }
    /// A server's store closes as it always does.
    public func finishBeforeExit() {}
}

/// Every lookup of the store, one protocol per aggregate; an operation may
/// ask for the narrow one it needs. Every lookup is served by an index (see `Schema`).
public protocol StoreReading: SettingsReading, CustomersReading, VehiclesReading, DealershipReading, NumberingReading, RepairOrdersReading, RemindersReading, FollowUpsReading, AppointmentsReading, AuditReading, PinsReading, PluginSandboxReading, PrintLogReading, CreditAccountsReading, ReportsReading {}

/// Reading the store's settings.
public protocol SettingsReading {
    func settings() throws -> StoreSettings
    func settingValues() throws -> [String: String]
    /// Numbers that move with every change to the settings and the staff list, and to the catalogue's
    /// part numbers, part groups and operation codes, whoever made it: what may be kept between
    /// commands is kept while they stand still.
    func storeVersions() throws -> StoreVersions
}

/// Where the store stands (`SettingsReading.storeVersions`): two numbers, each drawn anew by the store
/// itself (triggers, v37) at every change of what it follows, in any process or desk. Only compared:
/// a number seen once does not come back (a rolled-back change's neither), and no two stores share one.
public struct StoreVersions: Sendable, Equatable {
    /// The settings (`setting`) and the staff list (`staff`): what a session reads once for its commands.
    public var settings: Int64
    /// The part numbers and groups and the labour operation codes (not stock, names or prices).
    public var catalogue: Int64

    public init(settings: Int64, catalogue: Int64) {
        self.settings = settings
        self.catalogue = catalogue
    }
}

/// Changing the store's settings.
public protocol SettingsWriting: SettingsReading {
    func saveSettings(_ settings: StoreSettings) throws
    /// Stores settings the core does not read itself (`plugin.NAME.KEY`).
    func saveSettingValue(key: String, value: String) throws
    /// Takes a setting's value away (`store unset`): a KPI target the store no longer has.
    func removeSettingValue(key: String) throws
}

/// Reading customers.
public protocol CustomersReading {
    func customer(id: Int64) throws -> Customer?
    func customer(number: Int) throws -> Customer?
    func customers(phone: String) throws -> [Customer]
    func customers(named name: String) throws -> [Customer]
    /// Customers whose name starts with `prefix`, ordered by name.
    func customers(namePrefix prefix: String, limit: Int) throws -> [Customer]
    /// Customers whose name holds `text` anywhere, or whose name's pinyin or
    /// initials (or a syllable's suffix of them) start with it (`晓峰`,
    /// `ouyang`, `oyxf`), ordered by pinyin: an index range on their search keys.
    func customers(matching text: String, limit: Int) throws -> [Customer]
    /// Customers whose mobile number starts with `prefix` (`138`) or, with `tail`, ends with it (`8000`).
    func customers(phonePrefix prefix: String, tail: Bool, limit: Int) throws -> [Customer]
    func customers(limit: Int, offset: Int) throws -> [Customer]
    func customerCount() throws -> Int
    /// Several customers at once, by id (the owners of a page of vehicles or orders): no query per row.
    func customers(ids: [Int64]) throws -> [Int64: Customer]
    /// X4: the free texts that may name the customer, for an erasure to
    /// rewrite: their orders' complaint, check-in sheet, timeline and QC
    /// notes, their appointments' jobs and histories, and the histories and
    /// delay notes of every vehicle they own or owned (`vehicles(everOwnedBy:)`).
    func customerTexts(of customer: Customer) throws -> [CustomerText]
}

/// Changing customers.
public protocol CustomersWriting: CustomersReading {
    func insertCustomer(number: Int, fields: CustomerFields, at: Timestamp) throws -> Customer
    func updateCustomer(_ customer: Customer) throws
    /// X4: anonymises a customer by applying each item of `erasure` with the
    /// value it carries (the application layer decides which, and with what).
    /// Vehicles, repair orders and payments are not items: the law requires
    /// the financial records.
    func eraseCustomer(_ erasure: CustomerErasure) throws
}

/// Reading vehicles and their history.
public protocol VehiclesReading {
    func vehicle(id: Int64) throws -> Vehicle?
    func vehicle(plate: String) throws -> Vehicle?
    func vehicle(vin: String) throws -> Vehicle?
    /// Vehicles whose plate starts with `prefix`, ordered by plate.
    func vehicles(platePrefix prefix: String, limit: Int) throws -> [Vehicle]
    func vehicles(ownerID: Int64) throws -> [Vehicle]
    /// Vehicles the customer owns or owned: theirs now, those their repair
    /// orders and appointments were for, and those whose history names their
    /// code (sold to them, a change of owner).
    func vehicles(everOwnedBy customer: Customer) throws -> [Vehicle]
    func vehicles(limit: Int, offset: Int) throws -> [Vehicle]
    func vehicleCount() throws -> Int
    func events(vehicleID: Int64) throws -> [VehicleEvent]
    /// Several vehicles at once, by id: no query per row.
    func vehicles(ids: [Int64]) throws -> [Int64: Vehicle]
    /// The histories of several vehicles at once, each in `events(vehicleID:)`'s order.
    func events(vehicleIDs: [Int64]) throws -> [Int64: [VehicleEvent]]
    /// What the reminder rules read of several vehicles' histories (`ServiceHistoryEntry`), each in
    /// `events(vehicleID:)`'s order: from the history's index alone, no row of the table read.
    func serviceHistory(vehicleIDs: [Int64]) throws -> [Int64: [ServiceHistoryEntry]]
    /// The plates of each of several customers' vehicles, in plate order.
    func plates(ownerIDs: [Int64]) throws -> [Int64: [String]]
    func mileageReadings(vehicleID: Int64) throws -> [MileageReading]
    /// Every vehicle (the reminder scan reads them all, once per `remind due`).
    func allVehicles() throws -> [Vehicle]
    /// The vehicles a campaign or recall may be for, by id: those whose model starts with one of
    /// `modelPrefixes` (any model when empty) and whose VIN lies in `vins` (any when nil). Index
    /// ranges on model and VIN, so the answer grows with the vehicles in scope, not the fleet; the
    /// caller's rule (`ServiceCampaign.applies`) decides each one.
    func vehicles(modelPrefixes: [String], vins: Range<String>?) throws -> [Vehicle]
    /// Visit and sale events of every vehicle, grouped by vehicle id.
    func allEvents() throws -> [Int64: [VehicleEvent]]
}

/// Changing vehicles and their history.
public protocol VehiclesWriting: VehiclesReading {
    func insertVehicle(_ fields: VehicleFields, ownerID: Int64, at: Timestamp) throws -> Vehicle
    func updateVehicle(_ vehicle: Vehicle) throws
    @discardableResult
    func appendEvent(vehicleID: Int64, kind: VehicleEventKind, visitKind: VisitKind?, on: CalendarDate, mileage: Int?,
                     detail: String, message: Message?, at: Timestamp, by: String) throws -> VehicleEvent
}

extension VehiclesWriting {
    /// A history row whose words are not a message (imports' own summaries, tests).
    @discardableResult
    public func appendEvent(vehicleID: Int64, kind: VehicleEventKind, visitKind: VisitKind?, on: CalendarDate, mileage: Int?,
                            detail: String, at: Timestamp, by: String) throws -> VehicleEvent {
        try appendEvent(vehicleID: vehicleID, kind: kind, visitKind: visitKind, on: on, mileage: mileage, detail: detail, message: nil, at: at, by: by)
    }

    /// A history row that says `message`: kept as the message, read in the reader's language (v30), and as the
    /// words the writer's shell renders them in.
    @discardableResult
    public func appendEvent(vehicleID: Int64, kind: VehicleEventKind, visitKind: VisitKind?, on: CalendarDate, mileage: Int?,
                            said message: Message, at: Timestamp, by: String) throws -> VehicleEvent {
        try appendEvent(vehicleID: vehicleID, kind: kind, visitKind: visitKind, on: on, mileage: mileage, detail: message.description,
                        message: message, at: at, by: by)
    }
}

/// Reading teams, staff, the labour and parts catalogues, and stock.
public protocol DealershipReading {
    func teams() throws -> [WorkshopTeam]
    func staff() throws -> [StaffMember]
    func staffMember(named name: String) throws -> StaffMember?
    func staff(namePrefix prefix: String, limit: Int) throws -> [StaffMember]
    func laborOperations() throws -> [LaborOperation]
    func parts() throws -> [Part]
    /// The groups the catalogue's parts belong to, without reading the parts themselves.
    func partGroups() throws -> Set<String>
    func parts(numberPrefix prefix: String, limit: Int) throws -> [Part]
    func part(number: String) throws -> Part?
    /// Several parts at once, by number (one index lookup of the list: a list's stock column, never a read per line).
    func parts(numbers: [String]) throws -> [String: Part]
    func laborOperation(code: String) throws -> LaborOperation?
    /// Several labour operations at once, by code (one index lookup of the list).
    func laborOperations(codes: [String]) throws -> [String: LaborOperation]
    func stockMovements(partNumber: String) throws -> [StockMovement]
}

/// Changing teams, staff, the labour and parts catalogues, and stock.
public protocol DealershipWriting: DealershipReading {
    func insertTeam(_ team: WorkshopTeam) throws
    func insertStaff(name: String, role: StaffRole, team: String?, phone: MobileNumber?) throws -> StaffMember
    /// Notes that `name` left the store at `time` (`staff leave`); their row stays.
    func markStaffLeft(name: String, at time: Timestamp) throws
    func insertLaborOperation(_ operation: LaborOperation) throws
    func insertPart(_ part: Part) throws
    /// Moves stock and writes the ledger row. The rule that stock never goes
    /// below zero is checked by the application layer before it calls this.
    func recordStockMovement(_ movement: StockMovement) throws
}

/// Reading the number series (writing only).
public protocol NumberingReading {

}

/// Changing the number series (writing only).
public protocol NumberingWriting: NumberingReading {
    /// The next number of `series`, never handed out before (a locked
    /// counter, never MAX+1), in the caller's transaction.
    func allocateNumber(in series: NumberSeries) throws -> Int
    /// A number given from outside (an imported customer code): the series
    /// never hands it out again.
    func claimNumber(_ number: Int, in series: NumberSeries) throws
}

/// Reading repair orders and their timelines.
public protocol RepairOrdersReading {
    func repairOrder(number: String) throws -> RepairOrder?
    func repairOrder(id: Int64) throws -> RepairOrder?
    /// Orders in the given statuses, oldest first.
    func repairOrders(statuses: [RepairOrderStatus], limit: Int) throws -> [RepairOrder]
    /// What the customer-file check reads (`VisitFile`) of at most `limit` orders in one of `statuses` opened from `from`
    /// on and before `position`, newest first
    /// (ties by id, the higher first): each status's index range (`repair_order_by_status`) read from its newest
    /// end for `limit` entries at most, so a page reads about its own orders however many the days hold.
    func visitFiles(statuses: [RepairOrderStatus], openedFrom from: Timestamp, before position: RepairOrderPosition,
                    limit: Int) throws -> [VisitFile]
    func repairOrders(vehicleID: Int64) throws -> [RepairOrder]
    /// Numbers of the orders opened on `day` starting with `prefix` (completion).
    func repairOrderNumbers(prefix: String, limit: Int) throws -> [String]
    func repairOrderEvents(orderID: Int64) throws -> [TimelineEvent]
    /// The newest timeline row's id: a mark to find what one command did.
    func lastRepairOrderEventID() throws -> Int64
    /// Timeline rows written after the mark, oldest first (plugins hear of them as domain events).
    func repairOrderEvents(afterID id: Int64) throws -> [RepairOrderEventRef]
    /// Orders delivered in [from, to), oldest delivery first.
    func repairOrders(deliveredFrom from: Timestamp, to: Timestamp) throws -> [RepairOrder]
    /// The same, `limit` at a time from `offset` (a page of `today`'s follow-up calls).
    func repairOrders(deliveredFrom from: Timestamp, to: Timestamp, limit: Int, offset: Int) throws -> [RepairOrder]
    /// The same orders as the call lists show them, without their lines, checks and payments: all of them
    /// (`limit` nil) or `limit` at a time from `offset`, one for each order `repairOrders(deliveredFrom:to:)` gives.
    func deliveredOrders(from: Timestamp, to: Timestamp, limit: Int?, offset: Int) throws -> [DeliveredOrder]
    /// The orders that came back as comebacks of `number`, oldest first (an index lookup).
    func repairOrderNumbers(comebackOf number: String) throws -> [String]
    /// Several orders' numbers by id (one index lookup of the list).
    func repairOrderNumbers(ids: [Int64]) throws -> [Int64: String]
    /// Every labour line `technician` is clocked on now, on any order (an index lookup).
    func clockedOnLines(technician: String) throws -> [ClockedOnLine]
    /// Orders' numbers by id after `id`, `limit` at a time: every order, page by page (`store check`'s seals).
    func repairOrderNumbers(afterID id: Int64, limit: Int) throws -> [(id: Int64, number: String)]
}

/// Changing repair orders and their timelines.
public protocol RepairOrdersWriting: RepairOrdersReading {
    /// Stores a new order; returns it with its id.
    func insertRepairOrder(_ order: RepairOrder, openedOn day: CalendarDate) throws -> RepairOrder
    /// Writes the whole order back: row, lines and checks.
    /// Saves `order` as changed from `before` (the same order as loaded): only what differs is written.
    func saveRepairOrder(_ order: RepairOrder, was before: RepairOrder) throws
    /// `message` is what `detail` says, kept to be read in the reader's language (v26).
    func appendRepairOrderEvent(orderID: Int64, kind: String, detail: String, message: Message?, at: Timestamp, by: String) throws
}

/// Reading the reminder registers, delayed deliveries and campaigns.
public protocol RemindersReading {
    func reminderLog(vehicleID: Int64?) throws -> [ReminderLogEntry]
    func reminderLog(from: Timestamp, to: Timestamp) throws -> [ReminderLogEntry]
    /// The newest `limit` calls (of one kind when asked), in log order (`remind register`'s page).
    func reminderLog(kind: ReminderKind?, newest limit: Int) throws -> [ReminderLogEntry]
    /// The calls about one campaign or recall (`reference`), in log order.
    func reminderLog(reference: String) throws -> [ReminderLogEntry]
    /// How many times each reason was given for declining each kind of call, counted from an
    /// index (`remind reasons`), in no particular order.
    func declineCounts() throws -> [DeclineReason]
    func delayedDeliveries(openOnly: Bool) throws -> [DelayedDelivery]
    func delayedDelivery(id: Int64) throws -> DelayedDelivery?
    func campaigns() throws -> [ServiceCampaign]
    func campaign(code: String) throws -> ServiceCampaign?
    /// What the reminder rules read of the calls logged for the given vehicles (the due list's
    /// candidates, a vehicle whose schedule is worked out again): by vehicle, then in log order. Read
    /// from `reminder_log_by_vehicle` alone (v40).
    func loggedCalls(vehicleIDs: [Int64]) throws -> [LoggedCall]
    /// The reminder schedule (`ReminderSchedule`) of the built-in rules: entries falling due by
    /// `dueBy`, of one kind when asked, earliest first then by plate; at most `limit` (nil: all).
    func scheduledReminders(dueBy: CalendarDate, kind: ReminderKind?, limit: Int?) throws -> [ScheduledVehicleReminder]
    /// The same, leaving out entries not listed on `day` (`ScheduledReminder.isListed`: a regular
    /// service's entry once the customer counts as lost stays in the schedule, dead, until the
    /// vehicle's next write). The caller still filters what the rules drop.
    func scheduledReminders(dueBy: CalendarDate, kind: ReminderKind?, listedOn day: CalendarDate, limit: Int?) throws -> [ScheduledVehicleReminder]
    /// One campaign's (R1.5/R1.6) schedule entries by plate; at most `limit` (nil: all).
    func scheduledReminders(campaign code: String, limit: Int?) throws -> [ScheduledVehicleReminder]
    /// What the schedule holds for one vehicle.
    func reminderSchedule(vehicleID: Int64) throws -> [ScheduledReminder]
}

/// One vehicle's entry of the reminder schedule, with the plate the due list is ordered by.
public struct ScheduledVehicleReminder: Sendable, Equatable {
    public var vehicleID: Int64
    public var plate: String
    public var reminder: ScheduledReminder
    public init(vehicleID: Int64, plate: String, reminder: ScheduledReminder) {
        self.vehicleID = vehicleID
        self.plate = plate
        self.reminder = reminder
    }
}

/// Changing the reminder registers, delayed deliveries and campaigns.
public protocol RemindersWriting: RemindersReading {
    func appendReminderLog(_ entry: ReminderLogEntry) throws
    func insertDelayedDelivery(_ entry: DelayedDelivery) throws -> DelayedDelivery
    func updateDelayedDelivery(_ entry: DelayedDelivery) throws
    func insertCampaign(_ campaign: ServiceCampaign) throws -> ServiceCampaign
    /// Replaces one vehicle's schedule entries. Stores call `refreshReminderSchedule` from
    /// every write that can move a due date (vehicle added or changed, history event,
    /// reminder log entry, campaign); nothing else needs to.
    func replaceReminderSchedule(vehicleID: Int64, plate: String, entries: [ScheduledReminder]) throws
}

extension StoreWriting {
    /// Works one vehicle's schedule out again from its rows, by LaneCore's rules (`ReminderSchedule`).
    public func refreshReminderSchedule(vehicleID: Int64) throws {
        guard let vehicle = try vehicle(id: vehicleID) else { return }
        let entries = ReminderSchedule.entries(for: vehicle, history: try serviceHistory(vehicleIDs: [vehicleID])[vehicleID] ?? [],
                                               log: try loggedCalls(vehicleIDs: [vehicleID]), campaigns: try campaigns())
        try replaceReminderSchedule(vehicleID: vehicleID, plate: vehicle.plate.value, entries: entries)
    }
}

/// Reading follow-up calls and complaints.
public protocol FollowUpsReading {
    func followUps(orderID: Int64) throws -> [FollowUpRecord]
    /// What the calls-due rule reads of the given orders' calls (`FollowUpAttempt`), by order, in the order they
    /// were recorded; from `follow_up_by_order` alone (v43).
    func followUpAttempts(orderIDs: [Int64]) throws -> [Int64: [FollowUpAttempt]]
    func followUps(from: Timestamp, to: Timestamp) throws -> [FollowUpRecord]
    /// The same calls as the figures read them (`KPIFollowUpCall`: not the comment nor the caller).
    func kpiFollowUpCalls(from: Timestamp, to: Timestamp) throws -> [KPIFollowUpCall]
    /// A page of `followUps(from:to:)`, in its order: at most `limit` calls after the first `offset`.
    func followUps(from: Timestamp, to: Timestamp, limit: Int, offset: Int) throws -> [FollowUpRecord]
    /// How many calls recorded in [from, to) carry a satisfaction score, and the scores' sum (`followup list`'s
    /// summary of the whole period, whatever page of its calls is shown).
    func followUpScores(from: Timestamp, to: Timestamp) throws -> (scored: Int, total: Int)
    func complaints(statuses: [Complaint.Status]) throws -> [Complaint]
    func complaint(id: Int64) throws -> Complaint?
    /// The newest complaint's id: a mark to find the complaints one command opened.
    func lastComplaintID() throws -> Int64
}

/// Changing follow-up calls and complaints.
public protocol FollowUpsWriting: FollowUpsReading {
    func appendFollowUp(_ record: FollowUpRecord) throws
    func insertComplaint(_ complaint: Complaint) throws -> Complaint
    func updateComplaint(_ complaint: Complaint) throws
}

/// Reading appointments, their history and part reservations.
public protocol AppointmentsReading {
    func appointment(number: String) throws -> Appointment?
    func appointment(id: Int64) throws -> Appointment?
    /// The newest appointment history row's id: a mark to find what one command did.
    func lastAppointmentEventID() throws -> Int64
    /// Appointment history rows written after the mark (appointment id and step), oldest first.
    func appointmentEvents(afterID id: Int64) throws -> [(id: Int64, appointmentID: Int64, kind: String)]
    /// Appointments starting on the days in [from, to], by start.
    func appointments(fromDay: CalendarDate, toDay: CalendarDate) throws -> [Appointment]
    func appointments(vehicleID: Int64) throws -> [Appointment]
    /// A customer's appointments, by start (a car not yet registered has no vehicle to find them by).
    func appointments(customerID: Int64) throws -> [Appointment]
    /// R2.8: the no-shows of the days in [from, to], by start.
    func noShows(fromDay: CalendarDate, toDay: CalendarDate) throws -> [Appointment]
    /// For the call lists (`ReminderPrecedence`): which of these vehicles have an open repair
    /// order (in the workshop) or an appointment still expected (booked); the others are absent.
    func callListStanding(vehicleIDs: [Int64]) throws -> [Int64: ReminderPrecedence.Standing]
    func appointmentNumbers(prefix: String, limit: Int) throws -> [String]
    func appointmentEvents(appointmentID: Int64) throws -> [TimelineEvent]
    /// Parts reserved and not yet released, for one part.
    func reservedQuantity(partNumber: String) throws -> Int
    func reservations(appointmentID: Int64) throws -> [PartReservation]
    /// Reservations not yet released, with the appointment each is for,
    /// oldest first; one part's, or every part's when `partNumber` is nil.
    func openReservations(partNumber: String?) throws -> [(appointmentID: Int64, reservation: PartReservation)]
}

/// Changing appointments, their history and part reservations.
public protocol AppointmentsWriting: AppointmentsReading {
    func insertAppointment(_ appointment: Appointment, day: CalendarDate) throws -> Appointment
    func saveAppointment(_ appointment: Appointment, day: CalendarDate) throws
    func appendAppointmentEvent(appointmentID: Int64, kind: String, detail: String, message: Message?, at: Timestamp, by: String) throws
    func reserve(partNumber: String, quantity: Int, for appointmentID: Int64, label: String, at: Timestamp) throws
    /// Releases an appointment's reservations (arrived, missed or cancelled).
    func releaseReservations(appointmentID: Int64, at: Timestamp) throws
}

/// Reading the audit trail's rows (the chain is the application layer's).
public protocol AuditReading {
    /// Audit rows, oldest first, filtered by entity reference, user and time.
    func auditEntries(ref: String?, user: String?, from: Timestamp?, to: Timestamp?, limit: Int) throws -> [AuditEntry]
    /// The newest audit row, where the next one chains on; nil for an empty trail.
    func auditHead() throws -> AuditHead?
    /// Audit rows after `sequence`, oldest first, for checking the chain in batches.
    func auditChain(afterSequence sequence: Int64, limit: Int) throws -> [AuditEntry]
    /// One row by its place in the chain.
    func auditEntry(sequence: Int64) throws -> AuditEntry?
    /// The checkpoints taken with `audit anchor`, oldest first.
    func auditAnchors() throws -> [AuditAnchor]
    /// Every seal of one kind, by ref.
    func seals(kind: String) throws -> [String: String]
    /// X4: the personal values kept apart from these audit rows, by row.
    func auditPersonal(sequences: [Int64]) throws -> [Int64: AuditPersonal]
    /// The first row signed with the store's key, nil when none is.
    func firstSignedAuditSequence() throws -> Int64?
    /// X4: the rows naming a customer (by code) whose personal values are still there.
    func auditPersonalNotErased(ofCustomer code: String) throws -> [Int64]
}

/// Changing the audit trail's rows (the chain is the application layer's).
public protocol AuditWriting: AuditReading {
    /// Appends a row to the audit trail, and its personal values kept apart;
    /// its sequence and hashes are already set.
    func insertAudit(_ entry: AuditEntry, personal: AuditPersonal?) throws
    /// X4: blanks the personal values of one row (`customer erase`), leaving the mark that says so.
    func eraseAuditPersonal(sequence: Int64, mark: String) throws
    /// Keeps a checkpoint of the chain (append-only).
    func insertAuditAnchor(_ anchor: AuditAnchor) throws
    /// Keeps the seal of one row (`kind` is `repair_order`, `staff`, `staff_pin` or `customer`; `ref` its number, name or code).
    func saveSeal(kind: String, ref: String, mac: String) throws
    /// The customers whose mobile number or address this transaction wrote
    /// (added, changed, erased), once each: their seals are renewed by the change.
    func customersChangedInTransaction() throws -> [Int64]
    /// The members of staff (by name) this transaction added or changed, once
    /// each: only their seals are renewed, never the whole list's.
    func staffChangedInTransaction() throws -> [String]
}

/// Reading staff PIN records (hashing and lockout are the application layer's).
public protocol PinsReading {
    /// A member of staff's PIN record, nil when they have none.
    func storedPin(staffName name: String) throws -> StoredPin?
}

/// Changing staff PIN records (hashing and lockout are the application layer's).
public protocol PinsWriting: PinsReading {
    /// Stores a PIN record (a new PIN, or a reset of the failures).
    func savePin(staffName name: String, _ pin: StoredPin) throws
    /// Wrong tries in a row, and when the last one was (nil: none).
    func setPinFailures(staffName name: String, failures: Int, at time: Timestamp?) throws
}

/// Reading plugins' own tables: each backend keeps its plugins in their namespace.
public protocol PluginSandboxReading {
    /// A plugin's query (see `LanePlugin.PluginContext.rows`); it may only read.
    func pluginRows(namespace: String, sql: String, arguments: [SQLValue]) throws -> [SQLRow]
    /// The migrations of a plugin that have run, in order.
    func pluginMigrations(namespace: String) throws -> [String]
    /// A run-time plugin's cached handshake: the file's identity when it was asked, and its answer.
    func pluginHandshake(path: String) throws -> (identity: String, answer: String)?
    /// The checksum (SHA-256, hex) recorded by `plugin install`, if it was installed so.
    func pluginChecksum(name: String) throws -> String?
    /// A run-time plugin's state: its keys and values.
    func pluginState(plugin: String) throws -> [String: String]
}

/// Changing plugins' own tables: each backend keeps its plugins in their namespace.
public protocol PluginSandboxWriting: PluginSandboxReading {
    /// Runs a plugin's statements; refused when they touch anything but the
    /// plugin's own tables (`plg_NAMESPACE_…`) or change the schema. Returns the last inserted row id.
    func pluginExecute(namespace: String, sql: String, arguments: [SQLValue]) throws -> Int64
    /// Applies a plugin's migrations not yet run; returns their identifiers.
    func migratePlugin(namespace: String, migrations: [PluginMigration], at time: Timestamp) throws -> [String]
    func savePluginHandshake(path: String, identity: String, answer: String) throws
    func savePluginChecksum(name: String, sha256: String, at time: Timestamp, by user: String) throws
    /// Runs `body` so that, when it throws, what it changed is undone and the
    /// rest of the transaction kept (a savepoint): one plugin's failure stays its own.
    func contained<T>(_ body: () throws -> T) throws -> T
    /// Removes every run-time plugin's state keys starting with `keyPrefix` (`customer erase`).
    func removePluginState(keyPrefix: String) throws
    /// Sets a key of a run-time plugin's state; nil removes it.
    func setPluginState(plugin: String, key: String, value: String?, at time: Timestamp) throws
}

/// Every change of the store, called inside `ServiceStore.write`. The store
/// decides no rule: the application layer checks, then calls these.
public protocol StoreWriting: StoreReading, SettingsWriting, CustomersWriting, VehiclesWriting, DealershipWriting, NumberingWriting, RepairOrdersWriting, RemindersWriting, FollowUpsWriting, AppointmentsWriting, AuditWriting, PinsWriting, PluginSandboxWriting, PrintLogWriting, CreditAccountsWriting, ReportsWriting {}

/// A timeline row, by order and step (the `ro` verb).
public struct RepairOrderEventRef: Sendable, Equatable {
    public var id: Int64
    public var orderID: Int64
    public var kind: String
}

/// One step in the story of a repair order (`ro timeline`) or an appointment (`appt show`).
public struct TimelineEvent: Sendable, Equatable {
    public var kind: String
    /// The words as the writer's shell wrote them.
    public var detail: String
    public var at: Timestamp
    public var by: String
    /// What the row says as a message (v26): read in the reader's language; nil for older rows.
    public var message: Message?
    public init(kind: String, detail: String, at: Timestamp, by: String, message: Message? = nil) {
        self.kind = kind
        self.detail = detail
        self.at = at
        self.by = by
        self.message = message
    }
}

extension RepairOrdersWriting {
    /// A row whose words are not a message (older callers).
    public func appendRepairOrderEvent(orderID: Int64, kind: String, detail: String, at: Timestamp, by: String) throws {
        try appendRepairOrderEvent(orderID: orderID, kind: kind, detail: detail, message: nil, at: at, by: by)
    }
}

extension AppointmentsWriting {
    public func appendAppointmentEvent(appointmentID: Int64, kind: String, detail: String, at: Timestamp, by: String) throws {
        try appendAppointmentEvent(appointmentID: appointmentID, kind: kind, detail: detail, message: nil, at: at, by: by)
    }
}

extension TimelineEvent {
    /// What the row says, in the reader's language: its message when it has
    /// one, else its words as written; a status move at the end in the reader's words.
    public var text: String {
        let (words, move) = RepairOrderStatus.splitMove(detail)
        return (message?.description ?? words) + (move ?? "")
    }
}

/// The store could not do its work (disk, lock, corruption): not the user's
/// fault, and not something to retry by changing the command.
public struct StoreFailure: Error, Sendable, CustomStringConvertible {
    /// What went wrong, read in the reader's language (`store.damaged.vehicle`, …);
    /// SQLite's own explanation travels as `.text`.
    public var said: Message
    public init(_ said: Message) { self.said = said }
    public init(_ text: String) { self.said = Message(.text, ["text": .text(text)]) }
    public var message: String { said.description }
    public var description: String { message }
}

/// One printing of a document (a check-in sheet, a settlement…): the print
/// log says whether the next one is a reprint (重印), and who printed what.
public struct PrintRecord: Sendable, Equatable {
    /// The kind of document (`settlement`, `gate-pass`…).
    public var document: String
    /// What it was printed for: a repair order's or an appointment's number.
    public var reference: String
    /// 1 for the first print, 2 for the first reprint, …
    public var copy: Int
    public var format: String
    public var printedBy: String
    public var printedAt: Timestamp

    public init(document: String, reference: String, copy: Int, format: String, printedBy: String, printedAt: Timestamp) {
        self.document = document
        self.reference = reference
        self.copy = copy
        self.format = format
        self.printedBy = printedBy
        self.printedAt = printedAt
    }
}

/// Reading the print log.
public protocol PrintLogReading {
    /// Every print of one document for one order or appointment, first first.
    func prints(document: String, reference: String) throws -> [PrintRecord]
}

/// Adding to the print log (append-only).
public protocol PrintLogWriting: PrintLogReading {
    func appendPrint(_ record: PrintRecord) throws
}

/// The rows of one period a report is worked out from (`KPIFacts`): each an index range on a date or
/// time column, so a report grows with the period's work, never with the fleet.
public protocol ReportsReading {
    /// Orders opened on the days given, and orders delivered in [from, to), each once, with their lines, as the
    /// figures read them (`KPIOrder`: the columns they need, no check or payment). A fixed number of statements,
    /// each an index range, whatever the number of orders.
    func kpiOrders(openedFrom first: CalendarDate, through last: CalendarDate, orDeliveredFrom from: Timestamp, to: Timestamp) throws -> [KPIOrder]
    /// The comebacks (`comeback_of` set) delivered in [from, to), each with the earlier order's number, advisor and team.
    func comebacks(deliveredFrom from: Timestamp, to: Timestamp) throws -> [KPIComeback]
    /// Complaints opened in [from, to).
    func complaints(openedFrom from: Timestamp, to: Timestamp) throws -> [Complaint]
    /// Delayed deliveries registered in [from, to).
    func delayedDeliveries(openedFrom from: Timestamp, to: Timestamp) throws -> [DelayedDelivery]
    /// The marks of the UTC days given that the figures' rows have moved (`KPIDayShares`); a day never marked has none.
    func kpiDayMarks(utcDays: ClosedRange<Int64>) throws -> [Int64: Int64]
    /// The day shares kept for the days in [first, last], as they were kept (whether each still stands is the reader's call).
    func keptKPIDays(from first: CalendarDate, through last: CalendarDate) throws -> [KeptKPIDay]
}

/// Keeping day shares of the figures (`KPIDayShares`): derived rows, written after a lookup worked them out.
public protocol ReportsWriting: ReportsReading {
    func keepKPIDays(_ days: [KeptKPIDay]) throws
}
