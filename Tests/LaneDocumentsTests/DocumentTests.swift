import Foundation
import LaneCore
import LaneDocuments
import LaneShell
import LaneStore
import LaneTesting
import ServiceDepartment
import Testing

/// `print …` through the shell on the demo day: golden pages, money to the
/// fen, who may print what, reprints, refusals, escaping and a store's own templates.
@Suite(.serialized) struct DocumentTests {
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Each template on the demo day's orders, page for page. `LANE_UPDATE_GOLDEN=1` writes them anew
    /// (then look at the difference before committing it).
    @Test func goldenPages() throws {
        let shell = try DemoDay.shell(user: "姚雪")
        let folder = try DemoDay.folder()
        var pages = DemoDay.commands.map { kind, command in (kind.rawValue, command) }
        pages.append(("settlement.en", "print settlement \(DemoDay.discounted) --lang en"))
        pages.append(("settlement.covered", "print settlement \(DemoDay.covered)"))
        pages.append(("settlement.insured", "print settlement \(DemoDay.insured)"))
        pages.append(("work-order.insured", "print work-order \(DemoDay.insured)"))
        for (name, command) in pages {
            let html = try DemoDay.html(shell, command, in: folder)
            let golden = Self.goldenFolder.appendingPathComponent(name + ".html")
            if ProcessInfo.processInfo.environment["LANE_UPDATE_GOLDEN"] == "1" {
                try FileManager.default.createDirectory(at: Self.goldenFolder, withIntermediateDirectories: true)
                try Data(html.utf8).write(to: golden)
            }
            let expected = try String(contentsOf: golden, encoding: .utf8)
            #expect(html == expected, "\(name): the page differs from \(golden.path)")
        }
    }

