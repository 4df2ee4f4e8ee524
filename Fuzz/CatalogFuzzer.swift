// libFuzzer target for the catalog file: the hall reads it as HallProtocol's Catalog
// (HallCatalog.load, and HallSync's CatalogCache on the kiosk); kioskd shows it as KioskCore's
// ServiceCatalog (JourneyService). Built by `make fuzz` from those types' own source files (see
// the Makefile's FUZZ_SOURCES_catalog).

import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func catalogFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    if let catalog = try? JSONDecoder().decode(Catalog.self, from: bytes) {
        let encoded = roundTrip(catalog)
        // Field names match, so the hall's JSON decodes into the kiosk's catalog too.
        guard let shown = try? JSONDecoder().decode(ServiceCatalog.self, from: encoded) else {
            fatalError("the hall's catalog '\(String(decoding: encoded, as: UTF8.self))' is not a ServiceCatalog")
        }
        require(shown.version == catalog.version
                && shown.services.map { [$0.id, $0.name, $0.location, $0.ticketCategory ?? "-"] } == catalog.services.map { [$0.id, $0.name, $0.location, $0.ticketCategory ?? "-"] }
                && shown.ticketCategories.map { [$0.prefix, $0.name] } == catalog.ticketCategories.map { [$0.prefix, $0.name] },
                "the kiosk reads \(shown) from the hall's \(catalog)")
    }
    if let catalog = try? JSONDecoder().decode(ServiceCatalog.self, from: bytes) {
        _ = roundTrip(catalog)
        let hours = catalog.openingHoursOrDefault
        require((0..<86_400).contains(hours.opensSecondOfDay), "opens at second \(hours.opensSecondOfDay)")
        // A ticket is for a working day within 60 days, or for tomorrow when there is none.
        for now in [FlowTime(2026, 12, 4, 8, 0), FlowTime(2026, 12, 31, 23, 59), FlowTime(2027, 2, 28, 12, 0)] {
            let day = hours.ticketDay(at: now)
            let ahead = day.dayNumber - now.date.dayNumber
            require((0...60).contains(ahead) && (hours.isWorkingDay(day) || ahead == 1), "a ticket at \(now) is for \(day)")
        }
    }
    return 0
}

/// A decoded catalog encodes, and decodes back to itself; the encoded bytes are returned.
func roundTrip<Value: Codable & Equatable>(_ value: Value) -> Data {
    guard let encoded = try? JSONEncoder().encode(value) else { fatalError("\(value) decoded but does not encode") }
    guard let again = try? JSONDecoder().decode(Value.self, from: encoded) else {
        fatalError("\(value) encoded as '\(String(decoding: encoded, as: UTF8.self))', which does not decode")
    }
    require(again == value, "\(value) came back as \(again)")
    return encoded
}
