// The counter terminal in Chinese (see English+Terminal.swift). Commands,
// options and their placeholders stay as typed.
extension MessageCatalog {
    static let chineseTerminal: KeyValuePairs<MessageCode, String> = [
        // The hidden PIN prompt.
        "terminal.pin_stopped": "已停止输入 PIN 码（{key}）",
        "terminal.nothing_changed": "没有修改任何内容；可以重新输入这条命令",
        // TAB.
        "terminal.completion_cut": "… 只列出前 {count} 个：请多输入几个字",
        // Ctrl-C while a command runs.
        "terminal.command_stopped": "已按 Ctrl-C 中止",
        "terminal.nothing_stored": "没有保存任何内容",
        // `set pager`, `set expanded`.
        "usage.pager_choices": "pager 可选 on 或 off",
        "usage.expanded_choices": "expanded 可选 on、off 或 auto",
        // Commands.
        "terminal.exit_summary": "退出（与 quit 和 Ctrl-D 相同）",
        "terminal.stdin_ignored": "没有读取标准输入：-c 只执行它自己的命令；要执行管道送来的脚本，请去掉 -c，或用 -f 文件",
        // Help: the walk through a visit, and searching it.
        "terminal.help_workflow": """
            一次到店的全过程（按顺序列出每一步的命令）：

            到店之前
              appt board               今天的预约；前一天用 `appt prepare` 做内部确认
              today                    现在等您处理的事：到店车辆、委托书、电话

            接待（服务顾问，与客户一起）
              use 粤B12345             选定车辆（及其未结的委托书）为当前对象
              ro open 粤B12345         开立维修委托书
              ro complaint '…'         按客户原话记录故障描述
              ro check-in …            环车检查：油量、里程、外观损伤、车内贵重物品
              ro documents             收取行驶证和保养手册
              ro labor CODE / ro part NUMBER    逐项估价
              ro estimate              查看含价格的估价单
              ro promise …             承诺交车时间
              ro sign --signed-by NAME 客户在委托书上签字

            车间（车间主管、班组长、维修技师）
              ro handover              把钥匙和单据交给车间主管
              ro dispatch              不带 --team：查看各班组负荷
              ro dispatch --team T     派工给班组
              ro clock-on LINE --tech NAME, ro issue …, ro clock-off LINE --finished
              ro approve / ro decline  客户对增项的答复
              ro check self|leader|final   三道检验：自检、互检、终检

            交车和收款（服务顾问、收银员）
              ro wash, ro delivery-check, ro notify, ro deliver
              ro settle, ro pay --amount YUAN

            到店之后（客服专员）
              followup due             待打的回访电话；用 `followup record` 记录结果
              complaint …              投诉，直到处理完毕

            `help ro 动作` 显示某一步的选项；`ro why-not` 说明是什么挡住了这一步。
            """,
        // Lines `terms: commands`; a search for any term lists the commands.
        // The same format as the English table (ASCII ':' and '|'), with more of the store's words.
        "terminal.help_terms": """
            brake|brakes|刹车|制动|刹车片: ro labor, ro part
            oil|机油|保养|换油|maintenance|service: ro labor, ro part, remind due
            appointment|booking|预约: appt board, appt book
            reception|接车|接待|开单|委托书: ro open, ro check-in, ro complaint
            estimate|估价|报价: ro estimate, print estimate
            sign|签字|签名: ro sign
            dispatch|派工: ro dispatch
            quality|质检|检查|检验|自检|互检|终检: ro check
            wash|洗车: ro wash
            delivery|交车: ro delivery-check, ro notify, ro deliver
            settle|payment|pay|结算|收款|付款|收银: ro settle, ro pay
            gate pass|出门证|放行条: ro pay, print gate-pass
            print|reprint|打印|单据|重印: print check-in, print work-order, print estimate, print dispatch, print settlement, print gate-pass, print repair-warranty, print appointment
            follow-up|回访|电话: followup due, followup record
            complaint|投诉: complaint open
            reminder|提醒: remind due
            customer|客户: customer find, customer show
            car|vehicle|车辆: vehicle show, vehicle list
            """,
        "terminal.help_found": "与“{word}”有关的命令：",
        "terminal.help_catalogue": "目录中含“{word}”的项目：",
        "terminal.help_nothing": "没有任何命令、帮助或目录项目提到“{word}”",
        "terminal.apropos_summary": "搜索帮助、门店对各命令的叫法以及工时和备件目录",
        "terminal.apropos_word": "一个词，中文或英文（刹车、delivery）",
        // --watch.
        "terminal.watch_option": "在终端上每 N 秒（默认 5 秒）刷新一次，直到按 Ctrl-C",
        "terminal.watch_needs_terminal": "--watch 刷新的是终端屏幕；脚本中请去掉它，命令只执行一次",
        "terminal.watching": "每 {seconds} 秒刷新一次（第 {round} 次）；按 Ctrl-C 停止",
        // The manual page (lane --generate-manpage).
        "terminal.man_description": "在终端上，lane 是一个可以编辑命令行的交互式 shell（libedit：emacs 按键，Ctrl-R 搜索），每名员工有各自的历史记录，TAB 键可补全命令、选项、车牌、客户、员工和备件，输出适应窗口大小（较长的输出用分页器：set pager off 关闭；较宽的行每个字段占一行：set expanded on|off|auto）。用 -c、-f 或从标准输入送来管道时，它执行脚本：没有提示符，错误以 `error: line N: …` 的形式写到标准错误，除非 --on-error continue，否则遇到第一个错误即停止。",
        "terminal.man_commands": "命令的形式为 名词 动作 [参数] [--选项 值]。在 shell 中，`help 名词 动作` 显示同样的说明，`help workflow` 介绍一次到店的全过程，`apropos 词语` 进行搜索。",
        "terminal.man_shell_commands": "会话命令",
        "terminal.man_files": "~/.local/share/servicelane/lane.sqlite（门店数据库，$LANE_DB）及其旁边的 lane.sqlite.key；~/.local/share/servicelane/histories/（每名员工一份历史记录，$LANE_HISTORY）；~/.local/share/servicelane/plugins/（运行时插件，$LANE_PLUGINS）。",
        "terminal.man_completion_title": "SHELL 补全",
        "terminal.man_completion": "lane --generate-completion-script bash|zsh|fish 为您使用的 shell 生成补全脚本：在命令行上补全 lane 的启动选项（--db、-c、-f、--format 等）。lane 里面的命令由 shell 内的 TAB 键补全。按您使用的 shell 安装一次即可：",
        "terminal.man_exit": "0 成功，1 命令被拒绝，2 用法错误，3 存储故障。",
        "terminal.man_see_also": "less(1)；项目的 README.md 和 docs/（architecture、security、json、plugins）。",
        // `today`: where the calls due are, and how each is recorded.
        "terminal.today_confirm_hint": "待打 {count} 个；每个结果用 `appt confirm APPT day_before|hour_before` 记录",
        "terminal.today_remind_hint": "待打 {count} 个；每次通话用 `remind log PLATE KIND --outcome …` 记录",
        "terminal.today_followup_hint": "待打 {count} 个；每次通话用 `followup record RO quality|tracking …` 记录",
        // Lists cut at their limit.
        "terminal.rows_more": "已显示第 {first} 至 {last} 行，后面还有：--offset {next} 显示接下来的行，--limit N 一次显示更多",
    ]
}
