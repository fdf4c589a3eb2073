import LanePlugin

/// The parts plugin's help in Chinese, under the codes `LanePlugin.helpWords`
/// gives its specs' English words (`parts.help.command.parts.find`, …).
enum PartsHelpWords {
    /// A back-order's state as people read it (JSON keeps the code).
    static let english: [MessageCode: String] = [
        "parts.word.backorder_status.ordered": "ordered", "parts.word.backorder_status.arrived": "arrived",
        "parts.word.backorder_status.overdue": "overdue",
        // A stock movement's kind in the ledger (JSON keeps the code); the rows before the ledger kept them.
        "parts.word.movement.issue": "issue", "parts.word.movement.receipt": "receipt", "parts.word.movement.opening": "opening",
        "parts.ledger.unexplained": "stock the ledger does not explain",
        "parts.word.level.low": "low",
    ]

    static let chinese: [MessageCode: String] = [
        "parts.word.backorder_status.ordered": "已订货", "parts.word.backorder_status.arrived": "已到货",
        "parts.word.backorder_status.overdue": "逾期未到",
        "parts.word.movement.issue": "发料", "parts.word.movement.receipt": "到货入库", "parts.word.movement.opening": "期初",
        "parts.ledger.unexplained": "台账记录之前已有的库存",
        "parts.word.level.low": "低于订货点",
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
        // The discussions `help parts …` shows under each command.
        "parts.help.discussion.parts.find": "查找零件号中含有所输文字的配件（前几位或中间一段数字均可），以及名称或分组中含有它的配件。可用数量 = 在库数量减去预约已预留的数量；在途数量 = 尚未到货的缺件订货还将送到的数量。",
        "parts.help.discussion.parts.stock": "按货位排序，列出各货位的配件。--bin 可给完整货位或其开头（C-02 即整个货架）。--low 只列出可用库存低于订货点的配件（订货点用 `parts reorder` 设置，或取 store.toml 中分组的订货点）。",
        "parts.help.discussion.parts.reorder": "配件自己的订货点优先于其分组的订货点（store.toml [plugin.parts] 中的 `reorder_分组`），再其次是门店默认值（`reorder_default`）。设为 0 表示该配件从不报缺。",
        "parts.help.discussion.parts.reservations": "预留由 `appt prepare --reserve` 建立，客户到店、爽约或取消预约时释放。",
        "parts.help.discussion.parts.ledger": "即系统的库存台账：供应商到货（`parts receive`）、按维修委托书发料（`ro issue`，由技师签收），以及配件目录载入时的期初库存（`seed load`、`import`）。台账无法解释的库存（台账开始记录期初之前载入的数据库）显示在最前面的期初行中，所以最后的结存就是货架上的库存。",
        "parts.help.discussion.parts.receive": "给这次到货编号（GR-年月日-序号），库存台账的记录带有此编号。到货数量按先订先补的顺序补足该配件尚未到货的缺件订货；若某辆车等的配件因此全部到齐，其客户会出现在 `remind due` 中，通知回店。",
        "parts.help.discussion.parts.order": "预计到货日期就是服务顾问告诉客户的日期；`parts backorders` 和 `parts find` 都会显示。订货注明车辆时（--vehicle，或维修委托书上的车辆），配件全部到齐后会邀请该客户回店。",
    ]
}
