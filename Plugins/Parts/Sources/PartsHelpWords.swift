import LanePlugin

/// The parts plugin's help in Chinese, under the codes `LanePlugin.helpWords`
/// gives its specs' English words (`parts.help.command.parts.find`, …).
enum PartsHelpWords {
    /// A back-order's state as people read it (JSON keeps the code).
    static let english: [MessageCode: String] = [
        "parts.word.backorder_status.ordered": "ordered", "parts.word.backorder_status.arrived": "arrived",
        "parts.word.backorder_status.overdue": "overdue",
    ]

    static let chinese: [MessageCode: String] = [
        "parts.word.backorder_status.ordered": "已订货", "parts.word.backorder_status.arrived": "已到货",
        "parts.word.backorder_status.overdue": "逾期未到",
        "parts.help.summary": "配件库存：按货位的库存、订货点、供应商到货、缺件订货及预计到货、库存台账",
        "parts.help.noun.parts": "配件库：库存、预留、到货、缺件订货、台账",
        "parts.help.command.parts.find": "按零件号、名称（中文亦可）或分组查找配件，并显示可用数量",
        "parts.help.option.parts.find.text": "零件号、名称的一部分或分组，如 刹车片、XH-450、brake",
        "parts.help.command.parts.stock": "按货位的库存：在库、预留、可用、在途、订货点",
        "parts.help.option.parts.stock.bin": "只看此货位，或以此开头的货位（如 C-02）",
        "parts.help.option.parts.stock.low": "只看低于订货点的配件",
        "parts.help.command.parts.reorder": "设置配件的订货点：低于此数时 `parts stock --low` 和 `today` 会提示",
        "parts.help.option.parts.reorder.part": "零件号，如 XH-45022-0011",
        "parts.help.option.parts.reorder.point": "可用数量少于 N 时提示缺货",
        "parts.help.command.parts.reservations": "为预约预留的配件：为谁、哪天、多少",
        "parts.help.option.parts.reservations.part": "只看此配件",
        "parts.help.command.parts.ledger": "某个配件的全部出入库记录，按时间先后，带结存",
        "parts.help.option.parts.ledger.part": "零件号，如 XH-45022-0011",
        "parts.help.command.parts.receive": "登记供应商到货：入库、记一笔台账、补足未到的缺件订货",
        "parts.help.option.parts.receive.part": "零件号，如 XH-45022-0011",
        "parts.help.option.parts.receive.qty": "到货数量",
        "parts.help.option.parts.receive.supplier": "送货的供应商",
        "parts.help.option.parts.receive.note": "供应商送货单号",
        "parts.help.command.parts.receipts": "供应商到货记录，及其补足的缺件订货",
        "parts.help.option.parts.receipts.part": "只看此配件",
        "parts.help.command.parts.order": "向供应商订购配件并登记预计到货，为某张维修委托书或某辆待修车辆",
        "parts.help.option.parts.order.part": "零件号，如 XH-45022-0011",
        "parts.help.option.parts.order.qty": "数量",
        "parts.help.option.parts.order.eta": "预计到货日期，YYYY-MM-DD（今天或以后）",
        "parts.help.option.parts.order.ro": "等这个配件的维修委托书",
        "parts.help.option.parts.order.vehicle": "等这个配件的车辆",
        "parts.help.option.parts.order.supplier": "向哪家供应商订购",
        "parts.help.command.parts.backorders": "向供应商订购的配件：已订、已到，超过预计到货日期的为逾期",
        "parts.help.option.parts.backorders.open": "只看尚未到货的",
    ]
}
