import Graphics

/// How a button looks. A disabled button draws no target and its label says why.
enum ButtonStyle {
    case primary, secondary, disabled, dark, light

    var fill: Color {
        switch self {
        case .primary: Theme.primaryButton
        case .secondary: Theme.secondaryButton
        case .disabled: Theme.disabledButton
        case .dark: Theme.background
        case .light: Theme.fieldFill
        }
    }

    var textColor: Color {
        switch self {
        case .primary, .secondary, .dark: Theme.text
        case .disabled: Theme.secondaryText
        case .light: Theme.fieldText
        }
    }
}
