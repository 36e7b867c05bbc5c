// Reads one plain page from content/seiten/.

enum PageParser {
    static let knownKeys = ["title", "summary", "menu", "order"]

    static func parse(_ file: SourceFile, linkRoot: String = "/") -> (PlainPage?, [Diagnostic]) {
        let document: FrontMatterDocument
        switch FrontMatter.split(file) {
        case .success(let split): document = split
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        var reader = YAMLReader(file: file.displayPath, firstLine: document.yamlLine)
        guard let root = reader.compose(document.yaml), let fields = reader.fields(root, of: "den Angaben") else {
            if reader.diagnostics.isEmpty {
                reader.error(nil, "Die Angaben der Seite sind leer.", hint: "Ergänzen Sie mindestens `title: …`.")
            }
            return (nil, reader.diagnostics)
        }
        reader.warnUnknownKeys(fields, known: knownKeys)
        let title = reader.text(reader.required(fields, "title"), "title", maxLength: 120)
        let markdown = MarkdownDocument(document.body, linkRoot: linkRoot)
        var page = PlainPage(
            sourcePath: file.displayPath, slug: Slug.fold(OfferParser.baseName(of: file.path)),
            title: title ?? "", summary: reader.text(fields["summary"], "summary", maxLength: 300),
            menu: reader.enumeration(fields["menu"], "menu", as: PlainPage.Menu.self),
            order: reader.int(fields["order"], "order", range: -1000...1000),
            body: document.body, bodyLine: document.bodyLine)
        page.bodyHTML = markdown.html
        page.siteLinks = markdown.siteLinks(inFileFrom: document.bodyLine)
        let diagnostics = reader.diagnostics + OfferParser.bodyNotes(markdown, bodyLine: document.bodyLine, file: file.displayPath)
        return (title != nil && !diagnostics.hasErrors ? page : nil, diagnostics)
    }
}
