import LanePlugin

/// The satisfaction survey of the quality follow-up call (R6.1): a
/// questionnaire from the store's settings, its CSI and NPS, reports per
/// advisor, team and month (R6.5), and a complaint opened at once for a low
/// score (R6.2). The call itself stays the core's `followup record`.
public struct SurveyPlugin: LanePlugin {
    /// The surveys `today` lists at most: the oldest deliveries first, as customer service calls them.
    let todayPage: Int
    /// How many delivered orders `today` reads at a time while looking for those without a survey. Most
    /// deliveries of the last days are still to survey: the page and a quarter more by default, not 200 orders
    /// each read with its lines and checks to show 50 (at 1M vehicles, a sixth of `today` for the manager).
    let readBatch: Int

    public init() { self.init(todayPage: 50) }

    /// Smaller pages, for tests that show where a page ends without delivering fifty cars.
    init(todayPage: Int, readBatch: Int? = nil) {
        self.todayPage = max(1, todayPage)
        self.readBatch = max(1, readBatch ?? max(16, todayPage + todayPage / 4))
    }

    public var manifest: PluginManifest {
        PluginManifest(name: "survey", version: "1.0.0",
                       summary: "Satisfaction survey in the quality follow-up call: CSI, NPS, reports; low scores open complaints",
                       nouns: ["survey": "satisfaction surveys after delivery: ask, show, report"])
    }

    public var messages: [InterfaceLanguage: [MessageCode: String]] {
        // Its help too: the specs' words in English, its own in Chinese (`helpWords`).
        [.english: SurveyWords.english.merging(helpWords) { own, _ in own }.merging(SurveyComplaintWords.english) { own, _ in own },
         .chinese: SurveyWords.chinese.merging(SurveyHelpWords.chinese) { own, _ in own }.merging(SurveyComplaintWords.chinese) { own, _ in own }]
    }

    public var migrations: [PluginMigration] {
        [PluginMigration("1-responses", sql: """
            CREATE TABLE plg_survey_response (
                id INTEGER PRIMARY KEY,
                ro_id INTEGER NOT NULL UNIQUE,        -- one survey per repair order
                ro_number TEXT NOT NULL,
                customer_id INTEGER NOT NULL,
                vehicle_id INTEGER NOT NULL,
                advisor TEXT NOT NULL,                -- the order's advisor and team, for the report
                team TEXT,
                template TEXT NOT NULL,
                delivered_on TEXT NOT NULL,           -- YYYY-MM-DD, store time
                surveyed_on TEXT NOT NULL,            -- YYYY-MM-DD, store time: the report's period
                surveyed_at INTEGER NOT NULL,         -- seconds since 1970
                surveyed_by TEXT NOT NULL,
                late_days INTEGER NOT NULL,           -- days after the R6.1 window, 0 on time
                csi_tenths INTEGER NOT NULL,          -- 0-1000: CSI 87.5 is 875
                nps_answer INTEGER,                   -- 0-10; NULL when the template has no NPS question
                comment TEXT NOT NULL DEFAULT '',
                complaint TEXT                        -- what `complaint open` answered, when the survey opened one
            );
            CREATE INDEX plg_survey_response_surveyed_on ON plg_survey_response (surveyed_on);
            CREATE TABLE plg_survey_answer (
                response_id INTEGER NOT NULL REFERENCES plg_survey_response (id),
                position INTEGER NOT NULL,            -- 1 = q1
                question TEXT NOT NULL,               -- wording and scale as asked: a later template change keeps history
                kind TEXT NOT NULL,                   -- csi or nps
                low INTEGER NOT NULL,
                high INTEGER NOT NULL,
                value INTEGER NOT NULL,
                PRIMARY KEY (response_id, position)
            );
            """),
         // Version 1 kept the sentence `complaint open` answered, in the words of whoever took the survey; from
         // version 2 the complaint's number (and whether it was open already), read in each reader's language.
         // Rows of version 1 keep their sentence and are shown as they were written (`SurveyComplaint.text`).
         PluginMigration("2-complaint-number", sql: """
            ALTER TABLE plg_survey_response ADD COLUMN complaint_id INTEGER;
            ALTER TABLE plg_survey_response ADD COLUMN complaint_was_open INTEGER NOT NULL DEFAULT 0;
            """)]
    }

    public var commands: [PluginCommand] {
        [SurveyCommands.start, SurveyCommands.show, SurveyCommands.report, SurveyCommands.questions]
    }

    /// Customer service (and the managers) see the orders delivered in the
    /// last three days that have no survey yet: the calls to make (R6.1).
    public func today(_ context: any PluginContext) throws -> [PluginSection] {
        guard let role = context.role, [.customerService, .serviceManager, .admin].contains(role) else { return [] }
        let offset = context.settings.utcOffset
        var t = Table(columns: [Column("ro", "repair order"), Column("plate", "plate"), Column("customer", "customer"), Column("phone", "phone"),
                                Column("advisor", "advisor"), Column("delivered_on", "delivered"), Column("call_time", "preferred time"),
                                Column("due_by", "survey by")],
                      emptyText: Message("survey.today.none_due").description)
        let from = Timestamp(date: context.today.adding(days: -SurveySettings.onTimeDays), offset: offset)
        let to = Timestamp(date: context.today, offset: offset)
        let due = try Self.unsurveyed(deliveredFrom: from, to: to, first: todayPage, batch: readBatch, context)
        let customers = try context.customers(ids: Array(Set(due.map(\.customerID))))
        let vehicles = try context.vehicles(ids: Array(Set(due.map(\.vehicleID))))
        for o in due {
            guard let delivery = o.delivery else { continue }
            let day = delivery.at.date(in: offset)
            let customer = customers[o.customerID]
            t.rows.append([.text(o.number), .text(vehicles[o.vehicleID]?.plate.value ?? "?"),
                           .text(customer.map { "\($0.name) \($0.code)" } ?? "?"), .text(customer?.phone.digits ?? ""),
                           .text(o.advisor), .date(day), .text(delivery.followUpPreference),
                           .date(day.adding(days: SurveySettings.onTimeDays))])
        }
        if t.rows.count == todayPage { t.footnote = Message("survey.today.first_page", ["count": .int(t.rows.count)]).description }
        return [PluginSection(key: "surveys_due", title: Message("survey.today.due").description, table: t)]
    }

