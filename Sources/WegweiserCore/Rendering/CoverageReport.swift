// `wegweiser coverage`: the coverage matrix as text, CSV, JSON or Markdown,
// and loading the content it is made from.

public enum CoverageFormat: String, Sendable, CaseIterable {
    case text, csv, json, markdown
}

public enum CoverageReport {
    /// The matrix of a content folder's published offers, or the diagnostics
    /// that stop it (content errors, an unknown `--area`).
    public static func matrix(
        content files: ContentFiles, options: BuildOptions, area: String?, thinBelow: Int
    ) -> (CoverageMatrix?, [Diagnostic]) {
        var (content, diagnostics) = ContentLoader.load(files, options: ContentOptions(today: options.today, reportReviews: false))
        if options.strict { diagnostics = diagnostics.strict() }
        guard let content, !diagnostics.hasErrors else { return (nil, diagnostics) }
        let model = SiteModel(content: content, options: .init(includeDrafts: false))
        var selected: Area?
        if let area {
            guard let found = model.area(area) else {
                diagnostics.append(Diagnostic(
                    file: files.siteConfigPath,
                    message: "Unbekannter Bereich `\(area)` in `--area`.",
                    hint: "Gültige ids (aus site.yml): \(model.site.areas.map(\.id).joined(separator: ", "))."))
                return (nil, diagnostics)
            }
            selected = found
        }
        return (CoverageMatrix(model: model, area: selected, thinBelow: thinBelow), diagnostics)
    }

    public static func render(_ matrix: CoverageMatrix, format: CoverageFormat) -> String {
        switch format {
        case .text: text(matrix)
        case .csv: csv(matrix)
        case .json: json(matrix)
        case .markdown: markdown(matrix)
        }
    }

    /// A count with its mark in words: "0 (Lücke)", "1 (dünn)", "3".
    static func cellText(_ count: Int, _ matrix: CoverageMatrix) -> String {
        switch matrix.mark(count) {
        case .empty: "\(count) (Lücke)"
        case .thin: "\(count) (dünn)"
        case .ok: "\(count)"
        }
    }

    static func title(_ matrix: CoverageMatrix) -> String {
        "Abdeckung der Präventionskette" + (matrix.area.map { ": \($0.name)" } ?? ": alle Bereiche")
    }

    static func rowName(_ row: CoverageMatrix.Row) -> String {
        row.municipality.countyWide ? "\(row.municipality.name) (kreisweit)" : row.municipality.name
    }

    static func legend(_ matrix: CoverageMatrix) -> String {
        "Lücke = kein Angebot; dünn = weniger als \(matrix.thinBelow) Angebote. Kreisweite Angebote zählen nur in ihrer eigenen Zeile."
    }

    static func text(_ matrix: CoverageMatrix) -> String {
        let header = ["Ort"] + matrix.lifePhases.map(\.name)
        let body = matrix.rows.map { row in [rowName(row)] + row.counts.map { cellText($0, matrix) } }
        let widths = header.indices.map { column in ([header] + body).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                return index == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }
        var lines = [title(matrix), "", line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        lines += body.map(line)
        lines += ["", legend(matrix), matrix.emptyCellCount == 1 ? "1 Lücke." : "\(matrix.emptyCellCount) Lücken."]
        return lines.joined(separator: "\n") + "\n"
    }

    static func csv(_ matrix: CoverageMatrix) -> String {
        var lines = [(["ort"] + matrix.lifePhases.map(\.id)).joined(separator: ",")]
        lines += matrix.rows.map { row in ([row.municipality.id] + row.counts.map(String.init)).joined(separator: ",") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ matrix: CoverageMatrix) -> String {
        var document: [String: JSON] = [
            "thin_below": .int(matrix.thinBelow),
            "life_phases": .array(matrix.lifePhases.map { ["id": .string($0.id), "name": .string($0.name)] }),
            "rows": .array(matrix.rows.map { row in
                [
                    "id": .string(row.municipality.id), "name": .string(row.municipality.name),
                    "county_wide": .bool(row.municipality.countyWide),
                    "cells": .array(zip(matrix.lifePhases, row.counts).map { phase, count in
                        ["life_phase": .string(phase.id), "count": .int(count), "mark": .string(matrix.mark(count).rawValue)]
                    }),
                ]
            }),
            "empty_cells": .int(matrix.emptyCellCount),
        ]
        if let area = matrix.area { document["area"] = ["id": .string(area.id), "name": .string(area.name)] }
        return JSON.object(document).text + "\n"
    }

    static func markdown(_ matrix: CoverageMatrix) -> String {
        func escape(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        let header = ["Ort"] + matrix.lifePhases.map(\.name)
        var lines = ["## \(escape(title(matrix)))", ""]
        lines.append("| " + header.map(escape).joined(separator: " | ") + " |")
        lines.append("| " + (["---"] + matrix.lifePhases.map { _ in "---:" }).joined(separator: " | ") + " |")
        for row in matrix.rows {
            let cells = row.counts.map { count in
                matrix.mark(count) == .ok ? cellText(count, matrix) : "**\(cellText(count, matrix))**"
            }
            lines.append("| " + ([escape(rowName(row))] + cells).joined(separator: " | ") + " |")
        }
        lines += ["", legend(matrix)]
        return lines.joined(separator: "\n") + "\n"
    }
}
