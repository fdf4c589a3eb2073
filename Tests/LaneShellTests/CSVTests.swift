import Testing
@testable import LaneShell

@Test func parsesHeaderAndRowsWithLineNumbers() throws {
    let table = try CSV.parse("code,name\nC1,王小明\nC2,李四\n")
    #expect(table.header == ["code", "name"])
    #expect(table.rows == [CSVRow(line: 2, fields: ["C1", "王小明"]), CSVRow(line: 3, fields: ["C2", "李四"])])
}

@Test func excelBomAndCRLFAreAccepted() throws {
    let table = try CSV.parse("\u{FEFF}code,name\r\nC1,王小明\r\n")
    #expect(table.header == ["code", "name"])
    #expect(table.rows == [CSVRow(line: 2, fields: ["C1", "王小明"])])
}

@Test func headerIsTrimmedAndColumnLookupIgnoresCase() throws {
    let table = try CSV.parse(" Code , Name\nC1,王小明")
    #expect(table.header == ["Code", "Name"])
    #expect(table.column("name") == 1)
    #expect(table.column("CODE") == 0)
    #expect(table.column("phone") == nil)
}

@Test func quotedFieldsMayHoldCommasQuotesAndLineBreaks() throws {
    let table = try CSV.parse("name,address\r\n\"王, 小明\",\"广州市\r\n天河区 \"\"1号\"\"\"\r\n")
    #expect(table.rows.first?.fields == ["王, 小明", "广州市\r\n天河区 \"1号\""])
}

@Test func lineNumbersCountLinesInsideQuotedFields() throws {
    let text = "code,note\nC1,\"line one\nline two\nline three\"\nC2,plain\n"
    let table = try CSV.parse(text)
    #expect(table.rows.map(\.line) == [2, 5])
    #expect(table.rows.first?.fields[1] == "line one\nline two\nline three")
}

@Test func blankLinesAreSkipped() throws {
    let table = try CSV.parse("code,name\n\nC1,王小明\n\n,\nC2,李四\n\n")
    #expect(table.rows.map(\.line) == [3, 6])
}

@Test func wrongFieldCountNamesTheLineAndHeader() {
    let text = "code,name,phone,address\n"
        + "C1,王小明,13800138000,广州\n"
        + "C2,李四,\"139\n0013\",深圳\n"
        + "C3,张三,13700137000,北京,多余\n"
    #expect(throws: CSVError(line: 5, message: "line 5: expected 4 fields (code,name,phone,address), found 5")) {
        try CSV.parse(text)
    }
}

@Test func unterminatedQuoteReportsTheLineWhereItOpened() {
    let text = "code,name\nC1,王小明\nC2,\"李四\nC3,张三\n"
    do {
        _ = try CSV.parse(text)
        Issue.record("expected an error")
    } catch {
        #expect(error.line == 3)
        #expect(error.message.hasPrefix("line 3: "))
    }
}

@Test func textAfterClosingQuoteIsAnError() {
    #expect(throws: CSVError.self) { try CSV.parse("a,b\n\"x\"y,z\n") }
}

@Test func emptyFileThrows() {
    #expect(throws: CSVError(line: 1, message: "the file is empty, a header row is expected")) {
        try CSV.parse("")
    }
    #expect(throws: CSVError.self) { try CSV.parse("\u{FEFF}") }
}

@Test func encodeRowQuotesOnlyWhenNeeded() {
    #expect(CSV.encodeRow(["C1", "王小明", "13800138000"]) == "C1,王小明,13800138000")
    #expect(CSV.encodeRow(["a,b", "say \"hi\"", "two\nlines", " padded", ""]) == "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\",")
    #expect(CSV.encodeRow(["x\r\ny"]) == "\"x\r\ny\"")
}

@Test func encodeRowRoundTripsChineseText() throws {
    let header = ["编号", "姓名", "地址"]
    let fields = ["C1", "王小明", "广州市天河区，\"东方\"路1号,\n二楼 "]
    let table = try CSV.parse(CSV.encodeRow(header) + "\r\n" + CSV.encodeRow(fields) + "\r\n")
    #expect(table.header == header)
    #expect(table.rows == [CSVRow(line: 2, fields: fields)])
}
