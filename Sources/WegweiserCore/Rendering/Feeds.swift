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
        let site = model.site
        return atom(
            offers: model.offers, title: "\(site.title): neue und aktualisierte Angebote", language: site.language,
            id: links.absolute(links.root), selfURL: links.absolute(links.feed), pageURL: links.absolute(links.root),
            author: site.title, links: links, limit: limit)
    }

    /// A town's feed: its own offers and the county-wide ones, as on its page.
    static func townAtom(model: SiteModel, town: Municipality, links: Links, limit: Int = 50) -> String {
        let site = model.site
        return atom(
            offers: model.offers(in: town), title: "\(site.title): neue und aktualisierte Angebote in \(town.name)",
            language: site.language, id: links.absolute(links.townFeed(town.id)),
            selfURL: links.absolute(links.townFeed(town.id)), pageURL: links.absolute(links.town(town.id)),
            author: site.title, links: links, limit: limit)
    }

    private static func atom(
        offers all: [Offer], title: String, language: String, id: String, selfURL: String, pageURL: String,
        author: String, links: Links, limit: Int
    ) -> String {
        let offers = all
            .sorted { ($1.updated, $0.slug) < ($0.updated, $1.slug) }
            .prefix(limit)
        let newest = offers.first?.updated.description ?? "1970-01-01"
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(escape(language))">
              <title>\(escape(title))</title>
              <id>\(escape(id))</id>
              <link rel="self" href="\(escape(selfURL))"/>
              <link rel="alternate" type="text/html" href="\(escape(pageURL))"/>
              <updated>\(newest)T00:00:00Z</updated>
              <author><name>\(escape(author))</name></author>

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

    /// XML's five characters as entities. By bytes, and not at all for the
    /// most texts, which have none of them; by Characters, as it was
    /// written first, where such a character touches one beyond ASCII, since
    /// it may be part of a larger Character there ("&" and an accent), which
    /// is left alone.
    static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        var needsEscape = false, previous: UInt8 = 0, afterEscapable = false
        for byte in utf8 {
            if afterEscapable && byte >= 0x80 { return escapeCharacters(text) }
            afterEscapable = isEscapable(byte)
            if afterEscapable {
                if previous >= 0x80 { return escapeCharacters(text) }
                needsEscape = true
            }
            previous = byte
        }
        guard needsEscape else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "&"): result.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): result.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): result.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): result.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): result.append(contentsOf: "&apos;".utf8)
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func isEscapable(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    private static func escapeCharacters(_ text: String) -> String {
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
