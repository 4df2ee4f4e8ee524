import Graphics

/// `kioskctl screen touch-test`: a grid to aim at and a mark where each touch landed, so a
/// technician sees at once whether touches land under the finger.
public enum TouchTestScreen {
    public static let heading = "触摸测试 Touch test"

    /// `marks` are the UI points touched so far, oldest first; only the last 50 are drawn.
    public static func drawList(width: Int, height: Int, marks: [Point], fonts: FontSet) -> DrawList {
        var list = DrawList([.fill(Rect(x: 0, y: 0, width: width, height: height), .black)])
        let spacing = max(40, width / 9)
        let grid = Color(rgb: 0x3A4A66)
        for x in stride(from: spacing / 2, to: width, by: spacing) { list.append(.fill(Rect(x: x, y: 0, width: 1, height: height), grid)) }
        for y in stride(from: spacing / 2, to: height, by: spacing) { list.append(.fill(Rect(x: 0, y: y, width: width, height: 1), grid)) }
        let heading = fonts.layout(heading, width: width, style: TextStyle(pixelSize: max(20, width / 30), alignment: .center))
        list.append(.text(heading, origin: Point(x: 0, y: spacing / 4), color: .white))
        let arm = max(12, width / 40)
        for mark in marks.suffix(50) {
            list.append(.line(from: Point(x: mark.x - arm, y: mark.y), to: Point(x: mark.x + arm, y: mark.y), width: 3, color: Theme.touchMark))
            list.append(.line(from: Point(x: mark.x, y: mark.y - arm), to: Point(x: mark.x, y: mark.y + arm), width: 3, color: Theme.touchMark))
        }
        return list
    }
}
