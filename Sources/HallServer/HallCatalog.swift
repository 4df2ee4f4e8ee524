import Crypto
import Foundation
import HallProtocol
import KioskCore
import KioskValues

/// The catalog the hall serves, as the bytes read from its file, with a strong ETag (a hash of
/// those bytes) so that kiosks can ask "changed since?" and get 304 when not.
public struct HallCatalog: Sendable {
    public let bytes: [UInt8]
    public let etag: String
    public let catalog: Catalog

    /// Reads and checks the catalog file. Blocks: call it from a thread that may block.
    public static func load(from path: String) throws -> HallCatalog {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let catalog: Catalog
        do {
            catalog = try JSONDecoder().decode(Catalog.self, from: data)
        } catch {
            throw CatalogError(description: "The catalog '\(path)' is not a valid catalog: \(error). See docs/hall-protocol.md for its shape.")
        }
        return HallCatalog(bytes: Array(data), catalog: catalog)
    }

    public static let empty = HallCatalog(bytes: Array(#"{"services":[],"ticketCategories":[],"version":0}"#.utf8), catalog: Catalog(version: 0, services: [], ticketCategories: []))

    init(bytes: [UInt8], catalog: Catalog) {
        self.bytes = bytes
        self.catalog = catalog
        let digest = SHA256.hash(data: bytes)
        etag = "\"" + digest.prefix(16).lowercaseHex + "\""
    }

    struct CatalogError: Error, CustomStringConvertible {
        var description: String
    }
}
