import Benchmark
import DeviceDrivers
import Foundation

/// Encoding what kioskd prints most: a queue ticket in text mode (number, service, window, QR),
/// and an 80 mm receipt sent as one raster image (printers without a Chinese font ROM). Each is
/// measured against copying the same number of output bytes (memcpy), in the same run, so the
/// ratio says how much the encoder costs over merely producing its output.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        // Nanoseconds: copying a ticket's 344 bytes takes well under a microsecond.
        timeUnits: .nanoseconds,
        warmupIterations: 50,
        maxDuration: .seconds(5),
        maxIterations: 20000)

    let ticket = PrintDocument([
        .title("不动产登记"),
        .bigNumber("A017"),
        .line("请到 3 号窗口办理，前面还有 5 人"),
        .keyValue("取号时间", "2026-11-26 09:41"),
        .keyValue("业务", "不动产权证书补办"),
        .rule,
        .qrCode("https://hall.example.gov.cn/q/K-0412/A017?t=1764121260"),
        .cut,
    ])
    let ticketBytes = try! ticket.escposBytes(for: .standard80mm).count
    let receipt = ReceiptRaster.make()
    var receiptEncoder = ESCPOSEncoder()
    receiptEncoder.rasterImage(receipt)
    let receiptBytes = receiptEncoder.bytes.count

    Benchmark("Queue ticket, text mode with hardware QR (\(ticketBytes) bytes out)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try ticket.escposBytes(for: .standard80mm))
        }
    }

    // The part of the ticket that goes through iconv, to see how much of the ticket it is.
    Benchmark("GB18030 of the ticket's 4 Chinese texts (iconv)") { benchmark in
        let texts = ["不动产登记", "请到 3 号窗口办理，前面还有 5 人", "取号时间", "业务不动产权证书补办"]
        for _ in benchmark.scaledIterations {
            for text in texts { blackHole(try GB18030.encode(text)) }
        }
    }

    Benchmark("memcpy of \(ticketBytes) bytes (ticket baseline)") { benchmark in
        let source = [UInt8](repeating: 0x41, count: ticketBytes)
        for _ in benchmark.scaledIterations {
            blackHole(MemcpyBaseline.copy(source))
        }
    }

    Benchmark("80 mm raster receipt, 576 x \(receipt.height) dots (\(receiptBytes) bytes out)") { benchmark in
        for _ in benchmark.scaledIterations {
            var encoder = ESCPOSEncoder()
            encoder.rasterImage(receipt)
            blackHole(encoder.bytes)
        }
    }

    Benchmark("memcpy of \(receiptBytes) bytes (receipt baseline)") { benchmark in
        let source = [UInt8](repeating: 0x41, count: receiptBytes)
        for _ in benchmark.scaledIterations {
            blackHole(MemcpyBaseline.copy(source))
        }
    }
}

enum MemcpyBaseline {
    /// A fresh array holding a copy of `source`, made with memcpy: the least any encoder that
    /// returns its output as a new array can do.
    static func copy(_ source: [UInt8]) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: source.count) { buffer, count in
            source.withUnsafeBytes { _ = memcpy(buffer.baseAddress!, $0.baseAddress!, source.count) }
            count = source.count
        }
    }
}

/// A receipt-like 1-bit image: 40 lines of 24-dot "text" (a fixed pseudo-random ink pattern over
/// part of the width) separated by 6 blank rows, as a rendered receipt would be.
enum ReceiptRaster {
    static func make() -> RasterImage {
        let lines = 40
        var image = RasterImage(width: 576, height: lines * 30)
        var seed: UInt32 = 12345
        for line in 0..<lines {
            let inkWidth = 200 + (line * 37) % 376
            for row in 0..<24 {
                for x in 0..<inkWidth {
                    seed = seed &* 1_103_515_245 &+ 12345
                    if seed >> 29 == 0 { image[x, line * 30 + row] = true }
                }
            }
        }
        return image
    }
}
