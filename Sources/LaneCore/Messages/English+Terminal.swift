// The counter terminal: line editing, the PIN prompt, output that fits the
// screen, stopping a command with Ctrl-C, and the shell's help on a visit.
extension MessageCatalog {
    static let englishTerminal: KeyValuePairs<MessageCode, String> = [
        // The hidden PIN prompt.
        "terminal.pin_stopped": "PIN entry stopped ({key})",
        "terminal.nothing_changed": "nothing was changed; the command can be typed again",
        // TAB.
        "terminal.completion_cut": "… only the first {count} are listed: type more letters",
        // Ctrl-C while a command runs.
        "terminal.command_stopped": "stopped by Ctrl-C",
        "terminal.nothing_stored": "nothing was stored",
        // `set pager`, `set expanded`.
        "usage.pager_choices": "pager is on or off",
        "usage.expanded_choices": "expanded is on, off or auto",
        // Commands.
        "terminal.exit_summary": "Leave the shell (as quit and Ctrl-D do)",
        "terminal.stdin_ignored": "standard input was not read: -c runs only its own commands; pipe the script without -c, or use -f FILE",
        // Help: the walk through a visit, and searching it.
        "terminal.help_workflow": """
            A visit, step by step (each step's command, in order):

            Before the day
              appt board               today's appointments; `appt prepare` the day before
              today                    what waits for you now: arrivals, orders, calls

            Reception (advisor, with the customer)
              use 粤B12345             the car (and its open order) becomes current
              ro open 粤B12345         open the repair order
              ro complaint '…'         the complaint in the customer's words
              ro check-in …            walk-around: fuel, mileage, damage, valuables
              ro documents             driving licence and handbook taken
              ro labor CODE / ro part NUMBER    the estimate, line by line
              ro estimate              show the estimate with prices
              ro promise …             the promised delivery time
              ro sign --signed-by NAME the customer signs the repair order

            Workshop (foreman, team leader, technician)
              ro handover              keys and papers to the foreman
              ro dispatch              without --team: each team's load
              ro dispatch --team T     assign the team
              ro clock-on LINE --tech NAME, ro issue …, ro clock-off LINE --finished
              ro approve / ro decline  the customer's answer to extra work
              ro check self|leader|final   the three quality checks

            Delivery and payment (advisor, cashier)
              ro wash, ro delivery-check, ro notify, ro deliver
              ro settle, ro pay --amount YUAN

            After the visit (customer service)
              followup due             calls to make; `followup record` the answer
              complaint …              a complaint, until it is resolved

            `help ro VERB` shows one step's options; `ro why-not` says what stops one.
            """,
        // Lines `terms: commands`; a search for any term lists the commands.
        "terminal.help_terms": """
            brake|brakes|刹车|制动: ro labor, ro part
            oil|机油|保养|maintenance|service: ro labor, ro part, remind due
            appointment|booking|预约: appt board, appt book
            reception|接车|接待|开单: ro open, ro check-in, ro complaint
            estimate|估价|报价: ro estimate, print estimate
            sign|签字|签名: ro sign
            dispatch|派工: ro dispatch
            quality|质检|检查: ro check
            wash|洗车: ro wash
            delivery|交车: ro delivery-check, ro notify, ro deliver
            settle|payment|pay|结算|收款|付款: ro settle, ro pay
            gate pass|出门证: ro pay, print gate-pass
            print|打印|单据|reprint|重印: print check-in, print work-order, print estimate, print dispatch, print settlement, print gate-pass, print repair-warranty, print appointment
            follow-up|回访|电话: followup due, followup record
            complaint|投诉: complaint open
            reminder|提醒: remind due
            customer|客户: customer find, customer show
            car|vehicle|车辆: vehicle show, vehicle list
            """,
        "terminal.help_found": "commands about '{word}':",
        "terminal.help_catalogue": "in the catalogues, '{word}':",
        "terminal.help_nothing": "no command, help text or catalogue entry mentions '{word}'",
        "terminal.apropos_summary": "Search the help, the dealership's words for commands and the catalogues",
        "terminal.apropos_word": "A word, English or Chinese (刹车, delivery)",
        // --watch.
        "terminal.watch_option": "At the terminal: redraw every N seconds (default 5) until Ctrl-C",
        "terminal.watch_needs_terminal": "--watch redraws a terminal's screen; a script runs the command once without it",
        "terminal.watching": "redrawn every {seconds} s ({round}); Ctrl-C stops",
        // The manual page (lane --generate-manpage).
        "terminal.man_description": "On a terminal, lane is an interactive shell with line editing (libedit: emacs keys, Ctrl-R search), a history kept per member of staff, TAB completion of commands, options, plates, customers, staff and parts, and output fitted to the window (a pager for long output: set pager off; one field per line for wide rows: set expanded on|off|auto). With -c, -f or a pipe on standard input it runs scripts: no prompt, errors as `error: line N: …` on standard error, and it stops at the first error unless --on-error continue.",
        "terminal.man_commands": "Commands are NOUN VERB [ARGUMENTS] [--OPTION VALUE]. In the shell, `help NOUN VERB` shows the same text, `help workflow` walks a visit and `apropos WORD` searches.",
        "terminal.man_shell_commands": "Shell commands",
        "terminal.man_files": "~/.local/share/servicelane/lane.sqlite (the store, $LANE_DB) and lane.sqlite.key beside it; ~/.local/share/servicelane/histories/ (one history per member of staff, $LANE_HISTORY); ~/.local/share/servicelane/plugins/ (run-time plugins, $LANE_PLUGINS).",
        "terminal.man_completion_title": "SHELL COMPLETION",
        "terminal.man_completion": "lane --generate-completion-script bash|zsh|fish prints a completion script for your shell: it completes lane's process options (--db, -c, -f, --format, …) on the command line. The commands inside lane are completed by TAB in the shell itself. Install the script once, for the shell you use:",
        "terminal.man_exit": "0 ok, 1 a command was refused, 2 usage error, 3 storage failure.",
        "terminal.man_see_also": "less(1); the project's README.md and docs/ (architecture, security, json, plugins).",
        // `today`: where the calls due are, and how each is recorded.
        "terminal.today_confirm_hint": "{count} to call; `appt confirm APPT day_before|hour_before` records each answer",
        "terminal.today_remind_hint": "{count} to call; `remind log PLATE KIND --outcome …` records each call",
        "terminal.today_followup_hint": "{count} to call; `followup record RO quality|tracking …` records each call",
        // Lists cut at their limit.
        "terminal.rows_more": "rows {first} to {last} shown, more follow: --offset {next} shows the next, --limit N more at once",
    ]
}
