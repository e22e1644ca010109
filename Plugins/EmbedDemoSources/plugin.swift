import Foundation
import PackagePlugin

/// Embeds source text into a target at build time, so an installed `loopscope` carries it
/// wherever the binary goes:
/// - for the demos target, its Swift files and the Python twins in its `python/` folder
///   (the traces of the Swift ports embed their source; the Python twins are recorded);
/// - for `LoopscopePython`, the recorder `recorder/loopscope_record.py` of the package.
@main
struct EmbedDemoSources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let sourceTarget = target as? SourceModuleTarget else { return [] }
        var inputs: [URL]
        if target.name == "LoopscopePython" {
            inputs = [context.package.directoryURL.appending(path: "recorder/loopscope_record.py")]
        } else {
            inputs = sourceTarget.sourceFiles(withSuffix: "swift").map(\.url)
            let python = sourceTarget.directoryURL.appending(path: "python")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: python.path)) ?? []
            inputs += names.filter { $0.hasSuffix(".py") }.map { python.appending(path: $0) }
        }
        inputs.sort { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedSources.swift")
        return [.buildCommand(
            displayName: "Embedding the source text of \(target.name)",
            executable: try context.tool(named: "EmbedSourcesTool").url,
            arguments: [output.path, sourceTarget.directoryURL.path] + inputs.map(\.path),
            inputFiles: inputs,
            outputFiles: [output])]
    }
}
