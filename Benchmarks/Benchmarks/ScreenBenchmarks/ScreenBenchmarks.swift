import Benchmark
import Foundation
import Graphics

/// The reference kiosk scene (bench/reference-scene.md) at 1080x1920 XRGB8888, drawn straight
/// into a plain frame buffer of W*4 bytes a row, against a memcpy of the same frame in the same
/// run: compare the ratios, not the milliseconds, on a shared machine.
///
/// Registered in the order they run: the memcpy baseline right before the warm repaint it is
/// compared with. Each sample is one operation; the frames, fonts and renderers are made once, before the
/// samples, so that warm and small measure a steady screen (as on a kiosk), not the set-up.
///
/// - cold: a fresh renderer (no corner or shadow masks) and a fresh font set (faces open, no
///   glyph rendered), laying out and drawing the first frame. Opening the fonts is not measured.
/// - warm: a full repaint of the same list, every glyph and mask cached.
/// - small: a repaint of one button-sized area, 30% of W x 10% of H.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        timeUnits: .microseconds,
        warmupIterations: 5,
        maxDuration: .seconds(20),
        // The reference averages 30 repaints; 300 samples (about a quarter of a second of
        // repainting) ride out the bursts of a shared machine better. Cold frames stay at 30.
        maxIterations: 300)

    let scene = ReferenceScene(width: 1080, height: 1920)
    let frameBytes = scene.width * scene.height * 4
    let steady = SteadyScreen(scene)

    Benchmark("memcpy of one 1080x1920 XRGB8888 frame (\(frameBytes) bytes, baseline)") { benchmark in
        for _ in benchmark.scaledIterations {
            memcpy(steady.copy.pixels, steady.frame.pixels, frameBytes)
            blackHole(steady.copy.pixels)
        }
    }

    Benchmark("Reference scene, warm full repaint") { benchmark in
        for _ in benchmark.scaledIterations {
            steady.renderer.repaint(steady.list, in: steady.frame.buffer.bounds, into: steady.frame.buffer)
            blackHole(steady.frame.pixels)
        }
    }

    Benchmark("Reference scene, small repaint (30% W x 10% H on a button)") { benchmark in
        for _ in benchmark.scaledIterations {
            steady.renderer.repaint(steady.list, in: scene.smallArea, into: steady.frame.buffer)
            blackHole(steady.frame.pixels)
        }
    }

    // The same kind of change through damage tracking: the first button's colour toggles; the
    // renderer finds it in the list and redraws only that button.
    Benchmark("Reference scene, one button changes colour (damage tracked)") { benchmark in
        for _ in benchmark.scaledIterations {
            steady.pressed.toggle()
            blackHole(steady.renderer.render(steady.pressed ? steady.pressedList : steady.list, into: steady.frame.buffer))
        }
    }

    Benchmark("Reference scene, cold first frame (fresh fonts and renderer)", configuration: .init(maxIterations: 30)) { benchmark in
        for _ in benchmark.scaledIterations {
            let fonts = try FontSet(chain: [.notoSansCJKSimplifiedChinese])
            benchmark.startMeasurement()
            let renderer = ScreenRenderer()
            let list = scene.drawList(fonts: fonts)
            blackHole(renderer.render(list, into: steady.coldFrame.buffer))
            benchmark.stopMeasurement()
        }
    }
}

/// The scene as a kiosk shows it: fonts open, the list laid out, drawn once.
final class SteadyScreen {
    let frame: Frame
    let copy: Frame
    let coldFrame: Frame
    let fonts: FontSet
    let renderer = ScreenRenderer()
    let list: DrawList
    let pressedList: DrawList
    var pressed = false

    init(_ scene: ReferenceScene) {
        frame = Frame(scene, filler: 0)
        copy = Frame(scene, filler: 0)
        coldFrame = Frame(scene, filler: 0)
        fonts = try! FontSet(chain: [.notoSansCJKSimplifiedChinese])
        list = scene.drawList(fonts: fonts)
        var pressedList = list
        let index = pressedList.commands.firstIndex { if case .roundedRect = $0 { true } else { false } }!
        if case .roundedRect(let rect, let radius, _) = pressedList.commands[index] {
            pressedList.commands[index] = .roundedRect(rect, radius: radius, color: Color(rgb: 0x1976D2))
        }
        self.pressedList = pressedList
        renderer.render(list, into: frame.buffer)
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
