import DeviceDrivers
import KioskCore

/// The Flow's print content laid out as receipts: a queue ticket and a one-time notification
/// form, in Chinese (the hall's staff read them too, whatever the citizen's screen language).
enum Printout {
    static func document(for content: KioskCore.PrintDocument) -> DeviceDrivers.PrintDocument {
        switch content {
        case .ticket(let slip): ticket(slip)
        case .form(let sheet): form(sheet)
        }
    }

    static func ticket(_ slip: TicketSlip) -> DeviceDrivers.PrintDocument {
        DeviceDrivers.PrintDocument([
            .title(slip.isPriority ? "预约优先号" : "排队取号凭条"),
            .bigNumber(slip.number),
            .line(slip.categoryName),
            .line(slip.serviceName),
            .rule,
            .keyValue("办理地点", slip.location),
            .keyValue("前面等候", "\(slip.ahead) 人"),
            .keyValue("办理日期", slip.forDate.description),
            .keyValue("取号时间", slip.issuedAt),
            .rule,
            .qrCode(slip.qrText),
            .line("扫码查看排队进度、评价服务"),
            .cut,
        ])
    }

    static func form(_ sheet: FormSheet) -> DeviceDrivers.PrintDocument {
        var elements: [DeviceDrivers.PrintDocument.Element] = [.title(sheet.title), .line(sheet.serviceName), .rule, .line("所需材料：")]
        elements += sheet.materials.enumerated().map { .line("\($0.offset + 1). \($0.element)") }
        elements.append(.line("办理流程："))
        elements += sheet.steps.enumerated().map { .line("\($0.offset + 1). \($0.element)") }
        elements += [
            .rule,
            .keyValue("办理时限", sheet.timeLimit),
            .keyValue("收费标准", sheet.fees),
            .keyValue("办理地点", sheet.location),
        ]
        if !sheet.departments.isEmpty { elements.append(.line("联办部门：" + sheet.departments.joined(separator: "、"))) }
        elements += [
            .keyValue("咨询电话", sheet.hotline),
            .keyValue("打印时间", sheet.printedAt),
            .line("材料齐全可一次办成，请妥善保管本告知单"),
            .cut,
        ]
        return DeviceDrivers.PrintDocument(elements)
    }
}

extension KioskCore.PrinterState {
    /// The printer service's state ("paper out", "not connected", …) as the Flow knows it.
    package init(serviceState: String) {
        self = serviceState == "not connected" ? .offline : Self(rawValue: serviceState) ?? .unknown
    }
}

/// Prints the Flow's jobs on the journey's printer and tells how it went.
package struct JourneyPrinter: Sendable {
    /// nil when the kiosk has no printer: every job fails as "offline".
    let service: PrinterService?

    package init(service: PrinterService?) {
        self.service = service
    }

    func print(_ job: PrintJob) async -> PrintOutcome {
        guard let service else { return .failed(.offline) }
        do {
            _ = try await service.print(Printout.document(for: job.document))
            return .printed
        } catch let error as PrinterError {
            return .failed(error.status.map { KioskCore.PrinterState(serviceState: $0.condition.rawValue) } ?? .offline)
        } catch {
            // The document could not be encoded (no font): the printer is fine, but nothing printed.
            return .failed(.unknown)
        }
    }
}
