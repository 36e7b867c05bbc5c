// The templates of a site, compiled once, and the renderer that fills them
// with a view model into UTF-8 bytes. Rendering follows swift-mustache's
// rules (which the pages were written against) for the context stack,
// sections, inverted sections, partials and `{{<parent}}` blocks, so a page
// comes out byte for byte as it did.
//
// The parser's tree is lowered into one flat list of instructions that hold
// only numbers: where a node held arrays (its text, its children), an
// instruction holds offsets into tables shared by all templates. Walking the
// tree copied each node out of its array, retaining and releasing what it
// held, and that was half the time of rendering a page.

struct TemplateLibrary: Sendable {
    /// A template that cannot be read, with where and why.
    struct Problem: Sendable, Equatable {
        var template: String
        var error: TemplateSyntaxError
    }

    private let program: TemplateProgram
    private let numbers: [String: Int]
    /// The templates that could not be read, in name order.
    let problems: [Problem]

    /// Compiles every template (name → source); the names are what
    /// partials refer to, e.g. `partials/offer-card`.
    init(_ sources: [String: String]) {
        let names = sources.keys.sorted()
        let numbers = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($0.element, $0.offset) })
        var templates: [[TemplateNode]] = []
        var problems: [Problem] = []
        for name in names {
            do {
                templates.append(try TemplateParser.parse(sources[name]!, templates: numbers))
            } catch {
                problems.append(Problem(template: name, error: error))
                templates.append([])
            }
        }
        self.numbers = numbers
        self.program = TemplateProgram(templates)
        self.problems = problems
    }

    /// The page `name` renders from `view`; nil if there is no such template.
    func render(_ name: String, _ view: any TemplateData, capacity: Int = 16_384) -> [UInt8]? {
        guard let number = numbers[name] else { return nil }
        return program.withTables { tables in
            var renderer = TemplateRenderer(tables: tables, root: view)
            renderer.output.reserveCapacity(capacity)
            renderer.render(tables.templates[number], TemplateRenderer.Scope())
            return renderer.output
        }
    }
}

/// All templates of a library as one list of instructions.
struct TemplateProgram: Sendable {
    /// One step of rendering. The children of a section or block follow it
    /// directly and end where `end` says.
    enum Instruction: Sendable {
        /// The bytes `text[start..<end]`.
        case text(start: Int32, end: Int32)
        case variable(path: Int32, escaped: Bool)
        case section(path: Int32, inverted: Bool, end: Int32)
        /// A block's default is its children, unless a child template overrides it.
        case block(name: Int32, indentation: Int32, end: Int32)
        /// A partial, or a parent with the overriding blocks in `overrides`;
        /// the blocks' instructions follow up to `end`.
        case partial(template: Int32, indentation: Int32, overrides: Int32, end: Int32)
    }

    /// The blocks a `{{<parent}}` gives: block name → instructions.
    typealias Overrides = [(name: Int32, body: Range<Int32>)]

    private(set) var instructions: [Instruction] = []
    private(set) var text: [UInt8] = []
    /// The names of variables and sections.
    private(set) var paths: [TemplatePath] = []
    /// Each template's instructions, by number.
    private(set) var templates: [Range<Int32>] = []
    /// The indentations of standalone partials and blocks; the first is none.
    private(set) var indentations: [[UInt8]] = [[]]
    /// The overrides of each `{{<parent}}`; the first is none.
    private(set) var overrides: [Overrides] = [[]]
    private var blockNames: [String: Int32] = [:]

    init(_ templates: [[TemplateNode]]) {
        for nodes in templates {
            let start = Int32(instructions.count)
            lower(nodes)
            self.templates.append(start..<Int32(instructions.count))
        }
    }

    /// The tables as buffers, for one rendering: reading an element of an
    /// array retains and releases the array, and every rendering on every
    /// core reads these same arrays, so the count bounced between the cores.
    struct Tables {
        let instructions: UnsafeBufferPointer<Instruction>
        let text: UnsafeBufferPointer<UInt8>
        let paths: UnsafeBufferPointer<TemplatePath>
        let templates: UnsafeBufferPointer<Range<Int32>>
        let indentations: UnsafeBufferPointer<[UInt8]>
        let overrides: UnsafeBufferPointer<Overrides>
    }

