import Foundation
import Hummingbird
import KioskSimulation

/// What the page may ask for, checked before anything reaches a FIFO or a socket. Each mistake is
/// a 400 that says what was wrong and what is accepted.
enum DemoRequest {
    struct Tap: Decodable { var x: Int; var y: Int }
    struct Card: Decodable { var action: String; var card: String? }
    struct Printer: Decodable { var state: String }

    /// The printer states the page offers (`kiosk-sim printer control` knows more).
    static let printerStates = ["ready", "paper-near-end", "paper-out", "cover-open", "jam"]

    /// The body as JSON of `type`, at most 1 KiB.
    static func decode<Body: Decodable>(_ type: Body.Type, from request: Request, example: String) async throws -> Body {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: 1024)
        } catch {
            throw HTTPError(.contentTooLarge, message: "The body is over 1 KiB; send JSON like \(example).")
        }
        do {
            return try JSONDecoder().decode(type, from: Data(buffer.readableBytesView))
        } catch {
            throw HTTPError(.badRequest, message: "The body is not JSON like \(example) (whole numbers, strings in quotes).")
        }
    }

    /// A tap's position on the frame, refused when it is off the screen.
    static func tap(_ request: Request, width: Int, height: Int) async throws -> (x: Int32, y: Int32) {
        let tap = try await decode(Tap.self, from: request, example: #"{"x": 540, "y": 960}"#)
        guard (0..<width).contains(tap.x), (0..<height).contains(tap.y) else {
            throw HTTPError(.badRequest, message: "(\(tap.x), \(tap.y)) is off the screen; x must be 0 to \(width - 1) and y 0 to \(height - 1).")
        }
        return (Int32(tap.x), Int32(tap.y))
    }

    /// The card reader simulator's command: "place NAME" or "lift".
    static func cardCommand(_ request: Request) async throws -> String {
        let card = try await decode(Card.self, from: request, example: #"{"action": "place", "card": "resident"}"#)
        switch card.action {
        case "place":
            guard let name = card.card, SampleCards.all[name] != nil else {
                throw HTTPError(.badRequest, message: "Unknown card '\(card.card ?? "")'; the sample cards are \(SampleCards.names.joined(separator: ", ")).")
            }
            return "place \(name)"
        case "lift":
            return "lift"
        default:
            throw HTTPError(.badRequest, message: "Unknown action '\(card.action)'; use place or lift.")
        }
    }

    /// The printer simulator's command: one of `printerStates`.
    static func printerCommand(_ request: Request) async throws -> String {
        let printer = try await decode(Printer.self, from: request, example: #"{"state": "paper-out"}"#)
        guard printerStates.contains(printer.state) else {
            throw HTTPError(.badRequest, message: "Unknown printer state '\(printer.state)'; use \(printerStates.joined(separator: ", ")).")
        }
        return printer.state
    }
}
