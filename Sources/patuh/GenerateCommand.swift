import ArgumentParser

/// `patuh generate`: a deterministic synthetic dataset (placeholder).
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate", abstract: "Generate a synthetic dataset.")
    func run() throws {}
}
