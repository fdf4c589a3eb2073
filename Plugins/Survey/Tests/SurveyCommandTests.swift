import LanePlugin
import LaneShell
import LaneTesting
import Testing
@testable import SurveyPlugin

/// `survey …` in the demo dealership: cars delivered on Monday 2026-11-23,
/// surveyed in the quality call the days after (R6.1), reported (R6.5), low
/// scores turned into complaints (R6.2).
@Suite struct SurveyCommandTests {
    /// One car's visit up to delivery: opened by `advisor`, worked by `team`.
    struct Visit {
        var plate: String, owner: String, km: Int, advisor: String, team: String, leader: String, tech: String

        var lines: [String] {
            ["set user \(advisor)", "ro open \(plate)", "ro complaint --text 常规保养", "ro check-in --mileage \(km) --fuel 5 --covers",
             "ro warranty not_covered", "ro documents", "ro labor MNT-5K", "ro promise",
             "ro sign --payment wechat --old-parts take --wash no --signed-by \(owner)", "ro handover",
             "set user 何子涵", "ro dispatch --team \(team)",
             "set user \(tech)", "ro clock-on 1 --tech \(tech)", "ro clock-off 1 --finished", "ro check self --pass",
             "set user \(leader)", "ro check leader --pass --note 正常", "set user 赵子涵", "ro check final --pass",
             "set user \(advisor)", "ro delivery-check", "ro notify --at 15:00",
             "ro deliver --next-date 2027-05-23 --next-km \(km + 5000) --call-time 工作日下午"]
        }
    }

    /// RO-20261123-0001, -0002, -0003 in that order.
    static let visits = [
        Visit(plate: "粤B27DP2", owner: "卢文博", km: 19100, advisor: "薛淑芬", team: "机电一组", leader: "程国栋", tech: "夏勇"),
        Visit(plate: "粤B82396", owner: "曾玉兰", km: 60000, advisor: "顾静", team: "机电二组", leader: "江静", tech: "叶丽华"),
        Visit(plate: "粤BJ0Q65", owner: "田晨", km: 60000, advisor: "薛淑芬", team: "机电二组", leader: "江静", tech: "白健"),
    ]
    static let ro1 = "RO-20261123-0001", ro2 = "RO-20261123-0002", ro3 = "RO-20261123-0003"

    /// The first line of a table or record holding every one of `words`.
    static func line(_ text: String, _ words: String...) -> String? {
        text.split(separator: "\n").map(String.init).first { line in words.allSatisfy { line.contains($0) } }
    }

    /// One titled section of a record: from its title to the blank line after it.
    static func section(_ text: String, _ title: String) -> String {
        guard let start = text.range(of: title + "\n") else { return "" }
        let rest = text[start.upperBound...]
        return String(rest.range(of: "\n\n").map { rest[..<$0.lowerBound] } ?? rest)
    }

    /// The demo dealership with the survey plugin and `count` cars delivered
    /// today; customer service (蒋芳) at the keyboard, on the next day.
    func delivered(_ count: Int = 1, plugin: SurveyPlugin = SurveyPlugin()) throws -> TestShell {
        let shell = try TestShell(seeded: true, plugins: [plugin])
        #expect(shell.pluginMessages.isEmpty)
        for visit in Self.visits.prefix(count) {
            for line in visit.lines { try shell.expectOK(line) }
        }
        try shell.expectOK("set user 蒋芳")
        try shell.expectOK("clock set 2026-11-24T10:00")
        return shell
    }

    // MARK: survey start

    @Test func R6_1_aSurveyByFlagsIsRecordedWithItsCSIAndNPS() throws {
        let shell = try delivered()
        let out = try shell.expectOK("survey start \(Self.ro1) --answers 5,4,5,3,9 --comment '师傅很专业，就是等得有点久'")
        // (100 + 75 + 100 + 50) / 4 = 81.25 → 81.3; 9 is a promoter.
        #expect(out == "survey of \(Self.ro1) recorded for 卢文博 C0002: CSI 81.3, recommend 9/10 (promoter)\n")
        let show = try shell.expectOK("survey show \(Self.ro1)")
        for text in ["粤B27DP2", "卢文博 C0002", "薛淑芬", "机电一组", "2026-11-23", "蒋芳", "standard", "81.3", "9 (promoter)",
                     "师傅很专业，就是等得有点久"] {
            #expect(show.contains(text), "\(text) in \(show)")
        }
        #expect(Self.line(show, "q4", "费用透明", "csi", "1-5")?.hasSuffix(" 3") == true)
        #expect(Self.line(show, "q5", "您向亲友推荐本店的可能性", "nps", "0-10")?.hasSuffix(" 9") == true)
        // No complaint: no answer at the bottom of its scale, and 81.3 is above 60.
        #expect(try shell.expectOK("complaint list").contains("no open complaints"))
        // The audit keeps the command and its answer.
        shell.session.user = "姚雪"
        #expect(try shell.expectOK("audit show").contains("survey start \(Self.ro1)"))
    }

