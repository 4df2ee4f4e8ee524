import DeviceDrivers
import KioskConfiguration
import Logging
import NIOPosix

/// Turns the panel's backlight down while the attract screen is dimmed (a 24-hour kiosk spends
/// most of the night there) and back up for everything else. The backlight is most of a panel's
/// power; darker pixels alone save none of it. Owned by the screen task; sysfs is written on
/// NIO's blocking pool.
final class PanelBacklight {
    let backlight: Backlight
    let dimmedPercent: Int
    let logger: Logger
    /// The level found before dimming, put back when the screen brightens; nil while bright.
    private var savedLevel: Int?
    private var reportedFailure = false

    /// The configured backlight; for a real display without one, the machine's first; none for a
    /// frame file, so that a simulation never touches the host's panel.
    static func make(_ configuration: DisplayConfiguration, for display: any Display, logger: Logger) -> PanelBacklight? {
        let backlight: Backlight?
        if let directory = configuration.backlight {
            backlight = Backlight(directory: directory)
        } else if display.kind == "file" {
            backlight = nil
        } else {
            backlight = Backlight.first()
        }
        return backlight.map { PanelBacklight(backlight: $0, dimmedPercent: configuration.dimmedBacklightPercent, logger: logger) }
    }

    init(backlight: Backlight, dimmedPercent: Int, logger: Logger) {
        self.backlight = backlight
        self.dimmedPercent = dimmedPercent
        self.logger = logger
    }

    /// Dims (true) or restores (false) the backlight; does nothing when it already is so.
    func set(dimmed: Bool) async {
        guard dimmed != (savedLevel != nil) else { return }
        let (backlight, percent, saved) = (self.backlight, dimmedPercent, savedLevel)
        // In a task of its own: the screen task is already cancelled when it restores the
        // backlight at shutdown, and the restore must still happen.
        let write: @Sendable () -> Result<Int?, BacklightProblem> = { Self.write(backlight, restoring: saved, dimmingTo: percent) }
        let outcome = await Task { try? await NIOThreadPool.singleton.runIfActive(write) }.value
        switch outcome {
        case .success(let level)?:
            savedLevel = level
            logger.debug(dimmed ? "Backlight dimmed for the night's attract screen" : "Backlight restored", metadata: ["backlight": "\(backlight.directory)"])
        case .failure(let problem)?:
            guard !reportedFailure else { return }
            reportedFailure = true
            logger.warning("The backlight cannot be dimmed; the panel stays at full brightness. Check that kioskd's user may write it (udev rule) or set [devices.display] backlight.",
                           metadata: ["backlight": "\(backlight.directory)", "cause": "\(problem)"])
        case nil:
            return  // NIO's pool is gone: the process is ending
        }
    }

    /// Puts `saved` back (returning nil), or, with nothing saved, sets `percent` of the maximum
    /// (returning the level it found). Blocks on sysfs.
    private static func write(_ backlight: Backlight, restoring saved: Int?, dimmingTo percent: Int) -> Result<Int?, BacklightProblem> {
        if let saved {
            return backlight.setBrightness(saved) ? .success(nil) : .failure(BacklightProblem(description: "cannot write brightness"))
        }
        guard let level = backlight.brightness(), let maximum = backlight.maximumBrightness(), maximum > 0 else {
            return .failure(BacklightProblem(description: "cannot read brightness and max_brightness"))
        }
        guard backlight.setBrightness(max(1, maximum * percent / 100)) else {
            return .failure(BacklightProblem(description: "cannot write brightness"))
        }
        return .success(level)
    }

    struct BacklightProblem: Error, CustomStringConvertible { let description: String }
}
