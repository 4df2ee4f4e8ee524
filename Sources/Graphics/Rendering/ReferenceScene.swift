/// The reference kiosk scene of bench/reference-scene.md, the one LVGL was measured on: a title,
/// twelve service buttons with shadows in a 3-column grid, and a wrapped paragraph, on a dark
/// blue background. For the benchmark, the tests and `kioskctl screen`.
///
/// Where LVGL's layout is not specified the choices are: the grid's buttons are spread evenly
/// (equal gaps between and around them, as flex `space-evenly`), the shadow is LVGL's default
/// (black, opaque, no offset, no spread) and labels are centred in their buttons.
public struct ReferenceScene: Sendable {
    public static let background = Color(rgb: 0x0B1A33)
    /// LVGL's default palette blue.
    public static let buttonColor = Color(rgb: 0x2196F3)
    public static let paragraphColor = Color(rgb: 0xDDE6F5)
    public static let title = "24小时政务服务自助终端"
    public static let labels = ["社保查询", "医保缴费", "公积金", "不动产登记", "户籍业务", "出入境", "税务发票", "营业执照", "证明打印", "预约取号", "好差评", "呼叫帮助"]
    public static let paragraph = "政务服务自助终端为群众提供二十四小时不打烊服务。请将身份证放置于读卡区，按照语音提示完成操作。如需帮助，请按呼叫按钮联系工作人员，我们将尽快为您服务。办理社保、医保、公积金、不动产登记等业务，请选择相应栏目。"
    public static let titleStyle = TextStyle(pixelSize: 48)
    public static let labelStyle = TextStyle(pixelSize: 36)
    public static let paragraphStyle = TextStyle(pixelSize: 32)
    public static let buttonRadius = 24
    public static let shadowWidth = 20

    public let width: Int
    public let height: Int

    public init(width: Int = 1080, height: Int = 1920) {
        self.width = width
        self.height = height
    }

    /// The transparent box holding the buttons: 92% x 55% of the screen, centred, top at 140.
    public var gridBox: Rect {
        let boxWidth = width * 92 / 100, boxHeight = height * 55 / 100
        return Rect(x: (width - boxWidth) / 2, y: 140, width: boxWidth, height: boxHeight)
    }

    /// The twelve buttons, row by row: each 30% x 22% of the box, gaps spread evenly.
    public var buttons: [Rect] {
        let box = gridBox
        let buttonWidth = box.width * 30 / 100, buttonHeight = box.height * 22 / 100
        let columns = 3, rows = 4
        return (0..<(columns * rows)).map { index in
            let column = index % columns, row = index / columns
            // Gap k of n + 1 ends at k * free / (n + 1): rounding spreads the odd pixels.
            let x = box.minX + column * buttonWidth + (column + 1) * (box.width - columns * buttonWidth) / (columns + 1)
            let y = box.minY + row * buttonHeight + (row + 1) * (box.height - rows * buttonHeight) / (rows + 1)
            return Rect(x: x, y: y, width: buttonWidth, height: buttonHeight)
        }
    }

    /// The benchmark's small repaint: 30% of the width by 10% of the height, centred on the first
    /// button (a button whose label or colour changed).
    public var smallArea: Rect {
        let button = buttons[0]
        let areaWidth = width * 30 / 100, areaHeight = height * 10 / 100
        return Rect(x: button.minX + (button.width - areaWidth) / 2, y: button.minY + (button.height - areaHeight) / 2, width: areaWidth, height: areaHeight)
    }

    /// The scene's draw list, text laid out by `fonts`.
    public func drawList(fonts: FontSet) -> DrawList {
        drawList { text, width, style in fonts.layout(text, width: width, style: style) }
    }

    /// The scene's draw list, text laid out by `layout(text, width, style)`, so tests can use
    /// fake text.
    public func drawList(layout: (String, Int?, TextStyle) -> TextLayout) -> DrawList {
        var list = DrawList()
        list.append(.fill(Rect(x: 0, y: 0, width: width, height: height), Self.background))
        let title = layout(Self.title, nil, Self.titleStyle)
        list.append(.text(title, origin: Point(x: (width - title.size.width) / 2, y: 40), color: .white))
        for (button, label) in zip(buttons, Self.labels) {
            list.append(.shadow(BoxShadow(box: button, radius: Self.buttonRadius, width: Self.shadowWidth)))
            list.append(.roundedRect(button, radius: Self.buttonRadius, color: Self.buttonColor))
            let text = layout(label, nil, Self.labelStyle)
            let origin = Point(x: button.minX + (button.width - text.size.width) / 2, y: button.minY + (button.height - text.size.height) / 2)
            list.append(.text(text, origin: origin, color: .white))
        }
        let paragraphWidth = width * 90 / 100
        let paragraph = layout(Self.paragraph, paragraphWidth, Self.paragraphStyle)
        list.append(.text(paragraph, origin: Point(x: (width - paragraphWidth) / 2, y: height - 60 - paragraph.size.height), color: Self.paragraphColor))
        return list
    }
}