    @Test func R6_1_anotherTemplateIsChosenByName() throws {
        let shell = try delivered()
        #expect(try shell.expectOK("survey start \(Self.ro1) --template quick --answers 4,10").contains("CSI 75.0, recommend 10/10 (promoter)"))
        #expect(try shell.expectOK("survey show \(Self.ro1)").contains("quick"))
    }

    @Test func R6_2_anAnswerAtTheBottomOfItsScaleOpensAComplaint() throws {
        let shell = try delivered()
        let out = try shell.expectOK("survey start \(Self.ro1) --answers 5,1,4,5,6 --comment 异响没修好")
        // (100 + 0 + 75 + 100) / 4 = 68.75 → 68.8: above 60, but 维修质量 got 1 of 1-5.
        #expect(out.contains("CSI 68.8, recommend 6/10 (detractor)"))
        #expect(out.contains("complaint 1 opened for 卢文博 C0002: investigate and resolve it"))
        let complaints = try shell.expectOK("complaint list")
        #expect(complaints.contains("满意度调查低分（\(Self.ro1)）：维修质量 1（1-5）；客户意见：异响没修好"))
        #expect(complaints.contains(Self.ro1))
        #expect(try shell.expectOK("survey show \(Self.ro1)").contains("complaint 1 opened for 卢文博 C0002"))
        // It is handled like any complaint (R6.2).
        try shell.expectOK("complaint investigate 1 --finding 底盘异响未复现，未路试")
        try shell.expectOK("complaint resolve 1 --action 预约复检，技师路试确认")
    }

    @Test func theComplaintASurveyOpenedIsReadInTheReadersLanguage() throws {
        let shell = try delivered()
        try shell.expectOK("survey start \(Self.ro1) --answers 5,1,4,5,6 --comment 异响没修好")
        // Kept as the complaint's number: the English writer's survey reads in Chinese for a Chinese reader.
        shell.session.languageChoice = .chinese
        let show = try shell.expectOK("survey show \(Self.ro1)")
        #expect(show.contains("已为 卢文博 C0002 登记投诉 1"), "\(show)")
        #expect(!show.contains("opened for"), "\(show)")
        shell.session.languageChoice = .english
        #expect(try shell.expectOK("survey show \(Self.ro1)").contains("complaint 1 opened for 卢文博 C0002"))
        // The complaint itself is the store's record, in the store's language (the demo store's is Chinese).
        #expect(try shell.expectOK("complaint list").contains("满意度调查低分（\(Self.ro1)）：维修质量 1（1-5）；客户意见：异响没修好"))
    }

    @Test func aSurveyStoredBeforeComplaintNumbersShowsItsSentenceAsWritten() throws {
        let shell = try delivered()
        try shell.expectOK("survey start \(Self.ro1) --answers 5,1,4,5,6")
        // A row of the plugin's first version: the sentence, no number.
        try shell.store.unsafeExecute("UPDATE plg_survey_response SET complaint = 'complaint 1 opened for 卢文博 C0002', complaint_id = NULL")
        shell.session.languageChoice = .chinese
        #expect(try shell.expectOK("survey show \(Self.ro1)").contains("complaint 1 opened for 卢文博 C0002"))
        // …and still counts as a complaint in the report.
        shell.session.languageChoice = .english
        try shell.expectOK("set format csv")
        let report = try shell.expectOK("survey report")
        #expect(report.contains("薛淑芬,1,"), "\(report)")
        #expect(Self.line(report, "薛淑芬,1,")?.hasSuffix(",1") == true, "\(report)")
    }

