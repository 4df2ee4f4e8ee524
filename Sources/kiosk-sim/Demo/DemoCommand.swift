import ArgumentParser
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// `kiosk-sim demo`: a web page on 127.0.0.1 in front of the simulated kiosk that `make run`
/// starts. It shows the frame file kioskd draws into, turns clicks into taps on the touch FIFO,
/// places and lifts sample cards and switches the printer's state through the simulators' control
/// sockets, and shows the tickets the simulated printer drew.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Serve a web page on 127.0.0.1 that shows the simulated kiosk's screen and drives its simulated devices.",
        discussion: """
            Example (make run starts it this way):
              kiosk-sim demo --port 8080 --frame .run/fb --touch .run/touch.fifo \\
                --card-control .run/idcard-control.sock --printer-control .run/printer.sock \\
                --paper .run/paper --report-url https://127.0.0.1:8443/report
            Then open http://127.0.0.1:8080/ in a browser.
            """)

    @Option(help: "TCP port on 127.0.0.1 to serve the page on; 0 picks a free one.")
    var port = 8080

    @Option(help: ArgumentHelp("The frame file kioskd draws into (its `file:` display).", valueName: "path"))
    var frame: String

    @Option(help: "The frame's width in pixels.")
    var width = 1080

    @Option(help: "The frame's height in pixels.")
    var height = 1920

    @Option(help: ArgumentHelp("The touch panel's FIFO; clicks become taps there, in frame pixels.", valueName: "path"))
    var touch: String

    @Option(help: ArgumentHelp("The ID card reader simulator's control socket (kiosk-sim idcard --control).", valueName: "path"))
    var cardControl: String

    @Option(help: ArgumentHelp("The printer simulator's control socket (kiosk-sim printer run --control).", valueName: "path"))
    var printerControl: String

    @Option(help: ArgumentHelp("The directory the printer simulator writes its tickets into.", valueName: "directory"))
    var paper: String

    @Option(help: ArgumentHelp("Where the hall's morning report is, for the page's link.", valueName: "url"))
    var reportURL = "https://127.0.0.1:8443/report"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("Please give a port from 0 to 65535.") }
        guard (1...8192).contains(width), (1...8192).contains(height) else { throw ValidationError("Please give a frame size from 1x1 to 8192x8192.") }
    }

    func run() async throws {
        var logger = Logger(label: "kiosk-sim demo")
        logger.logLevel = .notice
        let devices = DemoDevices(touchFIFO: touch, cardControl: cardControl, printerControl: printerControl, paperDirectory: paper)
        let screen = FrameWatcher(path: frame, width: width, height: height)
        let router = Router()
        DemoRoutes(screen: screen, devices: devices, reportURL: reportURL).register(in: router)
        let application = Application(
            router: router,
            // Loopback only: the page drives the kiosk's devices and has no authentication.
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port), serverName: "kiosk-sim demo"),
            onServerRunning: { channel in
                // make run and the tests wait for this line.
                FileHandle.standardOutput.write(Data("kiosk-sim demo listening on http://127.0.0.1:\(channel.localAddress?.port ?? 0)/\n".utf8))
            },
            logger: logger)
        let group = ServiceGroup(services: [application], gracefulShutdownSignals: [.sigterm, .sigint], cancellationSignals: [], logger: logger)
        try await group.run()
    }
}
