/// Text and target sizes of one mode, in pixels, chosen in millimetres. MIIT's minimums (main text
/// 18 pt, targets 60 pt in elderly mode, 44 pt otherwise) are far below these; they are the
/// floor the tests check, these are what a tired eye at arm's length reads easily.
public struct UIMetrics: Sendable, Equatable {
    public var scale: ScreenScale
    public var isElderly: Bool
    /// Body text: 10 mm (~40 px at 1080 wide), 13 mm in elderly mode.
    public var body: Int
    /// Secondary lines (locations, the hotline): still >= 18 pt many times over.
    public var small: Int
    public var title: Int
    /// The screen's largest text (ticket number, countdown): >= 30 pt.
    public var hero: Int
    public var buttonHeight: Int
    /// The settings strip's buttons (language, elderly mode): smaller but above the minimum.
    public var stripHeight: Int
    public var margin: Int
    public var gap: Int
    /// The smallest text a widget may shrink to when a long text must fit.
    public var minimumText: Int
    /// MIIT's minimum side of a main touch target in this mode.
    public var minimumTarget: Int
    public var lineSpacing: Double

    public init(scale: ScreenScale, elderly: Bool) {
        func mm(_ normal: Double, _ elderlyValue: Double) -> Int { scale.pixels(mm: elderly ? elderlyValue : normal) }
        self.scale = scale
        isElderly = elderly
        body = mm(10, 13)
        small = mm(8.5, 11)
        title = mm(15, 18)
        hero = mm(26, 30)
        buttonHeight = mm(32, 40)
        stripHeight = mm(20, 24)
        margin = mm(10, 10)
        gap = mm(4, 5)
        minimumText = max(scale.pixels(points: 18), mm(6.5, 7))
        minimumTarget = scale.pixels(points: elderly ? 60 : 44)
        lineSpacing = elderly ? 1.4 : 1.3
    }
}