    func withTables<Result>(_ body: (Tables) -> Result) -> Result {
        instructions.withUnsafeBufferPointer { instructions in
            text.withUnsafeBufferPointer { text in
                paths.withUnsafeBufferPointer { paths in
                    templates.withUnsafeBufferPointer { templates in
                        indentations.withUnsafeBufferPointer { indentations in
                            overrides.withUnsafeBufferPointer { overrides in
                                body(Tables(
                                    instructions: instructions, text: text, paths: paths, templates: templates,
                                    indentations: indentations, overrides: overrides))
                            }
                        }
                    }
                }
            }
        }
    }

    private mutating func lower(_ nodes: [TemplateNode]) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                guard !bytes.isEmpty else { continue }
                let start = Int32(text.count)
                text += bytes
                instructions.append(.text(start: start, end: Int32(text.count)))
            case .variable(let path, let escaped, _):
                instructions.append(.variable(path: number(path), escaped: escaped))
            case .section(let path, let children, let inverted, _):
                let path = number(path)
                lower(children) { .section(path: path, inverted: inverted, end: $0) }
            case .block(let name, let children, let indentation, _):
                let (name, indentation) = (blockNumber(name), number(indentation))
                lower(children) { .block(name: name, indentation: indentation, end: $0) }
            case .partial(let template, let indentation, let blocks, _):
                let indentation = number(indentation)
                let at = opening()
                var given: Overrides = []
                for (name, children) in (blocks ?? [:]).sorted(by: { $0.key < $1.key }) {
                    let start = Int32(instructions.count)
                    lower(children)
                    given.append((blockNumber(name), start..<Int32(instructions.count)))
                }
                var overridesNumber: Int32 = 0
                if !given.isEmpty {
                    overridesNumber = Int32(overrides.count)
                    overrides.append(given)
                }
                instructions[at] = .partial(
                    template: Int32(template), indentation: indentation, overrides: overridesNumber,
                    end: Int32(instructions.count))
            case .blockDefinition:
                break  // only inside `{{<parent}}`, where the parser collects them
            }
        }
    }

    /// `children` after the instruction that opens them, which `opening`
    /// makes once their end is known.
    private mutating func lower(_ children: [TemplateNode], opening: (_ end: Int32) -> Instruction) {
        let at = self.opening()
        lower(children)
        instructions[at] = opening(Int32(instructions.count))
    }

    /// A place for an instruction whose end is known after its children.
    private mutating func opening() -> Int {
        instructions.append(.text(start: 0, end: 0))
        return instructions.count - 1
    }

    private mutating func number(_ path: TemplatePath) -> Int32 {
        paths.append(path)
        return Int32(paths.count - 1)
    }

    private mutating func number(_ indentation: [UInt8]) -> Int32 {
        guard !indentation.isEmpty else { return 0 }
        indentations.append(indentation)
        return Int32(indentations.count - 1)
    }

    private mutating func blockNumber(_ name: String) -> Int32 {
        if let number = blockNames[name] { return number }
        let number = Int32(blockNames.count)
        blockNames[name] = number
        return number
    }
}

/// One rendering: the output so far and the stack of objects sections entered.
struct TemplateRenderer {
    let tables: TemplateProgram.Tables
    var output: [UInt8] = []
    var stack: [TemplateValue]
    /// The objects of `stack`, innermost last: where a name is looked up,
    /// without copying each entry of the stack out to see what it holds.
    private var objects: [any TemplateData]
    /// Partials entered, to stop a template that includes itself for ever.
    private var depth = 0
    private static let maximumDepth = 100

    init(tables: TemplateProgram.Tables, root: any TemplateData) {
        self.tables = tables
        stack = [.object(root)]
        objects = [root]
    }

    private mutating func push(_ value: TemplateValue) {
        if case .object(let object) = value { objects.append(object) }
        stack.append(value)
    }

    private mutating func pop() {
        if case .object = stack.removeLast() { objects.removeLast() }
    }

    /// What surrounds the instructions being rendered: the indentation of a
    /// standalone partial, and the blocks a child template overrides.
    struct Scope {
        var indentation: [UInt8] = []
        var overrides: TemplateProgram.Overrides = []

        func indented(_ more: [UInt8]) -> Scope {
            guard !more.isEmpty else { return self }
            var scope = self
            scope.indentation += more
            return scope
        }

        /// Blocks given by an outer template win over an inner one's.
        func overriding(_ blocks: TemplateProgram.Overrides) -> Scope {
            guard !blocks.isEmpty else { return self }
            var scope = self
            for block in blocks where !scope.overrides.contains(where: { $0.name == block.name }) {
                scope.overrides.append(block)
            }
            return scope
        }

