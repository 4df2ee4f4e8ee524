#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Foundation
import Graphics
import KioskSimulation

struct PrinterSimulatorRun: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run the simulated printer until killed.")

    @Option(help: "TCP port on 127.0.0.1 to listen on, as a network printer's 9100.")
    var port: Int = 9100

    @Option(help: ArgumentHelp("Directory for the ticket pictures (ticket-0001.png, …).", valueName: "directory"))
    var output: String

    @Option(help: ArgumentHelp("Unix socket for state changes (see `kiosk-sim printer control`).", valueName: "path"))
    var control: String

    @Option(help: ArgumentHelp("Also take input on a pty and link its slave here, as a serial printer.", valueName: "path"))
    var pty: String?

    @Option(help: "Paper width in dots: 576 for 80 mm, 384 for 58 mm.")
    var width: Int = 576

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("Please give a port from 1 to 65535.") }
        guard width > 0, width % 8 == 0, width <= 2048 else { throw ValidationError("Please give a paper width in dots that is a multiple of 8, e.g. 576 or 384.") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("The output directory '\(output)' does not exist; create it first.")
        }
    }

    func run() throws {
        let library = try? FreeTypeLibrary()
        let font = library.flatMap { try? FontFace(library: $0, path: FontFace.notoSansCJKPath, faceIndex: FontFace.notoSansCJKSimplifiedChineseFace, pixelSize: ESCPOSInterpreter.glyphDots) }
        if font == nil { PrinterSimulator.log("no CJK font at '\(FontFace.notoSansCJKPath)' (apt install fonts-noto-cjk); text is not drawn") }
        let simulator = PrinterSimulator(widthDots: width, outputDirectory: output, font: font)

        let listener = try SimulatorSockets.listenTCP(port: port)
        let controlListener = try SimulatorSockets.listenUnix(path: control)
        if let pty {
            let master = try SimulatorSockets.openPTY(linkedAt: pty)
            Thread.detachNewThread { simulator.serve(master) }
        }
        Thread.detachNewThread {
            while true {
                let client = accept(controlListener, nil, nil)
                guard client >= 0 else { continue }
                let command = SimulatorSockets.readLine(client)
                let answer = simulator.control(command)
                SimulatorSockets.writeLine(client, answer)
                close(client)
            }
        }
        PrinterSimulator.log("listening on 127.0.0.1:\(port), control socket '\(control)', tickets in '\(output)'")
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            Thread.detachNewThread { simulator.serve(client) }
        }
    }
}
