// The site's machine-readable files: sitemap.xml, robots.txt and feed.xml.

enum Feeds {
    static func sitemap(paths: [String], lastModified: [String: CalendarDate], links: Links) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths.sorted() {
            xml += "  <url><loc>\(escape(links.absolute(path)))</loc>"
            if let date = lastModified[path] { xml += "<lastmod>\(date)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    static func robots(links: Links) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(links.absolute(links.root + "sitemap.xml"))\n"
    }

    /// Atom feed of the most recently added or checked offers, newest first.
    static func atom(model: SiteModel, links: Links, limit: Int = 50) -> String {
        let offers = model.offers
            .sorted { ($1.updated, $0.slug) < ($0.updated, $1.slug) }
            .prefix(limit)
        let site = model.site
        let newest = offers.first?.updated.description ?? "1970-01-01"
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(escape(site.language))">
              <title>\(escape(site.title)): neue und aktualisierte Angebote</title>
              <id>\(escape(links.absolute(links.root)))</id>
              <link rel="self" href="\(escape(links.absolute(links.feed)))"/>
              <link rel="alternate" type="text/html" href="\(escape(links.absolute(links.root)))"/>
              <updated>\(newest)T00:00:00Z</updated>
              <author><name>\(escape(site.title))</name></author>

            """
        for offer in offers {
            let url = links.absolute(links.offer(offer.slug))
            xml += """
                  <entry>
                    <title>\(escape(offer.title))</title>
                    <id>\(escape(offer.id.map { "urn:uuid:\($0)" } ?? url))</id>
                    <link rel="alternate" type="text/html" href="\(escape(url))"/>
                    <updated>\(offer.updated)T00:00:00Z</updated>
                    <summary>\(escape(offer.summary))</summary>
                    <author><name>\(escape(offer.provider))</name></author>
                  </entry>

                """
        }
        return xml + "</feed>\n"
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }
}
