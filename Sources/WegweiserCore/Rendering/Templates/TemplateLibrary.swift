// The templates of a site, compiled once, and the renderer that fills them
// with a view model into UTF-8 bytes. Rendering follows swift-mustache's
// rules (which the pages were written against) for the context stack,
// sections, inverted sections, partials and `{{<parent}}` blocks, so a page
// comes out byte for byte as it did.

struct TemplateLibrary: Sendable {
    /// A template that cannot be read, with where and why.
    struct Problem: Sendable, Equatable {
        var template: String
        var error: TemplateSyntaxError
    }

    /// The compiled templates; a template's number is its place in name order.
    private let templates: [[TemplateNode]]
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
        self.templates = templates
        self.problems = problems
    }

    /// The page `name` renders from `view`; nil if there is no such template.
    func render(_ name: String, _ view: any TemplateData, capacity: Int = 16_384) -> [UInt8]? {
        guard let number = numbers[name] else { return nil }
        var renderer = TemplateRenderer(templates: templates, root: view)
        renderer.output.reserveCapacity(capacity)
        renderer.render(templates[number], TemplateRenderer.Scope())
        return renderer.output
    }
}

/// One rendering: the output so far and the stack of objects sections entered.
struct TemplateRenderer {
    let templates: [[TemplateNode]]
    var output: [UInt8] = []
    var stack: [TemplateValue]
    /// Partials entered, to stop a template that includes itself for ever.
    private var depth = 0
    private static let maximumDepth = 100

    init(templates: [[TemplateNode]], root: any TemplateData) {
        self.templates = templates
        stack = [.object(root)]
    }

    /// What surrounds the nodes being rendered: the indentation of a
    /// standalone partial, and the blocks a child template overrides.
    struct Scope {
        var indentation: [UInt8] = []
        var overrides: [String: [TemplateNode]] = [:]

        func indented(_ more: [UInt8]) -> Scope {
            guard !more.isEmpty else { return self }
            var scope = self
            scope.indentation += more
            return scope
        }

        /// Blocks given by an outer template win over an inner one's.
        func overriding(_ blocks: [String: [TemplateNode]]?) -> Scope {
            guard let blocks, !blocks.isEmpty else { return self }
            var scope = self
            scope.overrides.merge(blocks) { outer, _ in outer }
            return scope
        }
    }

    mutating func render(_ nodes: [TemplateNode], _ scope: Scope) {
        guard !scope.indentation.isEmpty else {
            for node in nodes { render(node, scope) }
            return
        }
        // Inside an indented partial, every node that starts a line of this
        // template's output gets the indentation (as swift-mustache does it).
        let start = output.count
        for node in nodes {
            let end = output.count
            if end > start, output[end - 1] == 0x0A, !(end - 2 >= start && output[end - 2] == 0x0D) {
                output += scope.indentation
                render(node, scope)
                if output.count == end + scope.indentation.count { output.removeLast(scope.indentation.count) }
            } else {
                render(node, scope)
            }
        }
    }

    private mutating func render(_ node: TemplateNode, _ scope: Scope) {
        switch node {
        case .text(let bytes):
            output += bytes
        case .variable(let path, let escaped, _):
            write(lookup(path), escaped: escaped)
        case .section(let path, let children, let inverted, _):
            let value = lookup(path)
            if inverted {
                renderInverted(value, children, scope)
            } else {
                renderSection(value, children, scope)
            }
        case .block(let name, let defaults, let indentation, _):
            render(scope.overrides[name] ?? defaults, scope.indented(indentation))
        case .partial(let number, let indentation, let overrides, _):
            guard depth < Self.maximumDepth else { return }
            depth += 1
            render(templates[number], scope.indented(indentation).overriding(overrides))
            depth -= 1
        case .blockDefinition:
            break  // only inside `{{<parent}}`, where the parser collects them
        }
    }

    private mutating func renderSection(_ value: TemplateValue, _ children: [TemplateNode], _ scope: Scope) {
        switch value {
        case .absent:
            break
        case .bool(let isTrue):
            if isTrue { render(children, scope) }
        case .list(let list):
            for index in 0..<list.count {
                stack.append(list.element(index))
                render(children, scope)
                stack.removeLast()
            }
        case .text, .number, .object:
            stack.append(value)
            render(children, scope)
            stack.removeLast()
        }
    }

    private mutating func renderInverted(_ value: TemplateValue, _ children: [TemplateNode], _ scope: Scope) {
        switch value {
        case .absent:
            render(children, scope)
        case .bool(let isTrue):
            if !isTrue { render(children, scope) }
        case .list(let list):
            guard list.count == 0 else { return }
            stack.append(value)
            render(children, scope)
            stack.removeLast()
        case .text, .number, .object:
            break
        }
    }

    // MARK: - Names

    private func lookup(_ path: TemplatePath) -> TemplateValue {
        switch path {
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
        var index = stack.count - 1
        while index >= 0 {
            if case .object(let object) = stack[index] {
                let found = object.value(key)
                if !found.isAbsent { return found }
            }
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
