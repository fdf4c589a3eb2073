import Testing
@testable import LaneCore

/// A dealer group's figures over its stores (`report kpi --stores`).
@Suite struct KPIGroupTotalTests {
    @Test func totalsAddUpRatesWeighByVolumeAndAMedianHasNoGroupFigure() {
        let szns = [KPIFigure(.ordersOpened, 30), KPIFigure(.laborRevenue, 1_000_000), KPIFigure(.onTimeDelivery, 9, over: 10),
                    KPIFigure(.waitMedian, 40)]
        let szft = [KPIFigure(.ordersOpened, 10), KPIFigure(.laborRevenue, 500_000), KPIFigure(.onTimeDelivery, 45, over: 90),
                    KPIFigure(.waitMedian, 20)]
        let total = KPIGroupTotal.total([szns, szft])
        #expect(total.map(\.id) == [.ordersOpened, .laborRevenue, .onTimeDelivery])
        #expect(total[0].value == 40 && total[1].value == 1_500_000)
        // 54 of 100 on time: 54 %, not the average of 90 % and 50 %.
        #expect(total[2].value == 5_400)
        #expect(KPIGroupTotal.total([]).isEmpty)
    }

    @Test func everyFigureCountedOverOneIsATotal() {
        // The totals are the figures KPIDefinitions counts over 1; a rate among them would be summed wrongly.
        for id in KPIGroupTotal.totals { #expect([.count, .money, .hours].contains(id.unit), "\(id)") }
    }
}
