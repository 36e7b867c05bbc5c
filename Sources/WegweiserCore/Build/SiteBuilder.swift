// The build pipeline as one pure function: files in, files and diagnostics out.
import Foundation

public struct BuildOptions: Sendable {
    public var includeDrafts: Bool
    public var strict: Bool
    public var today: CalendarDate
    /// How messages name the templates folder.
    public var templatesPath: String

    public init(includeDrafts: Bool = false, strict: Bool = false, today: CalendarDate, templatesPath: String = "templates") {
        self.includeDrafts = includeDrafts
        self.strict = strict
        self.today = today
        self.templatesPath = templatesPath
    }
}

public struct BuildResult: Sendable {
    /// The site's files, or nil when the build failed.
    public var site: RenderedSite?
    public var diagnostics: [Diagnostic]
    /// Offers published (drafts only with `--drafts`).
    public var offerCount: Int
}

public enum SiteBuilder {
    public static func build(content files: ContentFiles, templates: TemplateFiles, options: BuildOptions) -> BuildResult {
        let (content, diagnostics) = validate(files, options: options, reportReviews: false)
        guard let content else {
            return BuildResult(site: nil, diagnostics: diagnostics, offerCount: 0)
        }
        let model = SiteModel(content: content, options: .init(includeDrafts: options.includeDrafts))
        switch SiteRenderer.render(model, templates: templates, templatesPath: options.templatesPath) {
        case .success(let site):
            return BuildResult(site: site, diagnostics: diagnostics, offerCount: model.offers.count)
        case .failure(let errors):
            return BuildResult(site: nil, diagnostics: diagnostics + errors.diagnostics, offerCount: 0)
        }
    }

    /// Validation only, as `wegweiser check` does it: also reports offers whose
    /// `review_by` date has passed.
    public static func check(content files: ContentFiles, options: BuildOptions) -> [Diagnostic] {
        validate(files, options: options, reportReviews: true).diagnostics
    }

    /// The content, or nil when there is an error (a warning, with `--strict`).
    static func validate(
        _ files: ContentFiles, options: BuildOptions, reportReviews: Bool, cache: OfferParseCache? = nil
    ) -> (content: Content?, diagnostics: [Diagnostic]) {
        var (content, diagnostics) = ContentLoader.load(
            files, options: ContentOptions(today: options.today, reportReviews: reportReviews), cache: cache)
        if options.strict { diagnostics = diagnostics.strict() }
        return (diagnostics.hasErrors ? nil : content, diagnostics)
    }
}
