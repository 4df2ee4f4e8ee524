import Benchmark
import Foundation
import Graphics

/// The reference kiosk scene (bench/reference-scene.md) at 1080x1920 XRGB8888, drawn straight
/// into a plain frame buffer of W*4 bytes a row, against a memcpy of the same frame in the same
/// run: compare the ratios, not the milliseconds, on a shared machine.
///
/// - cold: a fresh renderer (no corner or shadow masks) and a fresh font set (faces open, no
///   glyph rendered), laying out and drawing the first frame. Opening the fonts is not measured.
/// - warm: a full repaint of the same list, every glyph and mask cached.
/// - small: a repaint of one button-sized area, 30% of W x 10% of H.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        timeUnits: .microseconds,
        warmupIterations: 3,
        maxDuration: .seconds(20),
        maxIterations: 30)

    let scene = ReferenceScene(width: 1080, height: 1920)
    let frameBytes = scene.width * scene.height * 4

    Benchmark("memcpy of one 1080x1920 XRGB8888 frame (\(frameBytes) bytes, baseline)") { benchmark in
        let source = Frame(scene, filler: 0x11)
        let destination = Frame(scene, filler: 0x22)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            memcpy(destination.pixels, source.pixels, frameBytes)
            blackHole(destination.pixels)
        }
        benchmark.stopMeasurement()
    }

    Benchmark("Reference scene, cold first frame (fresh fonts and renderer)") { benchmark in
        let frame = Frame(scene, filler: 0)
        for _ in benchmark.scaledIterations {
            let fonts = try FontSet(chain: [.notoSansCJKSimplifiedChinese])
            benchmark.startMeasurement()
            let renderer = ScreenRenderer()
            let list = scene.drawList(fonts: fonts)
            blackHole(renderer.render(list, into: frame.buffer))
            benchmark.stopMeasurement()
        }
    }

    Benchmark("Reference scene, warm full repaint") { benchmark in
        let frame = Frame(scene, filler: 0)
        let fonts = try FontSet(chain: [.notoSansCJKSimplifiedChinese])
        let renderer = ScreenRenderer()
        let list = scene.drawList(fonts: fonts)
        renderer.render(list, into: frame.buffer)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            renderer.repaint(list, in: frame.buffer.bounds, into: frame.buffer)
            blackHole(frame.pixels)
        }
        benchmark.stopMeasurement()
    }

    Benchmark("Reference scene, small repaint (30% W x 10% H on a button)") { benchmark in
        let frame = Frame(scene, filler: 0)
        let fonts = try FontSet(chain: [.notoSansCJKSimplifiedChinese])
        let renderer = ScreenRenderer()
        let list = scene.drawList(fonts: fonts)
        renderer.render(list, into: frame.buffer)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            renderer.repaint(list, in: scene.smallArea, into: frame.buffer)
            blackHole(frame.pixels)
        }
        benchmark.stopMeasurement()
    }

    // The same small change through damage tracking: a button's colour toggles, the renderer
    // finds it in the list and redraws only that button's shadow bounds.
    Benchmark("Reference scene, one button changes colour (damage tracked)") { benchmark in
        let frame = Frame(scene, filler: 0)
        let fonts = try FontSet(chain: [.notoSansCJKSimplifiedChinese])
        let renderer = ScreenRenderer()
        let list = scene.drawList(fonts: fonts)
        var pressed = list
        let index = pressed.commands.firstIndex { if case .roundedRect = $0 { true } else { false } }!
        if case .roundedRect(let rect, let radius, _) = pressed.commands[index] {
            pressed.commands[index] = .roundedRect(rect, radius: radius, color: Color(rgb: 0x1976D2))
        }
        renderer.render(list, into: frame.buffer)
        benchmark.startMeasurement()
        for iteration in benchmark.scaledIterations {
            blackHole(renderer.render(iteration % 2 == 0 ? pressed : list, into: frame.buffer))
        }
        benchmark.stopMeasurement()
    }
}

/// Frame memory as a display backend holds it: a plain allocation of W*4 bytes a row, touched
/// once so page faults are not measured.
final class Frame {
    let pixels: UnsafeMutablePointer<UInt32>
    let buffer: PixelBuffer

    init(_ scene: ReferenceScene, filler: UInt32) {
        pixels = .allocate(capacity: scene.width * scene.height)
        pixels.initialize(repeating: filler, count: scene.width * scene.height)
        buffer = PixelBuffer(wrapping: pixels, width: scene.width, height: scene.height, stride: scene.width)
    }

    deinit { pixels.deallocate() }
}
