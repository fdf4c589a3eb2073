import LanePlugin

/// `survey start|show|report|questions`.
enum SurveyCommands {
    static let roPositional = PositionalSpec("ro", "Repair order number (RO-…)", completion: .repairOrders, current: .repairOrder)

    // MARK: survey start (R6.1, R6.2)

    static let start = PluginCommand(
        noun: "survey", verb: "start", summary: "Take the satisfaction survey of a delivered repair order; a low score opens a complaint",
        discussion: """
            The survey is asked in the quality follow-up call, from the day after delivery; within 3 days it is on time, \
            later it is recorded as late, and after max_days (store settings, default 14) it is refused. Record the call itself \
            with `followup record`. At the prompt, leave --answers out and the questions are asked one by one, then confirmed. \
            In a script give --answers: the scored questions' answers in order, separated by commas (`survey questions` \
            numbers them: q1, q2, …); --comment is the customer's own words. Any CSI answer at the bottom of its scale, or a CSI \
            below complaint_below (default 60), opens a complaint in the same transaction; whoever may not open complaints \
            cannot record such a survey.
            """,
        positionals: [roPositional],
        options: [OptionSpec("answers", value: "N,N,…", "The scored answers in question order (q1,q2,…), e.g. 5,4,5,5,9"),
                  OptionSpec("comment", value: "TEXT", "What the customer said (the template's text question)"),
                  OptionSpec("template", value: "NAME", "The questionnaire (default: the store's template setting)")],
        examples: ["survey start RO-20261123-0001", "survey start RO-20261123-0001 --answers 5,4,5,5,9 --comment '师傅很专业'"],
        access: .changes(roles: [.serviceAdvisor, .customerService]),
        interview: { args, context in
            guard args.option("answers") == nil else { return args }
            // An order that cannot be surveyed is not asked about: `run` refuses it with every reason.
            guard let plan = try? Plan(args, context, needAnswers: false) else { return args }
            guard let answers = try SurveyInterview.run(plan.template, ro: plan.order.number, comment: args.option("comment"),
                                                        ask: { try context.ask($0) }) else { return args }
            var answered = args
            answered.options["answers"] = answers.answersOption
            answered.options["comment"] = answers.comment
            return answered
        },
        run: { args, context in try record(Plan(args, context, needAnswers: true), context) })

    /// Everything `survey start` checks, before asking and again before recording.
    struct Plan {
        var settings: SurveySettings
        var template: SurveyTemplate
        var order: RepairOrder
        var customer: Customer
        var deliveredOn: CalendarDate
        var scores: [Int]
        var comment: String

        init(_ args: PluginArguments, _ context: any PluginContext, needAnswers: Bool) throws {
            let settings = try SurveySettings.parse(context.config)
            var p: [Problem] = []
            let ref = args.positional("ro") ?? ""
            let order = try context.repairOrder(number: ref)
            if order == nil { p.append(Problem("ro", Message("survey.no_such_ro", ["ro": .text(ref)]))) }
            let template = settings.template(args.option("template"), into: &p)
            var deliveredOn: CalendarDate?
            if let order {
                if let delivery = order.delivery {
                    let day = delivery.at.date(in: context.settings.utcOffset)
                    deliveredOn = day
                    let age = day.days(until: context.today)
                    if age < 1 {
                        // Asked at the counter the customer has not yet driven the car: the call comes the day after.
                        p.append(Problem("ro", Message("survey.delivered_today", ["ro": .text(order.number), "from": .date(day.adding(days: 1))])))
                    } else if age > settings.maxDays {
                        p.append(Problem("ro", Message("survey.too_late", ["ro": .text(order.number), "delivered": .date(day), "age": .int(age),
                                                                           "max": .int(settings.maxDays)])))
                    }
                } else {
                    p.append(Problem("ro", Message("survey.not_delivered", ["ro": .text(order.number), "status": .text(order.status.title)])))
                }
                if let done = try context.rows("SELECT surveyed_on, surveyed_by FROM plg_survey_response WHERE ro_id = ?", [.integer(order.id)]).first {
                    p.append(Problem("ro", Message("survey.already_taken", ["ro": .text(order.number), "on": .text(done.text("surveyed_on") ?? "?"),
                                                                        "by": .text(done.text("surveyed_by") ?? "?")])))
                }
            }
            let customer = try order.flatMap { try context.customer(id: $0.customerID) }
            if order != nil && customer == nil { p.append(Problem("ro", Message("survey.no_customer", ["ro": .text(ref)]))) }
            var scores: [Int] = []
            if needAnswers, let template {
                scores = Self.answers(args.option("answers"), template, into: &p)
            }
            try Refusal.check(Message("survey.cannot_record", ["ro": .text(order?.number ?? ref)]), p)
            guard let order, let customer, let template, let deliveredOn else {
                throw Refusal(Message("survey.cannot_record", ["ro": .text(ref)]))
            }
            self.settings = settings
            self.template = template
            self.order = order
            self.customer = customer
            self.deliveredOn = deliveredOn
            self.scores = scores
            self.comment = (args.option("comment") ?? "").trimmingWhitespace()
        }