    /// The first `first` orders delivered in [from, to) that have no survey yet, oldest delivery first. The
    /// window is read a page at a time and each page's surveys by its orders' ids, so a store delivering
    /// thousands of cars a week reads what the list shows, not the whole week (at 1M vehicles the whole
    /// week made `today` take most of a second).
    static func unsurveyed(deliveredFrom from: Timestamp, to: Timestamp, first: Int, batch: Int, _ context: any PluginContext) throws -> [DeliveredOrder] {
        var due: [DeliveredOrder] = []
        var read = 0
        while due.count < first {
            let orders = try context.deliveredOrders(from: from, to: to, limit: batch, offset: read)
            if orders.isEmpty { break }
            let marks = Array(repeating: "?", count: orders.count).joined(separator: ", ")
            let done = Set(try context.rows("SELECT ro_id FROM plg_survey_response WHERE ro_id IN (\(marks))",
                                            orders.map { .integer($0.id) }).compactMap { $0.int("ro_id") })
            due += orders.filter { !done.contains($0.id) && $0.delivery != nil }
            read += orders.count
            if orders.count < batch { break }
        }
        return Array(due.prefix(first))
    }

    /// `report kpi`: surveys taken, survey CSI and NPS for the period (SurveyKPI).
    public func kpi(_ request: KPIContributionRequest, _ context: any PluginContext) throws -> [KPIContribution] {
        try SurveyKPI.sections(request, context)
    }

    /// X4: the customer's surveys and every answer, for `customer export`.
    public func export(customer: Customer, _ context: any PluginContext) throws -> [PluginSection] {
        var surveys = Table(columns: [Column("ro", "repair order"), Column("surveyed_on", "surveyed"), Column("csi", "CSI (0-100)"),
                                      Column("nps_answer", "recommend (0-10)"), Column("comment", "comment"), Column("complaint", "complaint")],
                            emptyText: Message("survey.empty.surveys").description)
        var answers = Table(columns: [Column("ro", "repair order"), Column("q", "q"), Column("question", "question"), Column("answer", "answer")],
                            emptyText: Message("survey.empty.answers").description)
        for s in try context.rows("SELECT * FROM plg_survey_response WHERE customer_id = ? ORDER BY id", [.integer(customer.id)]) {
            let ro = s.text("ro_number") ?? ""
            surveys.rows.append([.text(ro), .optional(s.text("surveyed_on")), SurveyScore.value(s.int("csi_tenths").map { Int($0) }),
                                 s.int("nps_answer").map { .int(Int($0)) } ?? .none, .text(s.text("comment") ?? ""), .optional(SurveyComplaint.text(s, customer: customer))])
            for a in try context.rows("SELECT * FROM plg_survey_answer WHERE response_id = ? ORDER BY position", [s["id"]]) {
                answers.rows.append([.text(ro), .text("q\(a.int("position") ?? 0)"), .text(a.text("question") ?? ""), .int(Int(a.int("value") ?? 0))])
            }
        }
        return [PluginSection(key: "surveys", title: "satisfaction surveys", table: surveys),
                PluginSection(key: "survey_answers", title: "survey answers", table: answers)]
    }

    /// X4: the customer's own words go, and their name where a survey's
    /// complaint note has it; the scores stay, nobody's, for the reports.
    public func erase(customer: Customer, _ context: any PluginContext) throws {
        try context.execute("""
            UPDATE plg_survey_response SET comment = CASE comment WHEN '' THEN '' ELSE ? END, complaint = REPLACE(complaint, ?, ?)
            WHERE customer_id = ?
            """, [.text(Message("customer.erased_words").description), .text(customer.name), .text(customer.code), .integer(customer.id)])
    }
}

/// The complaint a survey opened, as its reader reads it.
enum SurveyComplaint {
    static func message(id: Int64, wasOpen: Bool, ro: String, customer: Customer?) -> Message {
        wasOpen
            ? Message("survey.complaint_already_open", ["complaint": .int(Int(id)), "ro": .text(ro)])
            : Message("survey.complaint_opened", ["complaint": .int(Int(id)), "name": .text(customer?.name ?? ""), "customer": .text(customer?.code ?? "")])
    }

    /// From the complaint's number (and the customer as they are now, so an erased
    /// one is not named); a row of version 1 keeps the sentence it was written with.
    static func text(_ row: SQLRow, customer: Customer?) -> String? {
        guard let id = row.int("complaint_id") else { return row.text("complaint") }
        return message(id: id, wasOpen: row.int("complaint_was_open") == 1, ro: row.text("ro_number") ?? "", customer: customer).description
    }
}
