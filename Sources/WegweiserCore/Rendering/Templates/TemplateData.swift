// What the template engine reads: a view model answers a name with a value.
// Names are `TemplateKey`s, resolved when a template is compiled, so that a
// lookup while rendering is a switch over a small enum, not a dynamic cast or
// a string hash. The values follow swift-mustache's rules, which the pages
// were written against: a text or a number is true in a section even when
// empty or zero, a list is false when empty, only `false` and an absent name
// are false otherwise.

/// A view model the templates can read.
protocol TemplateData {
    /// The value of `key`, or `.absent` when this object has no such name
    /// (then the engine asks the enclosing objects).
    func value(_ key: TemplateKey) -> TemplateValue
}

/// One value a template name stands for.
enum TemplateValue {
    case absent
    case text(String)
    case number(Int)
    case bool(Bool)
    /// A view model larger than three words is copied into a new box each
    /// time it is wrapped here; the ones a page looks up often (the site,
    /// the page, menu entries, links, cards, the offer) are final classes,
    /// so wrapping one retains it instead.
    case object(any TemplateData)
    case list(any TemplateList)

    /// A text when there is one, absent otherwise.
    init(_ text: String?) {
        self = text.map(TemplateValue.text) ?? .absent
    }

    /// An object when there is one, absent otherwise.
    init(_ object: (any TemplateData)?) {
        self = object.map(TemplateValue.object) ?? .absent
    }

    /// `true`, or absent: for names a view model sets only when they hold
    /// (a template's `{{^name}}` reads both alike).
    static func flag(_ isSet: Bool) -> TemplateValue {
        isSet ? .bool(true) : .absent
    }

    var isAbsent: Bool {
        if case .absent = self { return true }
        return false
    }
}

/// A list a section iterates over.
protocol TemplateList {
    var count: Int { get }
    func element(_ index: Int) -> TemplateValue
}

extension Array: TemplateList where Element: TemplateData {
    func element(_ index: Int) -> TemplateValue { .object(self[index]) }
}