        /// `5,4,5,5,9` against the scored questions: every wrong or missing answer is named.
        static func answers(_ text: String?, _ template: SurveyTemplate, into p: inout [Problem]) -> [Int] {
            let questions = template.scored
            func label(_ i: Int) -> String { "q\(i + 1) \(questions[i].text) (\(questions[i].scale))" }
            guard let text, !text.trimmingWhitespace().isEmpty else {
                p.append(Problem("answers", Message("survey.answers_needed", ["count": .int(questions.count), "template": .text(template.name),
                                                                              "questions": .list(questions.indices.map { .text(label($0)) })])))
                return []
            }
            let items = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "," || $0 == "，" }).map { String($0).trimmingWhitespace() }
            var scores: [Int] = []
            for (i, item) in items.enumerated() where i < questions.count {
                let q = questions[i]
                if let n = Int(item), (q.low...q.high).contains(n) {
                    scores.append(n)
                } else {
                    p.append(Problem("q\(i + 1)", Message("survey.bad_answer", ["given": .text(item), "question": .text(q.text),
                                                                               "low": .int(q.low), "high": .int(q.high)])))
                }
            }
            if items.count < questions.count {
                p.append(Problem("answers", Message("survey.answers_missing", ["given": .int(items.count), "count": .int(questions.count),
                                                                               "missing": .list((items.count..<questions.count).map { .text(label($0)) })])))
            } else if items.count > questions.count {
                p.append(Problem("answers", Message("survey.answers_extra", ["given": .int(items.count), "count": .int(questions.count),
                                                                             "template": .text(template.name),
                                                                             "questions": .list(questions.indices.map { .text(label($0)) })])))
            }
            return scores
        }
    }

    static func record(_ plan: Plan, _ context: any PluginContext) throws -> CommandOutput {
        let o = plan.order
        let scored = plan.template.scored
        let csiAnswers = zip(scored, plan.scores).filter { $0.0.kind == .csi }
        let csi = SurveyScore.csi(csiAnswers.map { SurveyScore.Answer($0.1, low: $0.0.low, high: $0.0.high) }) ?? 0
        let nps = zip(scored, plan.scores).first { $0.0.kind == .nps }?.1
        let late = max(0, plan.deliveredOn.days(until: context.today) - SurveySettings.onTimeDays)
        try context.execute("""
            INSERT INTO plg_survey_response (ro_id, ro_number, customer_id, vehicle_id, advisor, team, template, delivered_on, surveyed_on,
                                         surveyed_at, surveyed_by, late_days, csi_tenths, nps_answer, comment)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.integer(o.id), .text(o.number), .integer(o.customerID), .integer(o.vehicleID), .text(o.advisor), SQLValue(o.team),
                  .text(plan.template.name), .text(plan.deliveredOn.description), .text(context.today.description),
                  .integer(context.now.secondsSince1970), .text(context.user), SQLValue(late), SQLValue(csi), SQLValue(nps), .text(plan.comment)])
        let id = context.lastInsertedRowID
        for (i, (q, value)) in zip(scored, plan.scores).enumerated() {
            try context.execute("INSERT INTO plg_survey_answer (response_id, position, question, kind, low, high, value) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                [.integer(id), SQLValue(i + 1), .text(q.text), .text(q.kind.rawValue), SQLValue(q.low), SQLValue(q.high), SQLValue(value)])
        }
        let recorded = Message("survey.recorded", ["ro": .text(o.number), "name": .text(plan.customer.name),
                                                   "customer": .text(plan.customer.code), "csi": .text(SurveyScore.text(csi))])
        var lines = [recorded.description + (nps.map {
            Message("survey.recorded_nps", ["answer": .int($0), "group": .text(Message(MessageCode("survey.nps_group." + SurveyScore.group($0).rawValue)).description)]).description
        } ?? "")]
        if late > 0 {
            lines.append(Message("survey.recorded_late", ["delivered": .date(plan.deliveredOn), "days": .int(SurveySettings.onTimeDays),
                                                          "due": .date(plan.deliveredOn.adding(days: SurveySettings.onTimeDays))]).description)
        }
        // R6.2: a customer unhappy enough is a complaint, handled like any other.
        let bottom = csiAnswers.filter { $0.1 == $0.0.low }
        let belowThreshold = csi < plan.settings.complaintBelow * 10
        if !bottom.isEmpty || belowThreshold {
            var why = bottom.map { Message("survey.complaint.low_answer", ["question": .text($0.0.text), "answer": .int($0.1), "scale": .text($0.0.scale)]) }
            if belowThreshold {
                why.append(Message("survey.complaint.low_csi", ["csi": .text(SurveyScore.text(csi)), "below": .int(plan.settings.complaintBelow)]))
            }
            if !plan.comment.isEmpty { why.append(Message("survey.complaint.comment", ["comment": .text(plan.comment)])) }
            // The complaint is the store's record, kept in the store's language like its other files.
            let store = MessageCatalog.of(context.settings.language)
            let text = store.render(Message("survey.complaint.text", ["ro": .text(o.number),
                                                                       "why": .text(why.map(store.render).joined(separator: store.render(Message("survey.complaint.separator"))))]))
            // One unhappy visit, one complaint: the quality call may already have opened it (`followup record --score 1`).
            let (complaint, alreadyOpen) = try context.openComplaint(customerCode: plan.customer.code, orderNumber: o.number, text: text)
            // Kept as the complaint's number, so each reader reads the sentence in their own language (SurveyComplaint).
            try context.execute("UPDATE plg_survey_response SET complaint = ?, complaint_id = ?, complaint_was_open = ? WHERE id = ?",
                                [.text(String(complaint.id)), .integer(complaint.id), .integer(alreadyOpen ? 1 : 0), .integer(id)])
            let opened = SurveyComplaint.message(id: complaint.id, wasOpen: alreadyOpen, ro: o.number, customer: plan.customer)
            lines.append(Message("survey.investigate", ["complaint": .message(opened)]).description)
        }
        return .message(lines.joined(separator: "\n"), nil)
    }

    // MARK: survey show

    static let show = PluginCommand(
        noun: "survey", verb: "show", summary: "One survey: the answers, CSI, NPS and any complaint it opened",
        positionals: [roPositional], examples: ["survey show RO-20261123-0001"], access: .lookup,
        run: { args, context in
            let ref = args.positional("ro") ?? ""
            guard let o = try context.repairOrder(number: ref) else {
                throw Refusal(Message("survey.ro_not_found"), problems: [Problem("ro", Message("survey.no_such_ro", ["ro": .text(ref)]))])
            }
            guard let s = try context.rows("SELECT * FROM plg_survey_response WHERE ro_id = ?", [.integer(o.id)]).first, let id = s.int("id") else {
                throw Refusal(Message("survey.none_for", ["ro": .text(o.number)]), problems: [Problem("ro", Message("survey.none_taken", ["ro": .text(o.number)]))])
            }
            let customer = try context.customer(id: o.customerID)
            var r = Record()
            r.add("ro", "repair order", .text(o.number))
            r.add("plate", "plate", .text(try context.vehicle(id: o.vehicleID)?.plate.value ?? "?"))
            r.add("customer", "customer", .text(customer.map { "\($0.name) \($0.code)" } ?? "?"))
            r.add("advisor", "advisor", .text(s.text("advisor") ?? ""))
            r.add("team", "team", .optional(s.text("team")))
            r.add("delivered_on", "delivered", .optional(s.text("delivered_on")))
            r.add("surveyed_at", "surveyed", s.int("surveyed_at").map { .time(Timestamp(secondsSince1970: $0)) } ?? .none)
            r.add("surveyed_by", "by", .text(s.text("surveyed_by") ?? ""))
            r.add("late_days", "days late", .int(Int(s.int("late_days") ?? 0)))
            r.add("template", "template", .text(s.text("template") ?? ""))
            r.add("csi", "CSI (0-100)", SurveyScore.value(s.int("csi_tenths").map { Int($0) }))
            r.add("nps_answer", "recommend (0-10)", s.int("nps_answer").map { .text("\($0) (\(SurveyScore.group(Int($0)).rawValue))") } ?? .none)
            r.add("comment", "comment", .text(s.text("comment") ?? ""))
            r.add("complaint", "complaint", .optional(SurveyComplaint.text(s, customer: customer)))
            var t = Table(columns: [Column("q", "q"), Column("question", "question"), Column("kind", "type", words: "survey.question_kind"), Column("scale", "scale"),
                                    Column("answer", "answer")])
            for a in try context.rows("SELECT * FROM plg_survey_answer WHERE response_id = ? ORDER BY position", [.integer(id)]) {
                t.rows.append([.text("q\(a.int("position") ?? 0)"), .text(a.text("question") ?? ""), .text(a.text("kind") ?? ""),
                               .text("\(a.int("low") ?? 0)-\(a.int("high") ?? 0)"), .int(Int(a.int("value") ?? 0))])
            }
            r.add(section: "answers", "answers", t)
            return .record(r)
        })

    // MARK: survey report (R6.5)

    enum Grouping: String, CaseIterable {
        case advisor, team, month
    }

    static let report = PluginCommand(
        noun: "survey", verb: "report", summary: "Satisfaction by advisor, team or month: surveys, CSI, NPS, and the lowest-scoring questions",
        discussion: """
            CSI (0-100): each survey's CSI answers scaled to 0-100 and averaged; a group's CSI is the mean of its surveys' CSI. \
            NPS (-100…100): % promoters (9-10) minus % detractors (0-6) of the recommend answers. Surveys count in the period \
            by the day they were taken. The questions are listed lowest score first: what to improve.
            """,
        options: [OptionSpec("by", value: "GROUP", "advisor (default), team or month", completion: .choices(Grouping.allCases.map(\.rawValue))),
                  OptionSpec("from", value: "DATE", "First day (default: 89 days before --to)"),
                  OptionSpec("to", value: "DATE", "Last day (default: today)")],
        examples: ["survey report", "survey report --by team --from 2026-11-01 --to 2026-11-30", "survey report --by month"],
        access: .lookup,
        run: { args, context in
            var p: [Problem] = []
            let byText = args.option("by") ?? Grouping.advisor.rawValue
            let by = Grouping(rawValue: byText)
            if by == nil { p.append(Problem("by", Message("survey.bad_grouping", ["given": .text(byText)]))) }
            let last = args.date("to", into: &p) ?? context.today
            let first = args.date("from", into: &p) ?? last.adding(days: -89)
            if first > last { p.append(Problem("from", Message("survey.from_after_to", ["from": .date(first), "to": .date(last)]))) }
            try Refusal.check(Message("survey.cannot_report"), p)
            let period: [SQLValue] = [.text(first.description), .text(last.description)]
            let surveys = try context.rows("""
                SELECT advisor, team, surveyed_on, csi_tenths, nps_answer, late_days, complaint FROM plg_survey_response
                WHERE surveyed_on BETWEEN ? AND ? ORDER BY surveyed_on, id
                """, period)
            func key(_ s: SQLRow) -> String {
                switch by ?? .advisor {
                case .advisor: return s.text("advisor") ?? "?"
                case .team: return s.text("team") ?? Message("survey.no_team").description
                case .month: return String((s.text("surveyed_on") ?? "?").prefix(7))
                }
            }
            var r = Record()
            r.add("period", "period", .text("\(first) … \(last)"))
            let all = Summary(surveys)
            r.add("surveys", "surveys", .int(all.count))
            r.add("csi", "CSI (0-100)", SurveyScore.value(all.csi))
            r.add("nps", "NPS (-100…100)", SurveyScore.value(all.nps))
            var t = Table(columns: [Column((by ?? .advisor).rawValue, (by ?? .advisor).rawValue), Column("surveys", "surveys"), Column("csi", "CSI"),
                                    Column("nps", "NPS"), Column("promoters", "promoters"), Column("passives", "passives"),
                                    Column("detractors", "detractors"), Column("late", "late"), Column("complaints", "complaints")],
                          emptyText: Message("survey.empty.surveys_in_period").description)
            for name in Set(surveys.map(key)).sorted() {
                let g = Summary(surveys.filter { key($0) == name })
                t.rows.append([.text(name), .int(g.count), SurveyScore.value(g.csi), SurveyScore.value(g.nps), .int(g.promoters), .int(g.passives),
                               .int(g.detractors), .int(g.late), .int(g.complaints)])
            }
            r.add(section: "groups", "by \((by ?? .advisor).rawValue)", t)
            r.add(section: "questions", "questions, lowest score first", try questionScores(period, context))
            return .record(r)
        })

    /// Counts and scores of a set of surveys.
    struct Summary {
        var count = 0, promoters = 0, passives = 0, detractors = 0, late = 0, complaints = 0
        var csi: Int?
        var nps: Int?

        init(_ rows: [SQLRow]) {
            count = rows.count
            csi = SurveyScore.mean(rows.compactMap { $0.int("csi_tenths").map { Int($0) } })
            let answers = rows.compactMap { $0.int("nps_answer").map { Int($0) } }
            nps = SurveyScore.nps(answers)
            promoters = answers.filter { SurveyScore.group($0) == .promoter }.count
            passives = answers.filter { SurveyScore.group($0) == .passive }.count
            detractors = answers.filter { SurveyScore.group($0) == .detractor }.count
            late = rows.filter { ($0.int("late_days") ?? 0) > 0 }.count
            complaints = rows.filter { $0.text("complaint") != nil }.count
        }
    }

    /// Each CSI question's average answer and its score on 0-100, lowest first.
    static func questionScores(_ period: [SQLValue], _ context: any PluginContext) throws -> Table {
        let rows = try context.rows("""
            SELECT a.question, a.low, a.high, COUNT(*) AS answers, SUM(a.value) AS total FROM plg_survey_answer a
            JOIN plg_survey_response r ON r.id = a.response_id
            WHERE a.kind = 'csi' AND r.surveyed_on BETWEEN ? AND ?
            GROUP BY a.question, a.low, a.high
            """, period)
        var scored: [(score: Int, average: Int, row: SQLRow)] = []
        for row in rows {
            guard let n = row.int("answers"), let total = row.int("total"), let low = row.int("low"), let high = row.int("high"), n > 0, high > low else { continue }
            let score = SurveyScore.divide(Int(1000 * (total - low * n)), Int((high - low) * n))
            scored.append((score, SurveyScore.divide(Int(100 * total), Int(n)), row))
        }
        var t = Table(columns: [Column("question", "question"), Column("scale", "scale"), Column("answers", "answers"), Column("average", "average"),
                                Column("score", "score (0-100)")], emptyText: Message("survey.empty.answers_in_period").description)
        for q in scored.sorted(by: { ($0.score, $0.row.text("question") ?? "") < ($1.score, $1.row.text("question") ?? "") }) {
            t.rows.append([.text(q.row.text("question") ?? ""), .text("\(q.row.int("low") ?? 0)-\(q.row.int("high") ?? 0)"),
                           .int(Int(q.row.int("answers") ?? 0)), .text(SurveyScore.text(hundredths: q.average)),
                           .text(SurveyScore.text(q.score))])
        }
        return t
    }

    // MARK: survey questions

    static let questions = PluginCommand(
        noun: "survey", verb: "questions", summary: "The survey templates of the store settings, numbered as --answers takes them",
        options: [OptionSpec("template", value: "NAME", "Only this template")],
        examples: ["survey questions", "survey questions --template quick"],
        access: .lookup,
        run: { args, context in
            let settings = try SurveySettings.parse(context.config)
            var p: [Problem] = []
            var shown = settings.templates.keys.sorted().compactMap { settings.templates[$0] }
            if let name = args.option("template") { shown = settings.template(name, into: &p).map { [$0] } ?? [] }
            try Refusal.check(Message("survey.cannot_show_questions"), p)
            var t = Table(columns: [Column("template", "template"), Column("q", "answer"), Column("question", "question"), Column("kind", "type", words: "survey.question_kind"),
                                    Column("scale", "scale")])
            for template in shown {
                let name = template.name == settings.defaultTemplate ? Message("survey.default_template", ["name": .text(template.name)]).description : template.name
                var n = 0
                for q in template.questions {
                    if q.isScored { n += 1 }
                    t.rows.append([.text(name), .text(q.isScored ? "q\(n)" : "--comment"), .text(q.text), .text(q.kind.rawValue),
                                   .text(q.isScored ? q.scale : "")])
                }
            }
            return .table(t)
        })
}
