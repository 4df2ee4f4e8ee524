// Shared by every fuzz target. `precondition` drops its message in -O builds, and a finding is
// only useful with one, so the targets check with `require`, which always says what broke.

func require(_ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #file, line: UInt = #line) {
    if !condition { fatalError(message(), file: file, line: line) }
}
