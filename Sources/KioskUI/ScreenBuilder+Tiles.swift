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
        let rowGap = metrics.gap / 4
        let tileHeight = min(metrics.buttonHeight * 3 / 2, (area.height - (rows - 1) * rowGap) / rows)
        let cellWidth = columns(Rect(x: area.x, y: area.y, width: area.width, height: tileHeight), count: perRow)[0].width
        let inner = Rect(x: 0, y: 0, width: cellWidth, height: tileHeight).insetBy(dx: metrics.gap, dy: 0)
        // One size for every tile (the smallest any name needs), so the grid reads evenly.
        let size = tiles.map { fittingSize(caption($0), maxWidth: inner.width, maxHeight: inner.height, size: metrics.body) }.min() ?? metrics.body
        for (index, tile) in tiles.enumerated() {
            let rowRect = Rect(x: area.x, y: area.y + (index / perRow) * (tileHeight + rowGap), width: area.width, height: tileHeight)
            let cell = columns(rowRect, count: perRow)[index % perRow]
            let isAvailable = tile.unavailableReason == nil
            let style: ButtonStyle = isAvailable ? .secondary : .disabled
            panel(cell, style.fill)
            label(caption(tile), in: cell.insetBy(dx: metrics.gap, dy: 0), size: size, color: style.textColor,
                  backdrop: style.fill, alignment: .center, centredVertically: true)
            addTarget(cell, .service(tile.serviceID))
        }
    }

    /// A tile's words: its name, and "guide only" when it cannot take a ticket now.
    private func caption(_ tile: ServiceTile) -> String {
        tile.unavailableReason == nil ? tile.name : tile.name + text(.guideOnly)
    }
}
