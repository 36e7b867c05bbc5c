// The build pipeline as one pure function: files in, files and diagnostics out.
import Foundation
import WegweiserSearch

public struct BuildOptions: Sendable {
    public var includeDrafts: Bool
    public var strict: Bool
    public var today: CalendarDate
    /// How messages name the templates folder.
    public var templatesPath: String
    /// Replaces site.yml's `base_url` in every absolute URL (`--base-url`), normalised.
    public var baseURL: String?

    public init(
        includeDrafts: Bool = false, strict: Bool = false, today: CalendarDate, templatesPath: String = "templates",
        baseURL: String? = nil
    ) {
        self.includeDrafts = includeDrafts
        self.strict = strict
        self.today = today
        self.templatesPath = templatesPath
        self.baseURL = baseURL
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
    /// `dictionary`: a German word list the search index splits compounds
    /// with (see `CompoundDictionary`); without it, only the offers' own words.
    public static func build(
        content files: ContentFiles, templates: TemplateFiles, options: BuildOptions,
        dictionary: CompoundDictionary? = nil
    ) -> BuildResult {
        let planned = plan(content: files, templates: templates, options: options, dictionary: dictionary)
        return BuildResult(site: planned.plan?.renderAll(), diagnostics: planned.diagnostics, offerCount: planned.offerCount)
    }

    /// Validates the content and plans the site without rendering it: the
    /// plan is nil when there is an error.
    static func plan(
        content files: ContentFiles, templates: TemplateFiles, options: BuildOptions,
        cache: OfferParseCache? = nil, dictionary: CompoundDictionary? = nil
    ) -> (plan: SitePlan?, diagnostics: [Diagnostic], offerCount: Int) {
        let (content, diagnostics) = validate(files, options: options, reportReviews: false, cache: cache)
        guard let content else { return (nil, diagnostics, 0) }
        // The review's model was made with the same options (see `validate`).
        let model = content.reviewedModel ?? SiteModel(content: content, options: .init(includeDrafts: options.includeDrafts))
        switch SiteRenderer.plan(model, templates: templates, templatesPath: options.templatesPath, dictionary: dictionary) {
        case .success(let plan):
            return (plan, diagnostics, model.offers.count)
        case .failure(let errors):
            return (nil, diagnostics + errors.diagnostics, 0)
        }
    }

    /// Validation only, as `wegweiser check` does it: also reports offers whose
    /// `review_by` date has passed.
    public static func check(content files: ContentFiles, options: BuildOptions) -> [Diagnostic] {
        validate(files, options: options, reportReviews: true).diagnostics
    }

    /// The coordinator's table of offers due for review (`check --summary`),
    /// or nil when the content has errors; with the diagnostics either way.
    public static func reviewSummary(content files: ContentFiles, options: BuildOptions) -> (summary: String?, diagnostics: [Diagnostic]) {
        let (content, diagnostics) = validate(files, options: options, reportReviews: true)
        return (content.map { ContentReview.summary($0, today: options.today, includeDrafts: options.includeDrafts) }, diagnostics)
    }

    /// The content, or nil when there is an error (a warning, with `--strict`).
    static func validate(
        _ files: ContentFiles, options: BuildOptions, reportReviews: Bool, cache: OfferParseCache? = nil
    ) -> (content: Content?, diagnostics: [Diagnostic]) {
        var (content, diagnostics) = ContentLoader.load(
            files, options: ContentOptions(
                today: options.today, reportReviews: reportReviews, includeDrafts: options.includeDrafts,
                baseURL: options.baseURL),
            cache: cache)
        if options.strict { diagnostics = diagnostics.strict() }
        return (diagnostics.hasErrors ? nil : content, diagnostics)
    }
}
