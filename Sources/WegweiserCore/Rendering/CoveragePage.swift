// The coverage page for coordinators, /netzwerk/abdeckung/: the coverage
// matrix as real tables, one over all areas and one per area, each count
// linked to the town × phase page where that page exists.

extension Links {
    public var coverage: String { root + "netzwerk/abdeckung/" }
    public func townFeed(_ id: String) -> String { root + "orte/\(id)/feed.xml" }
}

extension ViewModels {
    func coverage() -> ViewModel {
        let path = links.coverage
        var view = frame(
            title: "Abdeckung der Präventionskette", path: path,
            description: "Für Fachkräfte und Koordination: Wie viele Angebote hat jeder Ort in jeder Lebensphase? Lücken sind markiert.",
            section: .none, breadcrumbs: [])
        view["heading"] = "Abdeckung der Präventionskette"
        let overall = CoverageMatrix(model: model)
        view["thinBelow"] = overall.thinBelow
        var tables = [coverageTable(overall, id: "alle", caption: "Alle Bereiche")]
        tables += model.site.areas.map { area in
            coverageTable(CoverageMatrix(model: model, area: area), id: "thema-\(area.id)", caption: "Bereich \(area.name)")
        }
        view["tables"] = tables
        view["hsdsURL"] = links.root + "hsds/index.json"
        return view
    }

    private func coverageTable(_ matrix: CoverageMatrix, id: String, caption: String) -> ViewModel {
        let gaps = matrix.emptyCellCount
        return [
            "id": id, "caption": caption,
            "summary": gaps == 0 ? "Keine Lücken." : gaps == 1 ? "1 Lücke." : "\(gaps) Lücken.",
            "columns": matrix.lifePhases.map { phase -> ViewModel in
                var column: ViewModel = ["name": phase.name, "url": links.lifePhase(phase.id)]
                column["ages"] = phase.ages
                return column
            },
            "rows": matrix.rows.map { row -> ViewModel in
                let town = row.municipality
                return [
                    "name": town.countyWide ? "\(town.name) (kreisweit)" : town.name, "url": links.town(town.id),
                    "cells": zip(matrix.lifePhases, row.counts).map { phase, count -> ViewModel in
                        var cell: ViewModel = [
                            "count": count, "noun": count == 1 ? "Angebot" : "Angebote", "phase": phase.name, "town": town.name,
                        ]
                        switch matrix.mark(count) {
                        case .empty: cell["empty"] = true
                        case .thin: cell["thin"] = true
                        case .ok: break
                        }
                        // A town's cell page exists once it lists an offer; the
                        // county-wide row's counts lead to its page's phase group.
                        if count > 0 {
                            cell["cellURL"] = town.countyWide
                                ? links.town(town.id) + "#phase-\(phase.id)"
                                : links.cell(town: town.id, phase: phase.id)
                        }
                        return cell
                    },
                ]
            },
        ]
    }
}
