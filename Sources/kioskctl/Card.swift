import ArgumentParser

struct Card: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Test the ID card reader.",
        subcommands: [CardRead.self, CardStatus.self])
}
