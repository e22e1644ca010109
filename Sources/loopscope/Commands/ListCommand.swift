import ArgumentParser
import LoopscopeDemos

/// `loopscope list`: every demo with its seed, its languages and its title.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the demos.")

    func run() throws {
        try reporting {
            let idWidth = DemoCatalog.all.map(\.id.count).max() ?? 0
            var text = ""
            for demo in DemoCatalog.all {
                let id = demo.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
                let languages = (demo.pythonSource == nil ? "swift" : "swift python").padding(toLength: 12, withPad: " ", startingAt: 0)
                text += "\(id)  \(demo.info.origin.padding(toLength: 8, withPad: " ", startingAt: 0))  \(languages)  \(demo.info.title)\n"
            }
            text += "\nEach demo is a Swift port of an article's Python program; add --lang python to run, play, "
                + "explain, export or record to use the Python original, recorded on CPython.\n"
            try Terminal.writeOut(text)
        }
    }
}
