import Testing
@testable import LaneShell

@Test func splitsOnSpacesAndTabs() throws {
    #expect(try Tokenizer.split("customer  list\t--all ") == ["customer", "list", "--all"])
    #expect(try Tokenizer.split("   ") == [])
}

@Test func chineseWordsAreOrdinaryText() throws {
    #expect(try Tokenizer.split("customer add 王小明 粤B12345") == ["customer", "add", "王小明", "粤B12345"])
}

@Test func fullwidthSpaceIsNotASeparator() throws {
    #expect(try Tokenizer.split("王\u{3000}小明 x") == ["王\u{3000}小明", "x"])
}

@Test func singleQuotesAreLiteral() throws {
    #expect(try Tokenizer.split(#"echo 'a \ "b" $c'"#) == ["echo", #"a \ "b" $c"#])
}

@Test func doubleQuotesAllowOnlyFourEscapes() throws {
    #expect(try Tokenizer.split(#"echo "say \"hi\" \\ \$ \` \n""#) == ["echo", #"say "hi" \ $ ` \n"#])
}

@Test func backslashOutsideQuotesEscapesNextCharacter() throws {
    #expect(try Tokenizer.split(#"open My\ File \"x\" a\\b"#) == ["open", "My File", "\"x\"", #"a\b"#])
}

@Test func quotedAndUnquotedPartsJoinIntoOneWord() throws {
    #expect(try Tokenizer.split(#"--name="王 小明" a'b'"c""#) == ["--name=王 小明", "abc"])
}

@Test func emptyQuotesGiveAnEmptyWord() throws {
    #expect(try Tokenizer.split(#"note "" ''"#) == ["note", "", ""])
}

@Test func hashStartsACommentOnlyAtTheStartOfAWord() throws {
    #expect(try Tokenizer.split("list # everything 'unclosed") == ["list"])
    #expect(try Tokenizer.split("# whole line") == [])
    #expect(try Tokenizer.split("issue#5 '#' \\#x") == ["issue#5", "#", "#x"])
}

@Test func unterminatedQuotesThrowWithTheQuote() {
    #expect(throws: TokenizerError.unterminatedQuote("\"")) { try Tokenizer.split(#"add "王小明"#) }
    #expect(throws: TokenizerError.unterminatedQuote("'")) { try Tokenizer.split("add '王小明") }
}

@Test func trailingBackslashThrowsDanglingEscape() {
    #expect(throws: TokenizerError.danglingEscape) { try Tokenizer.split("add \\") }
}

@Test func errorMessagesArePlainEnglish() {
    #expect(TokenizerError.unterminatedQuote("\"").message.hasPrefix("a quote (\") is not closed"))
    #expect(TokenizerError.danglingEscape.message.contains("backslash"))
}

@Test func continuationIsNeededAfterBackslashOrOpenQuote() {
    #expect(Tokenizer.needsContinuation("customer add --name 王小明 \\"))
    #expect(Tokenizer.needsContinuation("note \"first line"))
    #expect(Tokenizer.needsContinuation("note 'first line"))
    #expect(!Tokenizer.needsContinuation("customer list"))
    #expect(!Tokenizer.needsContinuation("path C:\\\\"))  // escaped backslash
    #expect(!Tokenizer.needsContinuation("list # comment \\"))
    #expect(!Tokenizer.needsContinuation(""))
}

@Test func joinRemovesBackslashAndLineBreakEntirely() throws {
    let joined = Tokenizer.join("customer add --name 王小明 \\", "--phone 13800138000")
    #expect(joined == "customer add --name 王小明 --phone 13800138000")
    #expect(try Tokenizer.split(joined) == ["customer", "add", "--name", "王小明", "--phone", "13800138000"])
    #expect(Tokenizer.join("ab\\", "cd") == "abcd")
}

@Test func joinKeepsTheLineBreakInsideAnOpenQuote() throws {
    let joined = Tokenizer.join("note \"first line", "second line\"")
    #expect(joined == "note \"first line\nsecond line\"")
    #expect(!Tokenizer.needsContinuation(joined))
    #expect(try Tokenizer.split(joined) == ["note", "first line\nsecond line"])
    #expect(try Tokenizer.split(Tokenizer.join("note 'a\\", "b'")) == ["note", "a\\\nb"])
}

@Test func completionAfterTrailingSpaceHasEmptyPartial() {
    let context = Tokenizer.completionContext("customer add ")
    #expect(context.words == ["customer", "add"])
    #expect(context.partial == "")
}

@Test func completionWithPartialWord() {
    let context = Tokenizer.completionContext("customer ad")
    #expect(context.words == ["customer"])
    #expect(context.partial == "ad")
}

@Test func completionInsideOpenQuoteReturnsUnquotedPartial() {
    let context = Tokenizer.completionContext("customer add --name \"王 小")
    #expect(context.words == ["customer", "add", "--name"])
    #expect(context.partial == "王 小")
}

@Test func completionOfEmptyLine() {
    let context = Tokenizer.completionContext("")
    #expect(context.words.isEmpty)
    #expect(context.partial == "")
}

/// What a plugin quotes with `ShellWord` comes back as one word, exactly.
@Test func shellWordRoundTripsThroughTheTokenizer() throws {
    for text in ["满意度调查低分：维修质量 1（1-5）", "it's \"fine\" # not a comment", "a\\b  c", "", "--ro"] {
        #expect(try Tokenizer.split("complaint open C0002 --text " + ShellWord.quoted(text)).last == text)
    }
    #expect(try Tokenizer.split(ShellWord.quoted("两行\n文字")) == ["两行 文字"])
}
