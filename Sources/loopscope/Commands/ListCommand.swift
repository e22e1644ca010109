import ArgumentParser
import LoopscopeDemos

/// `loopscope list`: every demo with its seed and title.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the demos.")

    func run() {
        let idWidth = DemoCatalog.all.map(\.id.count).max() ?? 0
        for demo in DemoCatalog.all {
            let id = demo.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
            print("\(id)  \(demo.info.origin.padding(toLength: 8, withPad: " ", startingAt: 0))  \(demo.info.title)")
        }
    }
}
