import PackagePlugin

/// Embeds the text of a target's Swift files into the target itself, so a trace recorded
/// by an installed `loopscope` carries the demo's source wherever the binary goes.
@main
struct EmbedDemoSources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let sourceTarget = target as? SourceModuleTarget else { return [] }
        let inputs = sourceTarget.sourceFiles(withSuffix: "swift").map(\.url)
            .sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedSources.swift")
        return [.buildCommand(
            displayName: "Embedding the source text of \(target.name)",
            executable: try context.tool(named: "EmbedSourcesTool").url,
            arguments: [output.path, sourceTarget.directoryURL.path] + inputs.map(\.path),
            inputFiles: inputs,
            outputFiles: [output])]
    }
}
