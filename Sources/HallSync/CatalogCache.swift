import Foundation
import HallProtocol

/// The last catalog the hall sent, kept in the state directory (catalog.json, catalog.etag) so
/// that the kiosk shows its services with the network down. Blocking file I/O: callers run these
/// on NIO's thread pool.
struct CatalogCache: Sendable {
    let directory: String

    var catalogPath: String { directory + "/catalog.json" }
    var etagPath: String { directory + "/catalog.etag" }

    func load() -> (catalog: Catalog, etag: String?)? {
        guard let data = FileManager.default.contents(atPath: catalogPath),
              let catalog = try? JSONDecoder().decode(Catalog.self, from: data) else { return nil }
        let etag = (try? String(contentsOfFile: etagPath, encoding: .utf8)).flatMap { $0.isEmpty ? nil : $0 }
        return (catalog, etag)
    }

    /// Writes the catalog then its ETag, each atomically (write to a temporary, rename). A crash
    /// between the two leaves a stale ETag, which only costs one extra download.
    func store(bytes: [UInt8], etag: String?) throws -> Catalog {
        let catalog = try JSONDecoder().decode(Catalog.self, from: Data(bytes))
        try Data(bytes).write(to: URL(fileURLWithPath: catalogPath), options: .atomic)
        try Data((etag ?? "").utf8).write(to: URL(fileURLWithPath: etagPath), options: .atomic)
        return catalog
    }
}
