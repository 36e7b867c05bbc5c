// The coverage page for coordinators, /netzwerk/abdeckung/: the coverage
// matrix as real tables, one over all areas and one per area, each count
// linked to the town × phase page where that page exists.

extension Links {
    public var coverage: String { root + "netzwerk/abdeckung/" }
    public func townFeed(_ id: String) -> String { root + "orte/\(id)/feed.xml" }
}

extension ViewModels {
    /// The coverage page.
    struct CoveragePage: TemplateData {
        var frame: Frame
        var heading: String
        var thinBelow: Int
        var tables: [CoverageTable]
        var hsdsURL: String

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .heading: .text(heading)
            case .thinBelow: .number(thinBelow)
            case .tables: .list(tables)
            case .hsdsURL: .text(hsdsURL)
            default: frame.value(key)
            }
        }
    }

    /// One table: all areas, or one.
    struct CoverageTable: TemplateData {
        var id, caption, summary: String
        var columns: [CoverageColumn]
        var rows: [CoverageRow]

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .id: .text(id)
            case .caption: .text(caption)
            case .summary: .text(summary)
            case .columns: .list(columns)
            case .rows: .list(rows)
            default: .absent
            }
        }
    }

    /// A life phase heading a column.
    struct CoverageColumn: TemplateData {
        var name, url: String
        var ages: String?

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .name: .text(name)
            case .url: .text(url)
            case .ages: TemplateValue(ages)
            default: .absent
            }
        }
    }

    /// A town's row.
    struct CoverageRow: TemplateData {
        var name, url: String
        var cells: [CoverageCell]

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .name: .text(name)
            case .url: .text(url)
            case .cells: .list(cells)
            default: .absent
            }
        }
    }

    /// A town × life phase count, marked as a gap (`empty`) or thin.
    struct CoverageCell: TemplateData {
        var count: Int
        var noun, phase, town: String
        var mark: CoverageMatrix.Mark
        var cellURL: String?

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .count: .number(count)
            case .noun: .text(noun)
            case .phase: .text(phase)
            case .town: .text(town)
            case .empty: .flag(mark == .empty)
            case .thin: .flag(mark == .thin)
            case .cellURL: TemplateValue(cellURL)
            default: .absent
            }
        }
    }

    func coverage() -> CoveragePage {
        let path = links.coverage
        let overall = CoverageMatrix(model: model)
        var tables = [coverageTable(overall, id: "alle", caption: "Alle Bereiche")]
        tables += model.site.areas.map { area in
            coverageTable(CoverageMatrix(model: model, area: area), id: "thema-\(area.id)", caption: "Bereich \(area.name)")
        }
        return CoveragePage(
            frame: frame(
                title: "Abdeckung der Präventionskette", path: path,
                description: "Für Fachkräfte und Koordination: Wie viele Angebote hat jeder Ort in jeder Lebensphase? Lücken sind markiert.",
                section: .none, breadcrumbs: []),
            heading: "Abdeckung der Präventionskette", thinBelow: overall.thinBelow, tables: tables,
            hsdsURL: links.root + "hsds/index.json")
    }

    private func coverageTable(_ matrix: CoverageMatrix, id: String, caption: String) -> CoverageTable {
        let gaps = matrix.emptyCellCount
        return CoverageTable(
            id: id, caption: caption,
            summary: gaps == 0 ? "Keine Lücken." : gaps == 1 ? "1 Lücke." : "\(gaps) Lücken.",
            columns: matrix.lifePhases.map { phase in
                CoverageColumn(name: phase.name, url: links.lifePhase(phase.id), ages: phase.ages)
            },
            rows: matrix.rows.map { row in
                let town = row.municipality
                return CoverageRow(
                    name: town.countyWide ? "\(town.name) (kreisweit)" : town.name, url: links.town(town.id),
                    cells: zip(matrix.lifePhases, row.counts).map { phase, count in
                        // A town's cell page exists once it lists an offer; the
                        // county-wide row's counts lead to its page's phase group.
                        var cellURL: String?
                        if count > 0 {
                            cellURL = town.countyWide
                                ? links.town(town.id) + "#phase-\(phase.id)"
                                : links.cell(town: town.id, phase: phase.id)
                        }
                        return CoverageCell(
                            count: count, noun: count == 1 ? "Angebot" : "Angebote", phase: phase.name, town: town.name,
                            mark: matrix.mark(count), cellURL: cellURL)
                    })
            })
    }
}
