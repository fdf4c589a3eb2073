// Reports, second part: the waiting customers' figures, the check-in's mark
// for them, and the plugins' sections of `report kpi` (docs/kpis.md).
extension MessageCatalog {
    static let englishKPIMore: KeyValuePairs<MessageCode, String> = [
        "word.kpi.waiting_customers": "customers who waited",
        "word.kpi.wait_median": "  median wait",
        "word.kpi.wait_average": "  average wait",
        "word.kpi.waited_too_long": "  waited too long",
        "report.plugin_failed": "the plugin {plugin} could not give its figures: {error}",
        "help.option.ro.check-in.waits": "The customer waits at the store for the car (their wait is a KPI)",
    ]
}