    @Test func R6_2_aComplaintAlreadyOpenFromTheCallIsNotOpenedTwice() throws {
        let shell = try delivered()
        try shell.expectOK("followup record \(Self.ro1) quality --score 1 --comment 异响没修好")
        let out = try shell.expectOK("survey start \(Self.ro1) --answers 5,1,4,5,6")
        #expect(out.contains("complaint 1 is already open for \(Self.ro1)"))
        #expect(try shell.store.read { try $0.complaints(statuses: Complaint.Status.allCases) }.count == 1)
    }

    @Test func R6_2_aCSIBelowTheThresholdOpensAComplaint() throws {
        let shell = try delivered()
        // 2,3,2,3 → 25, 50, 25, 50 → 37.5: below complaint_below = 60, though no answer is at the bottom.
        let out = try shell.expectOK("survey start \(Self.ro1) --answers 2,3,2,3,7")
        #expect(out.contains("CSI 37.5, recommend 7/10 (passive)"))
        #expect(out.contains("complaint 1 opened"))
        #expect(try shell.expectOK("complaint list").contains("满意度调查低分（\(Self.ro1)）：CSI 37.5，低于 60"))
    }

    @Test func R6_1_aLateSurveyIsRecordedAndMarked() throws {
        let shell = try delivered()
        try shell.expectOK("clock set 2026-11-28T10:00")
        let out = try shell.expectOK("survey start \(Self.ro1) --answers 5,5,5,5,10")
        #expect(out.contains("CSI 100.0"))
        #expect(out.contains("late: delivered 2026-11-23; the survey is due within 3 days (by 2026-11-26)"))
        #expect(Self.line(try shell.expectOK("survey show \(Self.ro1)"), "days late")?.hasSuffix(" 2") == true)
    }

    // MARK: Refusals, each leaving the database as it was

    @Test func X6_onlyAdvisorsCustomerServiceAndManagersTakeTheSurvey() throws {
        let shell = try delivered()
        shell.session.user = "夏勇"
        let err = try shell.expectRefused("survey start \(Self.ro1) --answers 5,5,5,5,10")
        #expect(err.contains("夏勇 (维修技师) may not run survey start"))
        #expect(err.contains("服务顾问 service_advisor, 客服专员 customer_service, 服务经理 service_manager, 管理员 admin"))
        shell.session.user = "莫霞"
        #expect(try shell.expectRefused("survey start \(Self.ro1) --answers 5,5,5,5,10").contains("may not run survey start"))
        // The advisor and the service manager may.
        shell.session.user = "姚雪"
        try shell.expectOK("survey start \(Self.ro1) --answers 5,5,5,5,10")
    }

    @Test func R6_1_anOrderNotYetDeliveredIsRefused() throws {
        let shell = try TestShell(seeded: true, plugins: [SurveyPlugin()])
        try shell.expectOK("ro open 粤B27DP2")
        let err = try shell.expectRefused("survey start \(Self.ro1) --answers 5,5,5,5,10")
        #expect(err.contains("\(Self.ro1) has not been delivered yet (at reception); the survey follows delivery"))
        #expect(try shell.expectRefused("survey start RO-20261123-0099 --answers 5,5,5,5,10").contains("there is no repair order RO-20261123-0099"))
    }

