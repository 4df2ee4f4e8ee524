import Graphics
import KioskCore

/// Draws the Flow's screens: a `KioskView` in, a `ScreenLayout` (draw list and touch targets)
/// out. Pure: the same view, size and fonts give the same layout.
///
///     let layout = KioskScreenLayout.layout(flow.view, width: 1080, height: 1920, fonts: fonts)
///     renderer.render(layout.drawList, into: frame)
///     if let intent = layout.intent(at: tap) { flow.handle(.tapped(intent)) }
public enum KioskScreenLayout {
    /// - Parameter panel: the panel's physical size; sizes are physical (MIIT's 60 pt ~ 9.5 mm).
    ///   The default is the hall's 21.5-inch portrait panel (1080x1920).
    public static func layout(_ view: KioskView, width: Int, height: Int, panel: PanelSize = .portrait21_5,
                              fonts: FontSet) -> ScreenLayout {
        let metrics = UIMetrics(scale: ScreenScale(width: width, height: height, panel: panel), elderly: view.elderlyMode)
        let builder = ScreenBuilder(view: view, width: width, height: height, metrics: metrics, fonts: fonts)
        if case .attract(isDimmed: true) = view.screen { builder.background = Theme.dimmedBackground }
        builder.fill(Rect(x: 0, y: 0, width: width, height: height), builder.background)
        switch view.screen {
        case .attract(let isDimmed): builder.drawAttract(isDimmed: isDimmed)
        case .home(let home): builder.drawHome(home)
        case .guide(let guide): builder.drawGuide(guide)
        case .insertCard(let purpose): builder.drawInsertCard(purpose)
        case .working(let message): builder.drawWorking(message)
        case .ticketIssued(let slip): builder.drawTicketIssued(slip)
        case .formPrinted(let title): builder.drawFormPrinted(title: title)
        case .checkIn: builder.drawCheckIn()
        case .caseNumberEntry(let typed): builder.drawCaseNumberEntry(typed)
        case .progress(let result): builder.drawProgress(result)
        case .rating(let step): builder.drawRating(step)
        case .ratingThanks(let offerCallback): builder.drawRatingThanks(offerCallback: offerCallback)
        case .complaint(let form): builder.drawComplaint(form)
        case .complaintFiled(let masked): builder.drawComplaintFiled(phoneMasked: masked)
        case .notice(let notice): builder.drawNotice(notice)
        case .outOfService(let message): builder.drawOutOfService(message)
        case .pinEntry(let entry): builder.drawPINEntry(entry)
        case .maintenance(let state): builder.drawMaintenance(state)
        }
        if let seconds = view.countdown, view.screen.hasSession {
            builder.countdownBanner(seconds: seconds)
        }
        return builder.finish()
    }
}

extension Screen {
    /// Screens inside a citizen's session, where the idle countdown can show.
    var hasSession: Bool {
        switch self {
        case .attract, .outOfService, .working, .pinEntry, .maintenance: false
        default: true
        }
    }
}
