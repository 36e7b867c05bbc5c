// `wegweiser serve`: placeholder replaced below.
import ArgumentParser

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Baut die Website und zeigt sie unter http://127.0.0.1 an.")
    func run() async throws {}
}
