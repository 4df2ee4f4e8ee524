import ArgumentParser
import Foundation
import KioskSimulation

struct IDCardSimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "idcard",
        abstract: "A SAM ID card reader on a pty, with sample cards and fault injection.",
        discussion: """
            Prints 'pty PATH' and 'control PATH', then serves until killed. Point kioskd (or
            'kioskctl card read --device') at the pty, or at --link, which follows the pty across
            unplug/plug. With --connect SOCKET the reader is instead the far end of a Unix socket
            that a virtual machine listens on (QEMU's usb-serial chardev: the guest sees an FTDI
            reader at /dev/ttyUSB0 while kiosk-sim is connected); unplug closes the connection,
            plug connects again. Send one command per line to the control socket, e.g. with
            'socat - UNIX-CONNECT:PATH':

              place NAME          put a sample card on the reader (\(SampleCards.names.joined(separator: ", ")))
              lift                take it away
              fault KIND          spoil the next answer: stray-byte, garbage, bad-checksum, vanish
                                  (vanish: half a frame, then the reader is unplugged)
              status HEX          60 or 66: the SAM fails until 'status clear'; 41, 31, 32, 33, 40:
                                  the next card read fails with it
              status clear        end a SAM fault
              slow MS             delay every answer by MS milliseconds (0: no delay)
              unplug | plug       close the pty or socket (the reader disappears) | open a new one
              state               print the reader's state
            """)

    @Option(help: ArgumentHelp("The control socket.", valueName: "path"))
    var control: String = "/tmp/kiosk-sim-idcard.sock"

    @Option(help: ArgumentHelp("A symlink kept pointing at the current pty (like udev's /dev/kiosk/ links).", valueName: "path"))
    var link: String?

    @Option(help: ArgumentHelp("Serve the reader on this Unix socket (a VM's usb-serial chardev) instead of a pty.", valueName: "socket"))
    var connect: String?

    @Option(help: ArgumentHelp("Pace answers at this serial speed (0: as fast as the pty goes).", valueName: "baud"))
    var paceBaud: Int = 0

    @Option(help: ArgumentHelp("A sample card already on the reader at start.", valueName: "name"))
    var card: String?

    func validate() throws {
        if let card, SampleCards.all[card] == nil {
            throw ValidationError("Unknown sample card '\(card)'; choose one of \(SampleCards.names.joined(separator: ", ")).")
        }
        if connect != nil && link != nil {
            throw ValidationError("--link names a pty; with --connect there is none. Use one or the other.")
        }
        guard paceBaud >= 0 else { throw ValidationError("--pace-baud must be 0 or a positive speed.") }
    }

    func run() throws {
        let simulator = try IDCardSimulator(controlPath: control, linkPath: link, connectPath: connect, paceBaud: paceBaud)
        if let card { simulator.handle(command: "place \(card)") }
        try simulator.plug()
        simulator.announce()
        try simulator.serveControl()
    }
}
