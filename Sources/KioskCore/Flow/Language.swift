/// The language of the citizen's screens and voice prompts.
public enum Language: String, Sendable, Equatable, Codable, CaseIterable {
    case simplifiedChinese = "zh-Hans"
    case english = "en"
}
