import Graphics

/// `kioskctl screen calibrate`: one target at a time, at the points tslib's ts_calibrate uses
/// (four corners inset, then the centre), with the step and what to do.
public enum CalibrationScreen {
    /// The five targets for a UI of `width` x `height`, in the order they are shown.
    public static func targets(width: Int, height: Int) -> [Point] {
        let insetX = width / 10, insetY = height / 10
        return [
            Point(x: insetX, y: insetY), Point(x: width - 1 - insetX, y: insetY),
            Point(x: width - 1 - insetX, y: height - 1 - insetY), Point(x: insetX, y: height - 1 - insetY),
            Point(x: width / 2, y: height / 2),
        ]
    }

    public static func drawList(width: Int, height: Int, step: Int, fonts: FontSet) -> DrawList {
        let targets = targets(width: width, height: height)
        precondition(targets.indices.contains(step), "calibration step out of range")
        var list = DrawList([.fill(Rect(x: 0, y: 0, width: width, height: height), .black)])
        let instruction = fonts.layout("请点击十字中心 (\(step + 1)/5)  Touch the centre of the cross", width: width * 8 / 10,
                                       style: TextStyle(pixelSize: max(20, width / 30), alignment: .center))
        list.append(.text(instruction, origin: Point(x: width / 10, y: height * 2 / 5), color: .white))
        let target = targets[step]
        let arm = max(20, width / 25)
        list.append(.line(from: Point(x: target.x - arm, y: target.y), to: Point(x: target.x + arm, y: target.y), width: 2, color: .white))
        list.append(.line(from: Point(x: target.x, y: target.y - arm), to: Point(x: target.x, y: target.y + arm), width: 2, color: .white))
        list.append(.roundedRect(Rect(x: target.x - 3, y: target.y - 3, width: 7, height: 7), radius: 3, color: Theme.touchMark))
        return list
    }
}
