import ControlProtocol
import DeviceDrivers
import Foundation
import Graphics
import Journal
import KioskConcurrency
import KioskConfiguration
import KioskCore
import KioskUI
import Logging
import ServiceLifecycle
import Synchronization

/// Owns the display: opens it (again and again, with backoff, while it is missing), draws the
/// kiosk's screen, and serves the technicians' screen commands (test pattern, touch test,
/// calibration, screenshot). One task (`run`) owns the display, the renderer and the fonts;
/// everything reaches it through one queue, so nothing draws concurrently.
///
/// Nothing runs while the screen is static: the task waits on its queue, fed by control
/// requests, touches and one-shot timers (a test pattern's end).
package final class ScreenService: Service, DeviceStatusReporting {
    let configuration: DisplayConfiguration
    let kioskID: String
    let logger: Logger
    /// `[devices.touchscreen]`: read by the screen task, which maps touches onto what it shows.
    let touchscreen: TouchscreenConfiguration?
    /// Where taps on the journey's screen go, resolved to what the citizen meant.
    let journey: JourneyInbox?

    /// Faults and recoveries of the display and the touch panel, for the hall's report.
    private let displayFaults: DeviceFaultRecorder
    private let touchFaults: DeviceFaultRecorder?
    private let snapshot = Mutex(ScreenSnapshot())
    private let events: AsyncStream<ScreenEvent>
    private let eventContinuation: AsyncStream<ScreenEvent>.Continuation

    package init(configuration: DisplayConfiguration, touchscreen: TouchscreenConfiguration?, kioskID: String, journal: Journal, journey: JourneyInbox?, logger: Logger) {
        self.configuration = configuration
        self.kioskID = kioskID
        self.touchscreen = touchscreen
        self.journey = journey
        var logger = logger
        logger[metadataKey: "device.path"] = "\(configuration.device)"
        self.logger = logger
        displayFaults = DeviceFaultRecorder(device: "display", path: configuration.device, journal: journal, logger: logger)
        touchFaults = touchscreen.map { DeviceFaultRecorder(device: "touchscreen", path: $0.device, journal: journal, logger: logger) }
        (events, eventContinuation) = AsyncStream.makeStream(of: ScreenEvent.self, bufferingPolicy: .unbounded)
        snapshot.withLock { $0.rotation = configuration.rotation }
    }

    /// Hands a control request to the screen task and waits for its answer; while the display
    /// is not open, answers at once with the reason.
    func answer(_ command: ControlCommand) async -> ControlResponse {
        let unavailable = snapshot.withLock { $0.isOpen ? nil : ($0.lastError ?? "it is still being opened") }
        if let unavailable {
            return .failure(.deviceFailed, "The display is unavailable: \(unavailable)")
        }
        return await withCheckedContinuation { answer in
            if case .terminated = eventContinuation.yield(.command(command, answer)) {
                answer.resume(returning: .failure(.deviceFailed, "The screen service has stopped (kioskd is shutting down)."))
            }
        }
    }

    /// Shows the journey's screen (after any technician's mode ends). Never waits.
    func showKiosk(_ view: KioskView) {
        eventContinuation.yield(.kioskView(view))
    }

    package func run() async throws {
        await cancelWhenGracefulShutdown {
            guard let controller = await self.openController() else { return }
            await self.serve(controller)
            await controller.backlight?.set(dimmed: false)
            self.snapshot.withLock { $0.isOpen = false }
            // A touch test or calibration still waiting gets its answer, not a hung kioskctl.
            await self.finishMode(controller, answer: .failure(.deviceFailed, "kioskd is shutting down; run the command again when it is back."))
            await controller.display.close()
        }
        // Answer whatever is still queued, so that no kioskctl waits for a screen that is gone.
        eventContinuation.finish()
        for await event in events {
            if case let .command(_, answer) = event {
                answer.resume(returning: .failure(.deviceFailed, "The screen service has stopped (kioskd is shutting down)."))
            }
        }
    }

    /// Opens the display and the fonts, retrying the display with backoff (0.5 s doubling to
    /// 30 s) while it is missing; nil when shut down first. Commands that arrive meanwhile are
    /// answered with the reason by `answer(_:)`.
    private func openController() async -> ScreenController? {
        let fonts: FontSet
        do {
            fonts = try FontSet.standard()
        } catch {
            logger.critical("No font for the screen; install fonts-noto-cjk", metadata: ["cause": "\(error)"])
            record(error: "\(error)", state: "failed")
            return nil
        }
        for font in fonts.skipped {
            logger.notice("A fallback font is missing; rare characters may show as boxes", metadata: ["font.path": "\(font.source.path)", "cause": "\(font.reason)"])
        }
        let rotation = DisplayRotation(degrees: configuration.rotation) ?? .degrees0
        var backoff = DeviceReopening.backoff
        var reported = false
        while !Task.isCancelled {
            do {
                let display = try await openDisplay(configuration.device, rotation: rotation)
                for note in display.notes { logger.notice("\(note)") }
                logger.info("Display ready", metadata: ["display.kind": "\(display.kind)", "display.size": "\(display.width)x\(display.height)",
                                                        "display.format": "\(display.format)", "display.buffering": "\(display.bufferingMode)"])
                snapshot.withLock {
                    $0.isOpen = true
                    $0.state = "on"
                    $0.width = display.width
                    $0.height = display.height
                    $0.format = "\(display.format)"
                    $0.buffering = display.bufferingMode
                    $0.lastError = nil
                }
                await displayFaults.recovered()
                let controller = ScreenController(display: display, fonts: fonts, kioskID: kioskID, panelMillimetres: configuration.panelSizeMillimetres)
                controller.backlight = PanelBacklight.make(configuration, for: display, logger: logger)
                return controller
            } catch {
                if !reported {
                    logger.error("Display unavailable; retrying by itself", metadata: ["cause": "\(error.message)"])
                    reported = true
                }
                record(error: error.message, state: "not connected")
                await displayFaults.fault(code: error.code.rawValue, message: error.message)
            }
            try? await Task.sleep(for: backoff.nextDelay())
        }
        return nil
    }

    private func serve(_ controller: ScreenController) async {
        await show(controller)
        // Touches join the queue in the order they happened.
        let panel = controller.panelSize, rotation = controller.display.rotation
        let reading = Task { [eventContinuation, touchscreen, logger] in
            guard let touchscreen else { return }
            await TouchReading.run(touchscreen, panelWidth: panel.width, panelHeight: panel.height, rotation: rotation, events: eventContinuation, logger: logger)
        }
        defer { reading.cancel() }
        for await event in events {
            switch event {
            case let .command(command, answer):
                // Touch tests and calibrations answer when they end; everything else now.
                if let response = await handle(command, answer: answer, controller) { answer.resume(returning: response) }
            case let .touch(event):
                guard let panel = controller.touchPanel else { continue }
                await handle(panel.screenTouch(event), controller)
            case let .kioskView(view):
                controller.setKioskView(view)
                snapshot.withLock { $0.screenName = view.screen.name }
                if case .kiosk = controller.mode { await show(controller) }
            case let .touchOpened(mapping):
                controller.touchPanel = TouchPanel(mapping: mapping, rotation: controller.display.rotation)
                snapshot.withLock {
                    $0.touchState = "ready"
                    $0.touchError = nil
                }
                await touchFaults?.recovered()
            case let .touchLost(reason):
                controller.touchPanel = nil
                snapshot.withLock {
                    $0.touchState = "not connected"
                    $0.touchError = reason
                }
                await touchFaults?.fault(code: DeviceError.Code.notConnected.rawValue, message: reason)
            case let .modeEnded(generation):
                guard generation == controller.generation else { continue }
                await finishMode(controller, answer: nil)
            }
            // Dim only under the dimmed attract screen: a technician's test pattern or
            // calibration, and every citizen's screen, get full brightness.
            await controller.backlight?.set(dimmed: controller.showsDimmedAttract)
        }
    }

    // MARK: Modes

    /// Carries out a screen command; nil when `answer` was kept to be resumed when the mode ends.
    private func handle(_ command: ControlCommand, answer: CheckedContinuation<ControlResponse, Never>, _ controller: ScreenController) async -> ControlResponse? {
        switch command {
        case let .screenStatus(screenshot):
            var report = self.report()
            if case .kiosk = controller.mode, let layout = controller.kioskLayout?.layout {
                report.targets = layout.targets.map { ScreenTargetRecord(intent: $0.intent.name, x: $0.rect.x, y: $0.rect.y, width: $0.rect.width, height: $0.rect.height) }
            }
            if screenshot {
                do {
                    report.screenshotPNG = Data(try PNGFile.encode(controller.display.screenshot()))
                } catch {
                    return .failure(.internalError, "\(error)")
                }
            }
            return ControlResponse(ok: true, screen: report)
        case let .screenTestPattern(requested):
            guard let seconds = Self.seconds(requested, range: 1...600) else { return .failure(.badRequest, "seconds must be a whole number from 1 to 600.") }
            await finishMode(controller, answer: .failure(.deviceFailed, "Interrupted by a test pattern."))
            controller.mode = .testPattern
            startTimer(controller, seconds: seconds)
            await show(controller)
            logger.notice("Showing the test pattern", metadata: ["seconds": "\(seconds)"])
            return ControlResponse(ok: true, screen: report())
        case .screenTouchTest(let requested), .screenCalibrate(let requested):
            guard touchscreen != nil else {
                return .failure(.notConfigured, "This kiosk has no touchscreen configured ([devices.touchscreen] in kioskd's configuration).")
            }
            guard controller.touchPanel != nil else {
                let reason = snapshot.withLock { $0.touchError } ?? "it is still being opened"
                return .failure(.deviceFailed, "The touchscreen is unavailable: \(reason)")
            }
            let calibrating = if case .screenCalibrate = command { true } else { false }
            guard let seconds = Self.seconds(requested, range: calibrating ? 10...300 : 1...600) else {
                return .failure(.badRequest, calibrating ? "seconds must be a whole number from 10 to 300." : "seconds must be a whole number from 1 to 600.")
            }
            await finishMode(controller, answer: .failure(.deviceFailed, "Interrupted by another screen command."))
            // The answer comes when the mode ends: after `seconds`, or after the fifth target.
            controller.mode = calibrating ? .calibrating(raw: [], answer: answer) : .touchTest(touches: [], answer: answer)
            startTimer(controller, seconds: seconds)
            await show(controller)
            logger.notice(calibrating ? "Calibrating the touchscreen" : "Touch test", metadata: ["seconds": "\(seconds)"])
            return nil
        default:
            return .failure(.unknownCommand, "'\(command.name)' is no screen command.")
        }
    }

    private func handle(_ touch: ScreenTouch, _ controller: ScreenController) async {
        switch controller.mode {
        case .kiosk:
            // A tap acts when the finger lands: the quickest answer, and the Flow ignores a
            // second tap on a screen that has already changed.
            guard touch.phase == .down else { return }
            guard let intent = controller.intent(at: Point(x: touch.x, y: touch.y)) else {
                logger.trace("Tap outside every button", metadata: ["touch.x": "\(touch.x)", "touch.y": "\(touch.y)"])
                return
            }
            // Which digit was typed is not logged: digits make up PINs and phone numbers.
            let logged = if case .digit = intent { "digit" } else { intent.name }
            logger.debug("Tap", metadata: ["intent": "\(logged)"])
            journey?.send(.tapped(intent))
        case .testPattern:
            break
        case .touchTest(var touches, let answer):
            touches.append(TouchRecord(phase: touch.phase.rawValue, contact: touch.contact, rawX: touch.rawX, rawY: touch.rawY, x: touch.x, y: touch.y))
            // A finger dragged for ten minutes sends tens of thousands of moves; keep the answer small.
            if touches.count > Self.touchTestLimit { touches.removeFirst(touches.count - Self.touchTestLimit) }
            controller.mode = .touchTest(touches: touches, answer: answer)
            if touch.phase == .down { await show(controller) }
        case .calibrating(var raw, let answer):
            guard touch.phase == .down else { return }
            raw.append(touch)
            controller.mode = .calibrating(raw: raw, answer: answer)
            if raw.count == CalibrationScreen.targets(width: 1, height: 1).count {
                await finishMode(controller, answer: nil)
            } else {
                await show(controller)
            }
        }
    }

    /// Ends a timed mode: answers its waiting kioskctl (with `answer`, or with what the mode
    /// gathered) and goes back to the kiosk's screen.
    private func finishMode(_ controller: ScreenController, answer override: ControlResponse?) async {
        let mode = controller.mode
        controller.mode = .kiosk
        controller.generation += 1
        controller.timer?.cancel()
        controller.timer = nil
        switch mode {
        case .kiosk:
            return
        case .testPattern:
            break
        case let .touchTest(touches, answer):
            var report = report()
            report.touches = touches
            answer.resume(returning: override ?? ControlResponse(ok: true, screen: report))
        case let .calibrating(raw, answer):
            answer.resume(returning: override ?? calibrationAnswer(raw, controller))
        }
        await show(controller)
    }

    private func calibrationAnswer(_ touches: [ScreenTouch], _ controller: ScreenController) -> ControlResponse {
        let targets = CalibrationScreen.targets(width: controller.display.width, height: controller.display.height)
        guard touches.count == targets.count, var panel = controller.touchPanel else {
            return .failure(.deviceFailed, "Calibration needs a touch on each of the \(targets.count) targets; got \(touches.count). Run it again and touch each cross.")
        }
        do {
            let result = try panel.calibrate(touches: touches, targets: targets)
            controller.touchPanel = panel
            logger.notice("Touchscreen calibrated", metadata: ["calibration": "\(result.matrix)", "error.px": "\(result.meanErrorPixels)"])
            var report = report()
            report.calibration = result.matrix.values
            report.calibrationErrorPixels = result.meanErrorPixels
            return ControlResponse(ok: true, screen: report)
        } catch {
            return .failure(.deviceFailed, "\(error)")
        }
    }

    private func startTimer(_ controller: ScreenController, seconds: Int) {
        let generation = controller.generation
        controller.timer = Task { [eventContinuation] in
            try? await Task.sleep(for: .seconds(seconds))
            if !Task.isCancelled { eventContinuation.yield(.modeEnded(generation: generation)) }
        }
    }

    /// Draws the current mode's screen and presents what changed.
    private func show(_ controller: ScreenController) async {
        do {
            let frames = try await controller.present()
            snapshot.withLock {
                $0.frames += frames
                $0.state = "on"
            }
            await displayFaults.recovered()
        } catch {
            logger.error("Unable to show a frame", metadata: ["cause": "\(error.message)"])
            record(error: error.message, state: "failed")
            await displayFaults.fault(code: error.code.rawValue, message: error.message)
        }
    }

    // MARK: Status

    private func record(error: String, state: String) {
        snapshot.withLock {
            $0.lastError = error
            $0.lastErrorAt = Date()
            $0.state = state
        }
    }

    func report() -> ScreenReport {
        let snapshot = snapshot.withLock { $0 }
        var report = ScreenReport(device: configuration.device, state: snapshot.state, width: snapshot.width, height: snapshot.height, rotation: snapshot.rotation,
                                  pixelFormat: snapshot.format, buffering: snapshot.buffering, frames: snapshot.frames, lastError: snapshot.lastError)
        report.screen = snapshot.screenName
        return report
    }

    package func deviceSummaries() async -> [DeviceSummary] {
        let snapshot = snapshot.withLock { $0 }
        let model = snapshot.width > 0 ? "\(snapshot.width)x\(snapshot.height) \(snapshot.format), \(snapshot.buffering)" : nil
        var summaries = [DeviceSummary(name: "display", kind: "display", path: configuration.device, state: snapshot.state == "on" ? "ready" : snapshot.state, lastError: snapshot.lastError,
                                       model: model, lastErrorAt: snapshot.lastErrorAt, counters: ["frames": snapshot.frames])]
        if let touchscreen {
            summaries.append(DeviceSummary(name: "touchscreen", kind: "touch", path: touchscreen.device, state: snapshot.touchState, lastError: snapshot.touchError))
        }
        return summaries
    }

    /// The most touches a touch test answers with (the latest ones).
    static let touchTestLimit = 2000

    /// The seconds asked for, or the range's start; nil outside the range.
    private static func seconds(_ requested: Int?, range: ClosedRange<Int>) -> Int? {
        guard let requested else { return range.lowerBound }
        return range.contains(requested) ? requested : nil
    }
}

extension ScreenService: CustomStringConvertible {
    package var description: String { "screen \(configuration.device)" }
}

/// What `kioskctl screen status` and `kioskctl status` show, kept current by the screen task.
struct ScreenSnapshot: Sendable {
    /// The display is open and the screen task takes commands.
    var isOpen = false
    var state = "opening"
    var width = 0
    var height = 0
    var rotation = 0
    var format = "unknown"
    var buffering = "none"
    var frames = 0
    var lastError: String?
    var lastErrorAt: Date?
    /// The touchscreen: "opening" until the display is up, then "ready" or "not connected".
    var touchState = "opening"
    var touchError: String?
    /// The journey's screen ("attract", "home", …); nil before its first.
    var screenName: String?
}

enum ScreenEvent: Sendable {
    case command(ControlCommand, CheckedContinuation<ControlResponse, Never>)
    /// A touch in the panel's raw units; the screen task maps it with the current calibration.
    case touch(TouchEvent)
    case touchOpened(TouchMapping)
    case touchLost(String)
    /// The journey's screen changed.
    case kioskView(KioskView)
    /// A timed mode (test pattern, touch test, calibration) ran out; stale timers carry an old
    /// generation and are ignored.
    case modeEnded(generation: Int)
}
