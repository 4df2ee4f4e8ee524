import Graphics

/// What kioskd shows until the citizen's journey (KioskUI's screens of the Flow) takes over the
/// display: the hall's name and "touch the screen to start", in Chinese and English. Sizes follow
/// the screen's width, so the same screen fits 800x1280 and 1080x1920 panels.
public enum WelcomeScreen {
    public static let title = "24小时政务服务自助终端"
    public static let prompt = "请触摸屏幕开始"
    public static let promptEnglish = "Touch the screen to start"

    public static func drawList(width: Int, height: Int, kioskID: String, fonts: FontSet) -> DrawList {
        var list = DrawList([.fill(Rect(x: 0, y: 0, width: width, height: height), Theme.background)])
        let textWidth = width * 9 / 10
        let left = (width - textWidth) / 2
        let title = fonts.layout(title, width: textWidth, style: TextStyle(pixelSize: max(24, width / 20), alignment: .center))
        list.append(.text(title, origin: Point(x: left, y: height / 12), color: Theme.text))
        let prompt = fonts.layout(prompt, width: textWidth, style: TextStyle(pixelSize: max(30, width / 12), alignment: .center))
        let promptTop = height * 2 / 5
        list.append(.text(prompt, origin: Point(x: left, y: promptTop), color: Theme.text))
        let english = fonts.layout(promptEnglish, width: textWidth, style: TextStyle(pixelSize: max(20, width / 27), alignment: .center))
        list.append(.text(english, origin: Point(x: left, y: promptTop + prompt.size.height + width / 30), color: Theme.secondaryText))
        let footer = fonts.layout(kioskID, width: textWidth, style: TextStyle(pixelSize: max(16, width / 45), alignment: .center))
        list.append(.text(footer, origin: Point(x: left, y: height - footer.size.height - height / 30), color: Theme.secondaryText))
        return list
    }
}
