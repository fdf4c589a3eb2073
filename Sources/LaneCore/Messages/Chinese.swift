// The Simplified Chinese catalog: the same codes as the English one, in the
// words of a Chinese service department, one table per area beside the
// English table of that area. `MessageCatalogTests` fails when a code is in
// one catalog and not the other, or when a template's placeholders differ.
extension MessageCatalog {
    static let chineseTemplates: [MessageCode: String] = joined(chineseTables)

    /// Its areas' tables, in the order a code found in two keeps the first one's words.
    static let chineseTables: [KeyValuePairs<MessageCode, String>] = [
        chineseServer, chineseCore, chineseRepairOrders, chineseAppointments, chineseReminders, chineseCustomers, chineseFollowUp, chineseShell,
        chineseTrust, chineseIntegrity, chineseDocuments, chinesePlugins, chineseTerminal, chineseMileage, chineseWorkshop, chinesePerformance,
        chineseWords, chineseLanguage, chineseHelp, chineseEmpty, chineseOptionHelp, chineseMoreHelp,
        chineseCodeWords, chinesePayment, chineseReports, chineseDocumentSafety, chinesePluginChecks, chineseKPIMore, chineseVehicleHistory, chineseStoreFailures, chineseCustomerFile, chineseLayering, chineseSweep, chineseGroup, chineseSettings, chinesePartGroups, chineseGroupAdmin, chineseOpenCheck,
    ]

