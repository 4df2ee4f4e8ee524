import Graphics
import KioskCore

extension ScreenBuilder {
    /// The services as a grid of tiles filling `area`. A tile that cannot take a ticket now is grey
    /// and says so in words; it still opens the guide. The Flow has no paging, so with a long
    /// catalog the tiles shrink to fit (their text never below `metrics.minimumText`).
    func tiles(_ tiles: [ServiceTile], in area: Rect) {
        guard !tiles.isEmpty else { return }
        let perRow = tiles.count <= 4 ? (metrics.isElderly ? 1 : 2) : (metrics.isElderly ? 2 : 3)
        let rows = (tiles.count + perRow - 1) / perRow
        let rowGap = metrics.gap
        let tileHeight = min(metrics.buttonHeight * 3 / 2, (area.height - (rows - 1) * rowGap) / rows)
        for (index, tile) in tiles.enumerated() {
            let rowRect = Rect(x: area.x, y: area.y + (index / perRow) * (tileHeight + rowGap), width: area.width, height: tileHeight)
            let cell = columns(rowRect, count: perRow)[index % perRow]
            let isAvailable = tile.unavailableReason == nil
            let style: ButtonStyle = isAvailable ? .secondary : .disabled
            panel(cell, style.fill)
            let caption = isAvailable ? tile.name : tile.name + "\n" + text(.guideOnly)
            label(caption, in: cell.insetBy(dx: metrics.gap * 2, dy: metrics.gap), size: metrics.body, color: style.textColor,
                  backdrop: style.fill, alignment: .center, centredVertically: true)
            addTarget(cell, .service(tile.serviceID))
        }
    }
}
