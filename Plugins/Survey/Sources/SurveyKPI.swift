import LanePlugin

/// The survey's figures for `report kpi` (R6.5): surveys taken, the survey
/// CSI (0-100) and the NPS (−100…100), by the day the survey was taken, as
/// `survey report` counts them. The core keeps no survey table; it asks here
/// (`LanePlugin.kpi`).
enum SurveyKPI {
    /// One survey as the report needs it.
    struct Response {
        var advisor: String
        var team: String?
        var day: CalendarDate
        var csiTenths: Int64
        var nps: Int64?
    }

    static func sections(_ request: KPIContributionRequest, _ context: any PluginContext) throws -> [KPIContribution] {
        // An index range on the day taken (plg_survey_response_surveyed_on).
        let rows = try context.rows("""
            SELECT advisor, team, surveyed_on, csi_tenths, nps_answer FROM plg_survey_response
            WHERE surveyed_on BETWEEN ? AND ? ORDER BY surveyed_on, id
            """, [.text(request.period.from.description), .text(request.period.to.description)])
        var responses = rows.compactMap { r -> Response? in
            guard let advisor = r.text("advisor"), let day = r.text("surveyed_on").flatMap(CalendarDate.init(parsing:)),
                  let csi = r.int("csi_tenths") else { return nil }
            return Response(advisor: advisor, team: r.text("team"), day: day, csiTenths: csi, nps: r.int("nps_answer"))
        }
        if let advisor = request.advisor { responses = responses.filter { $0.advisor == advisor } }
        let settings = try? SurveySettings.parse(context.config)
        func split(_ figure: ([Response]) -> (Int64, Int64)) -> [KPIContributedGroup] {
            guard let grouping = request.grouping else { return [] }
            func key(_ r: Response) -> String? { grouping == .team ? r.team : r.advisor }
            return Set(responses.compactMap(key)).sorted().map { name in
                let (n, d) = figure(responses.filter { key($0) == name })
                return KPIContributedGroup(name: name, numerator: n, over: d)
            }
        }
        func series(_ unit: KPIUnit, _ figure: ([Response]) -> (Int64, Int64)) -> [Int64?] {
            request.slices.map { slice in
                let (n, d) = figure(responses.filter { slice.contains($0.day) })
                return KPIFigure.value(n, over: d, unit)
            }
        }
        func make(_ key: String, _ unit: KPIUnit, target: Int?, _ figure: @escaping ([Response]) -> (Int64, Int64)) -> KPIContributedFigure {
            let (n, d) = figure(responses)
            return KPIContributedFigure(key: key, title: Message(MessageCode("survey.kpi." + key)).description, unit: unit,
                                        numerator: n, over: d, series: series(unit, figure), target: target.map(Int64.init), groups: split(figure))
        }
        return [KPIContribution(plugin: "survey", title: Message("survey.kpi.section").description, figures: [
            make("surveys", .count, target: nil, surveys),
            make("csi", .points, target: settings?.targetCSI, csi),
            make("nps", .points, target: settings?.targetNPS, nps),
        ])]
    }

    static func surveys(_ rs: [Response]) -> (Int64, Int64) { (Int64(rs.count), 1) }

    /// The mean of the surveys' CSI in tenths, as points: Σ tenths over 10 × surveys (`SurveyScore.mean`).
    static func csi(_ rs: [Response]) -> (Int64, Int64) { (rs.reduce(0) { $0 + $1.csiTenths }, 10 * Int64(rs.count)) }

    /// % promoters (9-10) − % detractors (0-6) of the recommend answers, as points: 100 × (P − D) over answers (`SurveyScore.nps`).
    static func nps(_ rs: [Response]) -> (Int64, Int64) {
        let answers = rs.compactMap(\.nps).map(Int.init)
        let promoters = answers.filter { SurveyScore.group($0) == .promoter }.count
        let detractors = answers.filter { SurveyScore.group($0) == .detractor }.count
        return (Int64(100 * (promoters - detractors)), Int64(answers.count))
    }
}