    @Test func R6_1_notOnTheDayOfDeliveryNorAfterMaxDays() throws {
        let shell = try delivered()
        try shell.expectOK("clock set 2026-11-23T18:00")
        #expect(try shell.expectRefused("survey start \(Self.ro1) --answers 5,5,5,5,10")
            .contains("was delivered today; the survey is taken in the quality call from 2026-11-24"))
        try shell.expectOK("clock set 2026-12-08T10:00")
        #expect(try shell.expectRefused("survey start \(Self.ro1) --answers 5,5,5,5,10")
            .contains("was delivered on 2026-11-23, 15 days ago; surveys are taken up to 14 days after delivery (max_days)"))
    }

    @Test func R6_1_oneSurveyPerRepairOrder() throws {
        let shell = try delivered()
        try shell.expectOK("survey start \(Self.ro1) --answers 5,5,5,5,10")
        #expect(try shell.expectRefused("survey start \(Self.ro1) --answers 4,4,4,4,8")
            .contains("\(Self.ro1) was already surveyed on 2026-11-24 by 蒋芳; `survey show \(Self.ro1)` shows it"))
    }

    @Test func answersOffTheScaleAreNamedEveryOne() throws {
        let shell = try delivered()
        let err = try shell.expectRefused("survey start \(Self.ro1) --answers 5,7,x,0,11")
        #expect(err.contains("q2: '7' is not an answer to 维修质量: a whole number from 1 to 5"))
        #expect(err.contains("q3: 'x' is not an answer to 按时交车: a whole number from 1 to 5"))
        #expect(err.contains("q4: '0' is not an answer to 费用透明: a whole number from 1 to 5"))
        #expect(err.contains("q5: '11' is not an answer to 您向亲友推荐本店的可能性: a whole number from 0 to 10"))
        #expect(!err.contains("q1:"))
        #expect(try shell.expectRefused("survey start \(Self.ro1) --answers 5,4,5")
            .contains("3 answers for 5 questions; missing q4 费用透明 (1-5), q5 您向亲友推荐本店的可能性 (0-10)"))
        #expect(try shell.expectRefused("survey start \(Self.ro1) --answers 5,4,5,5,9,9").contains("6 answers for 5 questions"))
        #expect(try shell.expectRefused("survey start \(Self.ro1) --template short --answers 5").contains("there is no template 'short'; the templates are quick, standard"))
    }

    @Test func inAScriptTheMissingAnswersAreListedAsFlags() throws {
        let shell = try delivered()
        let err = try shell.expectRefused("survey start \(Self.ro1) --comment 很好")
        #expect(err.contains("give the 5 answers of the standard survey in order, --answers 'q1,q2,…': q1 接待服务 (1-5), q2 维修质量 (1-5), "
                             + "q3 按时交车 (1-5), q4 费用透明 (1-5), q5 您向亲友推荐本店的可能性 (0-10)"))
        // Every unmet condition at once: a day too early, and no answers.
        try shell.expectOK("clock set 2026-11-23T18:00")
        let both = try shell.expectRefused("survey start \(Self.ro1)")
        #expect(both.contains("delivered today") && both.contains("--answers"))
    }

    // MARK: The interactive survey (R6.1), through the shell's `ask`

    @Test func R6_1_atThePromptTheQuestionsAreAskedOneByOne() throws {
        let shell = try delivered()
        var typed = ["5", "9", "4", "5", "5", "10", "车洗得很干净", "y"]
        var prompts: [String] = []
        shell.session.ask = { prompt in
            prompts.append(prompt)
            return typed.isEmpty ? nil : typed.removeFirst()
        }
        let out = try shell.expectOK("survey start \(Self.ro1)")
        #expect(out.contains("CSI 93.8, recommend 10/10 (promoter)"))
        #expect(prompts.count == 8)
        #expect(prompts[2] == "'9' is not on the scale 1-5: q2/5 维修质量 (1-5): ")
        #expect(try shell.expectOK("survey show \(Self.ro1)").contains("车洗得很干净"))
        // Questions are not asked for an order that would be refused anyway.
        prompts = []
        #expect(try shell.expectRefused("survey start \(Self.ro1)").contains("already surveyed"))
        #expect(prompts.isEmpty)
    }

    @Test func atThePromptLeavingHalfWayRecordsNothing() throws {
        let shell = try delivered()
        var typed = ["5", "4"]
        shell.session.ask = { _ in typed.isEmpty ? nil : typed.removeFirst() }
        #expect(try shell.expectRefused("survey start \(Self.ro1)").contains("the questions were left before the end; nothing was stored"))
    }

    @Test func aCommandThatChangesDataMayNotAskInsideItsTransaction() throws {
        let shell = try TestShell(seeded: true, plugins: [Asker()])
        shell.session.ask = { _ in "yes" }
        #expect(try shell.expectRefused("asker change").contains("asks in its interview, before its transaction opens"))
        #expect(try shell.expectOK("asker look") == "yes\n")
    }

    // MARK: survey report (R6.5)

    /// Three surveys: two on Tuesday 2026-11-24, one late on 2026-12-02.
    func surveyed() throws -> TestShell {
        let shell = try delivered(3)
        try shell.expectOK("survey start \(Self.ro1) --answers 5,5,5,5,10")        // 薛淑芬, 机电一组: CSI 100, promoter
        try shell.expectOK("survey start \(Self.ro2) --answers 4,4,3,5,8")         // 顾静, 机电二组: 75, 75, 50, 100 → 75.0, passive
        try shell.expectOK("clock set 2026-12-02T10:00")
        try shell.expectOK("survey start \(Self.ro3) --answers 2,3,2,3,6")         // 薛淑芬, 机电二组: 37.5 → complaint, detractor, late
        try shell.expectOK("set format csv")
        return shell
    }

    @Test func R6_5_reportByAdvisor() throws {
        let shell = try surveyed()
        let out = try shell.expectOK("survey report")
        // All three: CSI (100 + 75 + 37.5) / 3 = 70.8; NPS (1 promoter − 1 detractor) / 3 = 0.
        #expect(out.contains("period,surveys,csi,nps\n2026-09-04 … 2026-12-02,3,70.8,0.0\n"))
        #expect(out.contains("advisor,surveys,csi,nps,promoters,passives,detractors,late,complaints\n"))
        #expect(out.contains("薛淑芬,2,68.8,0.0,1,0,1,1,1\n"))   // (100 + 37.5) / 2 = 68.75
        #expect(out.contains("顾静,1,75.0,0.0,0,1,0,0,0\n"))
        // The lowest-scoring questions first: what to improve (R6.5).
        #expect(out.contains("""
            question,scale,answers,average,score
            按时交车,1-5,3,3.33,58.3
            接待服务,1-5,3,3.67,66.7
            维修质量,1-5,3,4.00,75.0
            费用透明,1-5,3,4.33,83.3
            """))
    }

    @Test func R6_5_reportByTeamAndByMonth() throws {
        let shell = try surveyed()
        let teams = try shell.expectOK("survey report --by team")
        #expect(teams.contains("机电一组,1,100.0,100.0,1,0,0,0,0\n"))
        #expect(teams.contains("机电二组,2,56.3,-50.0,0,1,1,1,1\n"))  // (75 + 37.5) / 2 = 56.25; (0 − 1) / 2
        let months = try shell.expectOK("survey report --by month")
        #expect(months.contains("2026-11,2,87.5,50.0,1,1,0,0,0\n"))
        #expect(months.contains("2026-12,1,37.5,-100.0,0,0,1,1,1\n"))
        // A period: November only.
        let november = try shell.expectOK("survey report --by team --from 2026-11-01 --to 2026-11-30")
        #expect(november.contains("2026-11-01 … 2026-11-30,2,87.5,50.0\n"))
        #expect(november.contains("机电二组,1,75.0,0.0,0,1,0,0,0\n"))
        #expect(november.contains("按时交车,1-5,2,4.00,75.0\n"))
        let empty = try shell.expectOK("survey report --from 2026-01-01 --to 2026-01-31")
        #expect(empty.contains("2026-01-01 … 2026-01-31,0,,\n"))
    }

    @Test func reportRefusesBadInputAllAtOnce() throws {
        let shell = try surveyed()
        let err = try shell.expectRefused("survey report --by week --from 2026-12-31 --to 2026-02-30")
        #expect(err.contains("'week' is advisor, team or month"))
        #expect(err.contains("'2026-02-30' is not a date like 2026-11-23"))
        #expect(try shell.expectRefused("survey report --from 2026-12-31 --to 2026-12-01").contains("2026-12-31 is after 2026-12-01"))
        #expect(try shell.expectRefused("survey show \(Self.ro2)X").contains("there is no repair order"))
    }

    @Test func showRefusesAnOrderWithoutASurvey() throws {
        let shell = try delivered()
        #expect(try shell.expectRefused("survey show \(Self.ro1)").contains("no survey was taken for \(Self.ro1); `survey start \(Self.ro1)` takes it"))
    }

    // MARK: today and the questions

    @Test func R6_1_todayListsTheDeliveriesStillToSurveyForCustomerService() throws {
        let shell = try delivered(2)
        let title = "satisfaction surveys to take (survey start)"
        let today = Self.section(try shell.expectOK("today"), title)
        #expect(Self.line(today, Self.ro1, "粤B27DP2", "卢文博 C0002", "13363270655", "薛淑芬", "2026-11-23", "工作日下午", "2026-11-26") != nil, "\(today)")
        #expect(Self.line(today, Self.ro2, "粤B82396", "曾玉兰 C0014", "顾静") != nil)
        try shell.expectOK("survey start \(Self.ro1) --answers 5,5,5,5,10")
        let after = Self.section(try shell.expectOK("today"), title)
        #expect(!after.contains(Self.ro1) && after.contains(Self.ro2))
        // After the three days it has left the list (it is late; `survey start` still takes it, marked late).
        try shell.expectOK("clock set 2026-11-27T10:00")
        #expect(Self.section(try shell.expectOK("today"), title).contains("no surveys due"))
        // The workshop does not get the list.
        shell.session.user = "夏勇"
        #expect(!(try shell.expectOK("today")).contains("satisfaction surveys"))
    }

    /// A full page lists the oldest deliveries without a survey and says more are waiting; as those are
    /// taken the next ones show. Pages of 2 read a delivery at a time, so surveyed orders are skipped
    /// across reads (the real page is 50, read 200 at a time).
    @Test func R6_1_todayListsAPageOfTheOldestDeliveriesAndThenTheNext() throws {
        let shell = try delivered(3, plugin: SurveyPlugin(todayPage: 2, readBatch: 1))
        let title = "satisfaction surveys to take (survey start)"
        let more = "the 2 oldest deliveries without a survey; the next ones show as these are taken"
        let first = try shell.expectOK("today")
        let page = Self.section(first, title)
        #expect(page.contains(Self.ro1) && page.contains(Self.ro2) && !page.contains(Self.ro3), "\(page)")
        #expect(first.contains(more), "\(first)")
        try shell.expectOK("survey start \(Self.ro1) --answers 5,5,5,5,10")
        let second = try shell.expectOK("today")
        let next = Self.section(second, title)
        #expect(!next.contains(Self.ro1) && next.contains(Self.ro2) && next.contains(Self.ro3), "\(next)")
        #expect(second.contains(more))
        // The last one: a page that is not full says nothing of more.
        try shell.expectOK("survey start \(Self.ro2) --answers 5,5,5,5,10")
        let last = try shell.expectOK("today")
        #expect(Self.section(last, title).contains(Self.ro3) && !last.contains("oldest deliveries without a survey"), "\(last)")
    }

    @Test func questionsShowsTheTemplatesNumberedAsAnswersTakesThem() throws {
        let shell = try delivered()
        let out = try shell.expectOK("survey questions")
        #expect(out.contains("standard (default)  q1         接待服务"))
        #expect(out.contains("standard (default)  --comment  其他意见或建议"))
        #expect(out.contains("quick               q2         您向亲友推荐本店的可能性  nps   0-10"))
        #expect(!(try shell.expectOK("survey questions --template quick")).contains("standard"))
        #expect(try shell.expectRefused("survey questions --template x").contains("there is no template 'x'"))
        let help = try shell.expectOK("survey start --help")
        #expect(help.contains("--answers N,N,…") && help.contains("survey start RO-20261123-0001 --answers 5,4,5,5,9"))
    }

    @Test func brokenSettingsAreNamedWhenTheSurveyIsUsed() throws {
        let shell = try delivered()
        try shell.store.unsafeExecute("UPDATE setting SET value = '接待服务|csi|5-1' WHERE key = 'plugin.survey.questions_quick'")
        // A change of the settings: the shell reads them again (a customer's or an order's change
        // keeps what it read: docs/performance.md).
        try shell.expectOK("set user admin")
        try shell.expectOK("store set workshop.bays 8")
        try shell.expectOK("set user 蒋芳")
        let err = try shell.expectRefused("survey start \(Self.ro1) --answers 5,5,5,5,10")
        #expect(err.contains("the survey settings ([plugin.survey] in store.toml) are not usable"))
        #expect(err.contains("plugin.survey.questions_quick: question 1 '接待服务|csi|5-1': the scale 5-1 runs backwards"))
    }
}

/// A plugin that asks its question in the wrong place (inside a change) and the right one (a lookup).
struct Asker: LanePlugin {
    var manifest: PluginManifest { PluginManifest(name: "asker", version: "0", summary: "asks") }
    var commands: [PluginCommand] {
        [PluginCommand(noun: "asker", verb: "change", summary: "asks inside its transaction", access: .changes(roles: [.serviceAdvisor])) { _, context in
            .text(try context.ask("sure? ") ?? "")
        },
         PluginCommand(noun: "asker", verb: "look", summary: "asks in a lookup", access: .lookup) { _, context in
            .text(try context.ask("which? ") ?? "")
        }]
    }
}