        func body(of block: Int32) -> Range<Int32>? {
            overrides.first { $0.name == block }?.body
        }
    }

    mutating func render(_ range: Range<Int32>, _ scope: Scope) {
        var index = Int(range.lowerBound)
        let end = Int(range.upperBound)
        guard !scope.indentation.isEmpty else {
            while index < end { index = render(at: index, scope) }
            return
        }
        // Inside an indented partial, every instruction that starts a line
        // of this template's output gets the indentation (as swift-mustache
        // does it).
        let start = output.count
        while index < end {
            let last = output.count
            if last > start, output[last - 1] == 0x0A, !(last - 2 >= start && output[last - 2] == 0x0D) {
                output += scope.indentation
                index = render(at: index, scope)
                if output.count == last + scope.indentation.count { output.removeLast(scope.indentation.count) }
            } else {
                index = render(at: index, scope)
            }
        }
    }

    /// Renders the instruction at `index` with its children; the index after them.
    private mutating func render(at index: Int, _ scope: Scope) -> Int {
        switch tables.instructions[index] {
        case .text(let start, let end):
            output.append(contentsOf: UnsafeBufferPointer(rebasing: tables.text[Int(start)..<Int(end)]))
            return index + 1
        case .variable(let path, let escaped):
            write(lookup(path), escaped: escaped)
            return index + 1
        case .section(let path, let inverted, let end):
            let value = lookup(path)
            let children = Int32(index + 1)..<end
            if inverted {
                renderInverted(value, children, scope)
            } else {
                renderSection(value, children, scope)
            }
            return Int(end)
        case .block(let name, let indentation, let end):
            let indented = scope.indented(tables.indentations[Int(indentation)])
            render(scope.body(of: name) ?? Int32(index + 1)..<end, indented)
            return Int(end)
        case .partial(let template, let indentation, let overrides, let end):
            guard depth < Self.maximumDepth else { return Int(end) }
            depth += 1
            let inner = scope.indented(tables.indentations[Int(indentation)]).overriding(tables.overrides[Int(overrides)])
            render(tables.templates[Int(template)], inner)
            depth -= 1
            return Int(end)
        }
    }

    private mutating func renderSection(_ value: TemplateValue, _ children: Range<Int32>, _ scope: Scope) {
        switch value {
        case .absent:
            break
        case .bool(let isTrue):
            if isTrue { render(children, scope) }
        case .list(let list):
            for index in 0..<list.count {
                push(list.element(index))
                render(children, scope)
                pop()
            }
        case .text, .number, .object:
            push(value)
            render(children, scope)
            pop()
        }
    }

    private mutating func renderInverted(_ value: TemplateValue, _ children: Range<Int32>, _ scope: Scope) {
        switch value {
        case .absent:
            render(children, scope)
        case .bool(let isTrue):
            if !isTrue { render(children, scope) }
        case .list(let list):
            guard list.count == 0 else { return }
            push(value)
            render(children, scope)
            pop()
        case .text, .number, .object:
            break
        }
    }

    // MARK: - Names

    private func lookup(_ path: Int32) -> TemplateValue {
        switch tables.paths[Int(path)] {
        case .current:
            return stack[stack.count - 1]
        case .never:
            return .absent
        case .top(let keys):
            return Self.resolve(keys, in: stack[stack.count - 1])
        case .name(let key):
            return find(key)
        case .stack(let first, let rest):
            return Self.resolve(rest, in: find(first))
        }
    }

    /// The value of `key` in the innermost object that has it.
    private func find(_ key: TemplateKey) -> TemplateValue {
        var index = objects.count - 1
        while index >= 0 {
            let found = objects[index].value(key)
            if !found.isAbsent { return found }
            index -= 1
        }
        return .absent
    }

    private static func resolve(_ keys: [TemplateKey], in value: TemplateValue) -> TemplateValue {
        var value = value
        for key in keys {
            guard case .object(let object) = value else { return .absent }
            value = object.value(key)
        }
        return value
    }

    // MARK: - Output

    private mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .absent, .object, .list:
            break  // swift-mustache printed Swift's description of a list or object; a page has no use for it
        case .text(let text):
            if escaped {
                HTML.appendEscaped(text, to: &output)
            } else {
                var text = text
                text.withUTF8 { output.append(contentsOf: $0) }
            }
        case .number(let number):
            output += String(number).utf8
        case .bool(let isTrue):
            output += (isTrue ? "true" : "false").utf8
        }
    }
}