    /// The amounts a page shows are the settlement's, to the fen, on orders with a discount,
    /// declined lines, free and warranty lines, and an insurance repair with a deposit, a
    /// credit-account charge and cash with change.
    @Test(arguments: [DemoDay.discounted, DemoDay.covered, DemoDay.insured])
    func moneyOnEveryDocumentIsTheSettlements(order: String) throws {
        let shell = try DemoDay.shell()
        let folder = try DemoDay.folder()
        let s = try DemoDay.settlement(shell, order), bill = try DemoDay.bill(shell, order)
        for document in ["settlement", "work-order", "estimate"] {
            let html = try DemoDay.html(shell, "print \(document) \(order)", in: folder)
            for amount in [s.laborNet, s.partsNet, s.vat, s.total, bill.customerTotal] {
                #expect(html.contains(amount.description), "\(document) of \(order) lacks \(amount)")
            }
            #expect(html.contains(bill.customerTotal.chineseCapital), "\(document) of \(order) lacks \(bill.customerTotal.chineseCapital)")
            if s.discount.fen > 0 { #expect(html.contains("-" + s.discount.description)) }
            if let split = bill.insurance {
                for amount in [split.gross, split.insurerPays] {
                    #expect(html.contains(amount.description), "\(document) of \(order) lacks the insurer's \(amount)")
                }
                #expect(html.contains("平安产险") && html.contains("PA-44030-2026-00871"), "\(document) of \(order) does not name the insurer")
            }
        }
        let settlement = try DemoDay.html(shell, "print settlement \(order)", in: folder)
        #expect(settlement.contains(s.coveredValue.description))
        switch order {
        case DemoDay.discounted:
            #expect(s.total == Money(fen: 28_126) && s.discount == Money(fen: 1_310))
            #expect(settlement.contains("贰佰捌拾壹元贰角陆分"))
            #expect(settlement.contains("客户拒绝的安全建议项目") && settlement.contains("更换前刹车片"))
            #expect(settlement.contains("2027-05-21 / 35000"))
            // Minor repairs: 2,000 km or 10 days from the day it was paid.
            #expect(settlement.contains("2026-12-01 / 32000"))
        case DemoDay.covered:
            #expect(s.total == Money(fen: 17_628))
            #expect(settlement.contains("免费") && settlement.contains("保修"))
        default:
            // The wipers ¥128.00 less 5 % = ¥121.60 + VAT ¥15.81 = ¥137.41 the customer's own;
            // the insurer's ¥1,980.00 + VAT ¥257.40 = ¥2,237.40, of which it pays the ¥2,200.00 assessed
            // less the ¥200.00 deductible; the customer ¥200.00 + ¥37.40 above the assessment.
            #expect(s.total == Money(fen: 13_741) && s.discount == Money(fen: 640))
            #expect(bill.insurance?.gross == Money(fen: 223_740) && bill.insurance?.insurerPays == Money(fen: 200_000))
            #expect(bill.customerTotal == Money(fen: 37_481))
            for text in ["叁佰柒拾肆元捌角壹分", "¥2,374.81", "¥200.00", "¥37.40", "¥237.40", "保险公司", "客户应付合计",
                         // the deposit, the credit account and the cash with change
                         "预收款", "¥100.00", "挂账", "¥174.81", "¥25.19", "现金",
                         "客户拒绝的安全建议项目", "更换前刹车片"] {
                #expect(settlement.contains(text), "the insurance settlement lacks \(text)")
            }
        }
        // The gate pass (the cashier's) shows what was settled, which is what the customer pays in all.
        try shell.expectOK("set user 莫霞")
        let gate = try DemoDay.html(shell, "print gate-pass \(order)", in: folder)
        #expect(gate.contains(bill.customerTotal.description))
    }

    /// What the Chinese pages say is Chinese: no English word (a label missing from labels.zh.json
    /// prints its key, `account`, `insurer`…) outside the markup; codes and plates are upper case.
    @Test func theChinesePagesHaveNoEnglishWords() throws {
        let shell = try DemoDay.shell(user: "姚雪")
        let folder = try DemoDay.folder()
        var commands = DemoDay.commands.map(\.1)
        commands += ["print settlement \(DemoDay.covered)", "print settlement \(DemoDay.insured)", "print work-order \(DemoDay.insured)",
                     "print estimate \(DemoDay.insured)", "print gate-pass \(DemoDay.insured)", "print repair-warranty \(DemoDay.insured)"]
        for command in commands {
            var text = try DemoDay.html(shell, command, in: folder)
            for (open, close) in [("<style>", "</style>"), ("<svg", "</svg>"), ("<", ">")] {
                while let start = text.range(of: open), let end = text.range(of: close, range: start.upperBound..<text.endIndex) {
                    text.replaceSubrange(start.lowerBound..<end.upperBound, with: " ")
                }
            }
            let words = text.split { !$0.isASCII || !$0.isLetter }.filter { $0.count > 1 && $0.contains { $0.isLowercase } }
            // `&amp;`-style entities are markup too.
            #expect(words.filter { !["amp", "lt", "gt", "quot"].contains(String($0)) }.isEmpty, "\(command): \(words)")
        }
    }

    @Test func aReprintSaysSoAndTheLogKeepsEveryPrint() throws {
        let shell = try DemoDay.shell(user: "莫霞")
        let folder = try DemoDay.folder()
        let first = try DemoDay.html(shell, "print settlement \(DemoDay.discounted)", in: folder)
        #expect(!first.contains("重印"))
        let second = try DemoDay.html(shell, "print settlement \(DemoDay.discounted)", in: folder)
        #expect(second.contains("class=\"reprint\">重印<") && second.contains("第2次打印"))
        // Another document of the same order is its own first print.
        #expect(!(try DemoDay.html(shell, "print gate-pass \(DemoDay.discounted)", in: folder)).contains("class=\"reprint\""))
        let rows = try shell.storedRows()["print_log"] ?? ""
        #expect(rows.split(separator: "\n").count == 3)
        try shell.expectOK("set user 姚雪")
        let audit = try shell.expectOK("audit show --user 莫霞")
        #expect(audit.contains("print settlement"))
    }

    /// X4 and X6 on paper: the workshop's papers mask the customer's number; a
    /// technician may not print the settlement at all, and is told so with nothing stored.
    @Test func whoMayPrintWhatAndWhatTheySee() throws {
        let shell = try DemoDay.shell(user: "夏勇")
        let folder = try DemoDay.folder()
        let codes = try shell.expectRefusalCodes("print settlement \(DemoDay.discounted) --html \(folder.path)/s.html")
        #expect(codes.contains("access.role_may_not"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/s.html"))
        let sheet = try DemoDay.html(shell, "print check-in \(DemoDay.discounted)", in: folder)
        #expect(!sheet.contains("13363270655") && sheet.contains("133****0655"))
        #expect(!sheet.contains("创业一路12号"))
        // The accident repair's work order: the same masking, the insurer's claim still shown.
        let order = try DemoDay.html(shell, "print work-order \(DemoDay.insured)", in: folder)
        #expect(!order.contains("13363270655") && order.contains("133****0655") && !order.contains("创业一路12号"))
        #expect(order.contains("PA-44030-2026-00871"))
        for refused in ["print settlement \(DemoDay.insured)", "print estimate \(DemoDay.insured)", "print gate-pass \(DemoDay.insured)"] {
            #expect(try shell.expectRefusalCodes("\(refused) --pdf \(folder.path)/r.pdf").contains("access.role_may_not"), "\(refused)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/r.pdf"))
        try shell.expectOK("set user 莫霞")
        let settlement = try DemoDay.html(shell, "print settlement \(DemoDay.discounted)", in: folder)
        #expect(settlement.contains("13363270655"))
        try shell.expectOK("set user 薛淑芬")
        try shell.expectRefusalCodes("print gate-pass \(DemoDay.discounted) --html \(folder.path)/g.html")
    }

    @Test func refusalsNameEveryProblemAndStoreNothing() throws {
        let shell = try DemoDay.shell()
        let folder = try DemoDay.folder()
        #expect(try shell.expectRefusalCodes("print settlement \(DemoDay.discounted)").contains("document.needs_a_file"))
        let both = try shell.expectRefusalCodes("print settlement \(DemoDay.discounted) --html a.html --pdf a.pdf --lang fr --printer x")
        #expect(both.contains("document.one_file") && both.contains("input.not_one_of"))
        #expect(try shell.expectRefusalCodes("print settlement \(DemoDay.discounted) --html a.html --printer x")
            .contains("document.printer_needs_pdf"))
        #expect(try shell.expectRefusalCodes("print settlement \(DemoDay.inWorkshop) --html \(folder.path)/x.html")
            .contains("document.not_delivered"))
        try shell.expectOK("set user 莫霞")
        #expect(try shell.expectRefusalCodes("print gate-pass \(DemoDay.inWorkshop) --html \(folder.path)/x.html").contains("document.not_paid"))
        try shell.expectOK("set user 薛淑芬")
        #expect(try shell.expectRefusalCodes("print settlement RO-20991231-0001 --html \(folder.path)/x.html")
            .contains("repair_order.no_such_number"))
        #expect(try shell.expectRefusalCodes("print check-in \(DemoDay.discounted) --html /no/such/folder/x.html")
            .contains("document.no_such_folder"))
        #expect(try shell.expectRefusalCodes("print check-in \(DemoDay.discounted) --html \(folder.path)").contains("document.file_is_a_folder"))
        #expect(try shell.expectRefusalCodes("print check-in \(DemoDay.discounted) --pdf \(folder.path)/x.pdf --printer -dfoo")
            .contains("document.not_a_printer_name"))
        // A document says only what is true: nothing to print before the order has it.
        try shell.expectOK("ro open 粤BB9188")
        let fresh = "RO-20261123-0002 --html \(folder.path)/x.html"
        #expect(try shell.expectRefusalCodes("print check-in \(fresh)").contains("document.no_check_in"))
        #expect(try shell.expectRefusalCodes("print work-order \(fresh)").contains("document.no_lines"))
        #expect(try shell.expectRefusalCodes("print estimate \(fresh)").contains("document.no_lines"))
        #expect(try shell.expectRefusalCodes("print dispatch \(fresh)").contains("document.not_dispatched"))
        #expect(try shell.expectRefusalCodes("print repair-warranty \(fresh)").contains("document.not_paid"))
        #expect(try shell.expectRefusalCodes("print appointment AP-20991231-001 --html \(folder.path)/x.html")
            .contains("appointment.no_such_number"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/x.html"))
    }

    /// Without CUPS's lp, --printer is refused before anything is printed or logged.
    @Test(.enabled(if: PDFPrinter.lp() == nil, "lp is installed here")) func noPrinterWithoutLP() throws {
        let shell = try DemoDay.shell(user: "莫霞")
        let folder = try DemoDay.folder()
        #expect(try shell.expectRefusalCodes("print settlement \(DemoDay.discounted) --pdf \(folder.path)/s.pdf --printer front-desk")
            .contains("document.no_lp"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/s.pdf"))
    }

    /// Customer text is HTML-escaped; control characters never reach the page.
    @Test func customerTextIsEscaped() throws {
        let shell = try DemoDay.shell()
        let folder = try DemoDay.folder()
        let name = "<script>alert('x')</script>&\"卢\u{1B}[31m"
        _ = try shell.store.write { tx in
            guard var c = try tx.customer(number: 2) else { throw StoreFailure("no C0002") }
            c.name = name
            try tx.updateCustomer(c)
        }
        try shell.expectOK("ro open 粤BB9188")
        try shell.expectOK("ro check-in --mileage 900 --fuel 2 --covers --damage '<img src=x onerror=alert(1)>' --valuables '{{{x}}}' --equipment '&amp;'")
        for command in ["print check-in \(DemoDay.discounted)", "print settlement \(DemoDay.discounted)", "print check-in RO-20261123-0002",
                        "print settlement \(DemoDay.insured)", "print work-order \(DemoDay.insured) --lang en", "print estimate \(DemoDay.insured)"] {
            let html = try DemoDay.html(shell, command, in: folder)
            #expect(!html.contains("<script>") && !html.contains("<img"), "\(command)")
            #expect(!html.unicodeScalars.contains("\u{1B}"), "\(command)")
        }
        let sheet = try DemoDay.html(shell, "print check-in \(DemoDay.discounted)", in: folder)
        #expect(sheet.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;卢\u{FFFD}[31m"))
        let other = try DemoDay.html(shell, "print check-in RO-20261123-0002", in: folder)
        #expect(other.contains("&lt;img src=x onerror=alert(1)&gt;") && other.contains("{{{x}}}") && other.contains("&amp;amp;"))
    }

    /// A store's own folder replaces the templates it holds; the others stay built in.
    @Test func aStoreReplacesATemplate() throws {
        let shell = try DemoDay.shell()
        let folder = try DemoDay.folder()
        let own = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
        try Data("<p>{{store.name}} {{doc.number}} {{money.total}} {{customer.name}}</p>".utf8)
            .write(to: own.appendingPathComponent("gate-pass.mustache"))
        try Data(#"{"title": {"settlement": "结算单（本店格式）"}}"#.utf8).write(to: own.appendingPathComponent("labels.zh.json"))
        try shell.expectOK("set user admin")
        try shell.expectOK("store set documents.templates \(own.path)")
        try shell.expectOK("set user 莫霞")
        let gate = try DemoDay.html(shell, "print gate-pass \(DemoDay.discounted)", in: folder)
        #expect(gate == "<p>星河汽车深圳南山4S店 GP-20261121-0001 ¥281.26 卢文博</p>")
        let settlement = try DemoDay.html(shell, "print settlement \(DemoDay.discounted)", in: folder)
        #expect(settlement.contains("结算单（本店格式）") && settlement.contains("应收总额"))
        try shell.expectOK("set user admin")
        try shell.expectOK("store set documents.templates \(folder.path)/missing")
        try shell.expectOK("set user 莫霞")
        #expect(try shell.expectRefusalCodes("print settlement \(DemoDay.discounted) --html \(folder.path)/y.html")
            .contains("document.no_template_folder"))
    }

    /// Only the store's own folder, whole path, decides what the customer signs: not where lane
    /// was started, not a link out of the folder, not a folder every user may write to.
    @Test func aStoresTemplatesStayInItsFolder() throws {
        let shell = try DemoDay.shell()
        let folder = try DemoDay.folder()
        try shell.expectOK("set user admin")
        for given in ["templates", "./templates", "/srv/lane/../../etc"] {
            #expect(try shell.expectRefusalCodes("store set documents.templates \(given)").contains("settings.not_a_template_folder"), "\(given)")
        }
        #expect(try shell.store.read { try $0.settings() }.documentTemplates.isEmpty)
        let own = folder.appendingPathComponent("own")
        try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
        let secret = folder.appendingPathComponent("secret.txt")
        try Data("not for the customer".utf8).write(to: secret)
        try FileManager.default.createSymbolicLink(atPath: own.appendingPathComponent("settlement.mustache").path, withDestinationPath: secret.path)
        try shell.expectOK("store set documents.templates \(own.path)")
        try shell.expectOK("set user 莫霞")
        let before = try shell.storedRows()["print_log"] ?? ""
        #expect(try shell.expectRefusalCodes("print settlement \(DemoDay.discounted) --html \(folder.path)/s.html")
            .contains("document.template_outside_folder"))
        try FileManager.default.removeItem(at: own.appendingPathComponent("settlement.mustache"))
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: own.path)
        #expect(try shell.expectRefusalCodes("print settlement \(DemoDay.discounted) --html \(folder.path)/s.html")
            .contains("document.template_writable_by_all"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/s.html"))
        #expect(try shell.storedRows()["print_log"] ?? "" == before)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: own.path)
        try shell.expectOK("print settlement \(DemoDay.discounted) --html \(folder.path)/s.html")
    }

    @Test func theCarOutlineMarksTheDamageWhereItIs() throws {
        let shell = try DemoDay.shell()
        let html = try DemoDay.html(shell, "print check-in \(DemoDay.discounted)", in: try DemoDay.folder())
        // 左后门划痕 → left rear (42,240); 前保险杠轻微擦伤 → front (100,30).
        #expect(html.contains("<circle cx=\"42\" cy=\"240\"") && html.contains("<circle cx=\"100\" cy=\"30\""))
        #expect(html.contains("左后") && html.contains("前部"))
        #expect(html.contains("备胎、随车工具、三角警示牌") && html.contains("4/8") && html.contains("已安装"))
    }
}
