import DeviceDrivers
import Foundation
import KioskTestSupport
import Testing

/// Jobs and status through a real cupsd and a real IPP printer (ippeveprinter) on loopback.
@Suite(.enabled(if: CUPSTestEnvironment.available, "cupsd, ippeveprinter or dbus-daemon is not installed; `make test` installs them"))
struct CUPSPrinterTests {
    static let ticket: [UInt8] = {
        var encoder = ESCPOSEncoder()
        encoder.initialize()
        encoder.chineseMode(true)
        try! encoder.text("取号 A017")
        encoder.cut(.full)
        return encoder.bytes
    }()

    func queue(_ environment: CUPSTestEnvironment) -> CUPSPrinter {
        CUPSPrinter(uri: .cups(queue: environment.queue), server: environment.cupsSocket)
    }

    /// Should deliver a raw ESC/POS ticket through the CUPS queue byte for byte, and report it completed
    @Test func rawTicketLandsByteIdentical() async throws {
        let environment = try await CUPSTestEnvironment()
        let receipt = try await environment.explainingFailures { try await queue(environment).print(Self.ticket) }
        #expect(receipt.jobID == 1)
        #expect(receipt.status.condition == .ready)
        #expect(try environment.spooledDocuments() == [Self.ticket])
    }

    /// Should have a PNG page accepted and completed
    @Test func pngPageIsAccepted() async throws {
        let environment = try await CUPSTestEnvironment()
        let directory = try TemporaryDirectory()
        let page = GreyscaleBitmapFixture.page()
        let path = directory.file("page.png")
        try page.write(to: path)
        let png = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let receipt = try await environment.explainingFailures { try await queue(environment).print(png, format: "image/png", jobName: "guide") }
        #expect(receipt.bytes == png.count)
        #expect(try environment.spooledDocuments() == [png])
    }

    /// Should have a PDF page (an A4 guide) accepted and delivered unchanged
    @Test func pdfPageIsAccepted() async throws {
        let environment = try await CUPSTestEnvironment()
        let pdf = Array(Self.minimalPDF.utf8)
        let receipt = try await environment.explainingFailures { try await queue(environment).print(pdf, format: "application/pdf", jobName: "guide") }
        #expect(receipt.bytes == pdf.count)
        #expect(try environment.spooledDocuments() == [pdf])
    }

    /// One empty A4 page.
    static let minimalPDF = """
        %PDF-1.4
        1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
        2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
        3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
        trailer << /Root 1 0 R >>
        %%EOF

        """

    /// Should fail a job the printer aborts for paper out, and then report paper out as status
    @Test func paperOutFailsTheJobAndShowsInStatus() async throws {
        let environment = try await CUPSTestEnvironment()
        try environment.setPaperOut(true)
        let printer = queue(environment)
        let error = await #expect(throws: PrinterError.self) { try await printer.print(Self.ticket) }
        #expect(error?.code == .jobFailed)
        #expect(error?.message.contains("cups:ticket") == true)
        let status = try await printer.status()
        #expect(status.condition == .paperOut)
        #expect(status.raw.contains("media-empty"))
    }

    /// Should report cover open from the printer's printer-state-reasons
    @Test func coverOpenShowsInStatus() async throws {
        let environment = try await CUPSTestEnvironment()
        try environment.setCoverOpen(true)
        let printer = CUPSPrinter(uri: try PrinterURI(parsing: environment.printerURI))
        await #expect(throws: PrinterError.self) { try await printer.print(Self.ticket) }
        let status = try await printer.status()
        #expect(status.condition == .coverOpen)
        #expect(status.raw.contains("cover-open"))
    }

    /// Should refuse to send a job while the printer reports paper out
    @Test func noJobIsSentWhilePaperIsOut() async throws {
        let environment = try await CUPSTestEnvironment()
        try environment.setPaperOut(true)
        let printer = CUPSPrinter(uri: try PrinterURI(parsing: environment.printerURI))
        await #expect(throws: PrinterError.self) { try await printer.print(Self.ticket) }
        let spooled = try environment.spooledDocuments().count
        let error = await #expect(throws: PrinterError.self) { try await printer.print(Self.ticket) }
        #expect(error?.code == .notReady)
        #expect(try environment.spooledDocuments().count == spooled)
    }

    /// Should give a clear not-connected error within seconds when the printer was killed
    @Test func killedPrinterGivesBoundedError() async throws {
        let environment = try await CUPSTestEnvironment()
        await environment.killPrinter()
        let printer = CUPSPrinter(uri: try PrinterURI(parsing: environment.printerURI))
        let started = ContinuousClock.now
        let error = await #expect(throws: PrinterError.self) { try await printer.status() }
        #expect(error?.code == .notConnected)
        #expect(error?.message.contains(environment.printerURI) == true)
        // Hang detection only: the bound is the connect timeout plus generous slack.
        #expect(ContinuousClock.now - started < .seconds(20))
    }

    /// Should give a clear not-connected error within seconds when cupsd was killed
    @Test func killedSchedulerGivesBoundedError() async throws {
        let environment = try await CUPSTestEnvironment()
        await environment.killScheduler()
        let started = ContinuousClock.now
        let error = await #expect(throws: PrinterError.self) { try await queue(environment).print(Self.ticket) }
        #expect(error?.code == .notConnected)
        #expect(error?.message.contains("is cupsd running") == true)
        #expect(ContinuousClock.now - started < .seconds(20))
    }

    /// Should cancel a job that does not finish in time, and say so
    @Test func stuckJobIsCancelled() async throws {
        let environment = try await CUPSTestEnvironment()
        try environment.setSlow(true)
        var printer = CUPSPrinter(uri: try PrinterURI(parsing: environment.printerURI))
        printer.jobTimeout = .seconds(2)
        let error = await #expect(throws: PrinterError.self) { try await printer.print(Self.ticket) }
        #expect(error?.code == .timedOut)
        #expect(error?.message.contains("job 1 did not finish within 2") == true)
        // Cancel-Job on a processing job: the printer stops it at its next stop point (IPP).
        let job = try await printer.jobState(1)
        #expect(job.state == 7 || job.reasons.contains("processing-to-stop-point"), "\(job)")
    }

    /// Should name an unknown queue as a configuration problem
    @Test func unknownQueueIsReported() async throws {
        let environment = try await CUPSTestEnvironment()
        let printer = CUPSPrinter(uri: .cups(queue: "no-such-queue"), server: environment.cupsSocket)
        let error = await #expect(throws: PrinterError.self) { try await printer.status() }
        #expect(error?.code == .badConfiguration)
        #expect(error?.message.contains("lpstat -p") == true)
    }
}
