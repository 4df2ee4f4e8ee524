/// A screen as an ordered list of draw commands, back to front. Build a new one for every
/// change and hand it to `ScreenRenderer.render(_:into:)`, which redraws only what differs from
/// the list it drew before.
public struct DrawList: Sendable, Equatable {
    public var commands: [DrawCommand]

    public init(_ commands: [DrawCommand] = []) {
        self.commands = commands
    }

    public mutating func append(_ command: DrawCommand) {
        commands.append(command)
    }

    public mutating func append(contentsOf other: DrawList) {
        commands.append(contentsOf: other.commands)
    }

    /// Where the two lists can differ on screen: the old bounds of every command removed and the
    /// new bounds of every command added (a changed command is both). Commands that kept their
    /// place relative to each other draw the same pixels, except where a changed command
    /// overlaps them, which is inside these rectangles.
    public func changedBounds(from previous: DrawList) -> [Rect] {
        guard commands != previous.commands else { return [] }
        var changed: [Rect] = []
        for change in commands.difference(from: previous.commands) {
            switch change {
            case .remove(_, let command, _): changed.append(command.bounds)
            case .insert(_, let command, _): changed.append(command.bounds)
            }
        }
        return changed
    }
}