    static let chineseCore: KeyValuePairs<MessageCode, String> = [
        .text: "{text}",

        // Access: who may do what and signing in.
        "access.not_open_to_anyone": "{operation} 尚未对任何人开放",
        "access.no_entry": "权限表中没有这一项",
        "access.not_on_staff_list": "{user} 无权执行 `{operation}`",
        "access.sign_in_as_staff": "{user} 不在员工名单上；请以员工身份登录（`--user 姓名`、`set user 姓名`）",
        "access.role_may_not": "{user}（{role}）无权执行 `{operation}`",
        "access.needs_one_of": "需要以下岗位之一：{roles}",
        "sign_in.refused": "无法登录",
        "sign_in.wrong_pin": "{user} 的 PIN 码不对（已错 {failures} 次，最多 {max} 次）",
        "sign_in.not_on_staff_list": "{user} 不在员工名单上；`staff list` 可查看员工",
        "sign_in.pin_needed": "{user} 设有 PIN 码：请在终端输入，脚本可通过 LANE_PIN 或 LANE_PIN_FILE 提供",
        "sign_in.only_managers_set_pins": "只有管理员或服务经理能为他人设置 PIN 码",
        "sign_in.cannot_set_pin": "无法设置 PIN 码",
        "sign_in.new_pin_needed": "请在终端输入，脚本可通过 LANE_NEW_PIN 提供",
        "sign_in.pins_differ": "两次输入的 PIN 码不一致",
        "sign_in.pin_set": "已为 {user} 设置 PIN 码",
        "sign_in.pin_set_answer": "已为 {user} 设置 PIN 码，今后登录需输入",
        "sign_in.pin_prompt": "{user} 的 PIN 码：",
        "sign_in.new_pin_prompt": "{user} 的新 PIN 码：",
        "sign_in.pin_again_prompt": "再输一次：",
        "sign_in.pin_recovered": "门店所有者已在本机为 {user} 重设 PIN 码（找回）；审计记录会保留此操作",
        "sign_in.recovery_needs_key": "只有能读取数据库旁密钥文件的门店所有者才能找回 PIN 码",
        "sign_in.wait": "{user} 的 PIN 码错误次数过多：{until} 之后才能再试；管理员或服务经理可用 `staff pin {user}` 设置新 PIN 码",

        // Stock.
        "stock.below_zero": "库存不能低于零",
        "stock.not_enough": "库存 {on_hand}，需要 {asked}",
        "stock.no_such_part": "没有备件 {part}",

        "input.not_one_of": "“{given}”不是可选值之一：{choices}",
        "input.not_yuan": "“{given}”不是以元为单位的金额，例如 1280.50",
        "input.not_a_line": "“{given}”不是行号；`ro show` 会列出各行",
        "input.not_eighths": "“{given}”不是八分之几的数值（0-8）",
        "input.not_hours": "“{given}”不是工时，例如 1.2",
        "input.not_quantity": "“{given}”不是 1 到 999 之间的数量",
        "input.not_a_number": "“{given}”不是数字",
        "input.not_a_payer": "“{given}”应为 customer（客户付费）、warranty（索赔）、free（免费）或 insurer（保险公司）",
        "input.not_a_stage": "“{given}”应为 self（自检）、leader（互检）或 final（终检）",
        "input.pass_or_fail": "请注明 --pass（合格）或 --fail（不合格）",
        "input.take_or_leave": "take（带走）或 leave（留店）",
        "input.yes_or_no": "是或否（yes/no）",
        "input.amount_or_percent": "请给出 --amount 元 或 --percent 百分比，二选一",
        "input.not_amount_or_percent": "不是以元为单位的金额，也不是整数百分比",
        "input.not_a_date": "“{given}”不是日期；请写成 YYYY-MM-DD",
        "input.not_a_time": "“{given}”不是时间，例如 17:30 或 2026-11-24T10:00",

        "reference.nothing_to_use": "没有可用的对象",

        // PINs and catalogue codes.
        "pin.not_4_to_8_digits": "PIN 码为 4 到 8 位数字",
        "pin.one_repeated_digit": "同一数字重复的 PIN 码太容易被猜中",
        "pin.simple_run": "1234 这样的连号太容易被猜中",
        "catalog.not_a_code": "“{given}”应由大写字母、数字和“-”组成（最多 {max} 位）",

        // The store's settings.
        "settings.not_valid": "门店设置无效",
        "settings.not_a_store_name": "“{given}”不是门店名称",
        "settings.not_a_store_code": "“{given}”不是门店代码",
        "settings.not_an_offset": "“{given}”不是时差，例如 +08:00",
        "settings.not_a_rate": "“{given}”不是以分为单位的整数费率",
        "settings.not_basis_points": "“{given}”不是 0 到 10000 之间的基点数",
        "settings.not_a_time": "“{given}”不是时间，例如 {example}",
        "settings.not_time_ranges": "“{given}”不是时间段，例如 08:30-10:30",
        "settings.not_bays": "“{given}”不是大于 0 的工位数",
        "settings.not_a_mode": "“{given}”应为 live（正式）或 training（培训）",
        "settings.opens_after_closing": "营业开始时间（{opens}）必须早于结束时间（{closes}）",
        "settings.not_a_whole_number": "应为整数，实际是“{given}”",
        "settings.yuan_not_fen": "应为整数，实际是“{given}”；金额以分为单位：{amount} 应写作 {fen}",
        "settings.empty_item": "“{given}”的第 {item} 项为空；各项之间用一个逗号分隔，例如 {example}",

        "clock.live_store": "这是正式门店：时间即真实时间；只有培训门店才能设置时钟（由管理员执行 store set store.mode training）",
        "clock.cannot_set": "无法设置时钟",
        "clock.changed": "时钟{action}：{from} → {to}",
        "clock.fixed_at_start": "会话时钟已由 --now/LANE_NOW 固定为 {to}（真实时间 {from}）",
        "settings.mode_is_the_admins": "只有管理员能在正式与培训模式之间切换门店",

        "store.damaged": "数据库文件已损坏：请从最近的备份恢复",
        "store.damage": "{text}",
        "store.broken_reference": "{table} 表第 {row} 行引用的 {parent} 记录不存在",
        "store.kept_counts_differ": "{table} 中保存的计数与实际记录不符（{rows} 行）：有人绕过 lane 改动了数据库",
        "store.kpi_shares_changed": "为服务经理 today 保存的本月 KPI 数据被人绕过 lane 改动过",
        "store.kpi_share_changed": "{day} 保存的当日数据与当天的记录不符",
        "seal.changed_outside": "有数据在 lane 之外被改动（校验封签不再相符）",
        "seal.order_changed": "其状态或金额与 lane 写入的不同（状态、各行不含税金额、优惠、实收金额、支付方式、发票号或出门证）",
        "seal.row_removed": "lane 封签过的维修委托书不见了",
        "seal.staff_changed": "岗位或班组与 lane 写入的不同",
        "seal.staff_unsealed": "这名员工是在 lane 之外添加的",
        "store.file_ok": "数据库文件完好（SQLite 快速检查）",

        // Audit.
        "audit.tampered": "审计记录已被篡改",
        "audit.row_broken": "其内容或位置与链条不符（之前的 {checked} 行完好）",
        "audit.intact": "审计记录完好：共 {checked} 行，每行都与上一行相链",
        "audit.signed": "其中 {signed} 行已用本店密钥签名，密钥保存在数据库之外：没有密钥，改动过的行无法重新签名",
        "audit.no_key": "本店密钥文件缺失或无法读取：未校验签名，改动后重新计算哈希的行将无法发现",
        "audit.checkpoint_matches": "最新的检查点（第 {row} 行）相符：此前的内容没有被删除或改写",
        "audit.after_checkpoint": "第 {row} 行之后的记录已相链并签名，但删除其中最新的几行不会留下痕迹：请用 `audit anchor` 建立检查点并另行保存",
        "audit.no_checkpoint": "还没有检查点：删除最新的几行不会留下痕迹；请用 `audit anchor` 建立检查点并另行保存",
        "audit.checkpoint": "检查点 {row}",
        "audit.checkpoint_broken": "审计记录中已不存在该检查点签名的行：有记录被删除或改写",
        "audit.anchored": "已在第 {row} 行建立检查点；请把这一行另行保存（打印出来或发给总部）：",
        "audit.nothing_to_anchor": "审计记录还是空的",
        "audit.not_a_checkpoint": "“{given}”不是检查点，格式如 `lane-audit 42 <哈希> <签名>`",
    ]
}
