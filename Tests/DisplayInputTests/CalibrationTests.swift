import DeviceDrivers
import Testing

struct CalibrationTests {
    /// Should recover a known matrix from 5 touched targets with up to ±0.002 of noise
    @Test func fitRecoversMatrix() throws {
        let known = try #require(CalibrationMatrix([1.05, 0.02, -0.03, -0.01, 0.96, 0.04]))
        let touched: [(x: Double, y: Double)] = [(0.1, 0.1), (0.9, 0.1), (0.9, 0.9), (0.1, 0.9), (0.5, 0.5)]
        let noise: [(Double, Double)] = [(0.002, -0.001), (-0.002, 0.0015), (0.001, 0.002), (-0.0015, -0.002), (0.0005, 0.001)]
        let targets = zip(touched, noise).map { point, noise in
            let exact = known.apply(x: point.x, y: point.y)
            return (x: exact.x + noise.0, y: exact.y + noise.1)
        }
        let fitted = try CalibrationMatrix.fit(touched: touched, targets: targets)
        for (value, expected) in zip(fitted.values, known.values) {
            #expect(abs(value - expected) < 0.01, "\(fitted) against \(known)")
        }
    }

    /// Should recover an exact rotation-like matrix exactly when there is no noise
    @Test func fitIsExactWithoutNoise() throws {
        let known = try #require(CalibrationMatrix([0, -1, 1, 1, 0, 0]))
        let touched: [(x: Double, y: Double)] = [(0.1, 0.1), (0.9, 0.1), (0.9, 0.9), (0.1, 0.9), (0.5, 0.5)]
        let fitted = try CalibrationMatrix.fit(touched: touched, targets: touched.map { known.apply(x: $0.x, y: $0.y) })
        #expect(zip(fitted.values, known.values).allSatisfy { abs($0 - $1) < 1e-9 })
    }

    /// Should refuse points that all lie on one line, with a message that says to touch each target
    @Test func refusesCollinearPoints() {
        let line: [(x: Double, y: Double)] = [(0.1, 0.1), (0.3, 0.3), (0.5, 0.5), (0.7, 0.7), (0.9, 0.9)]
        #expect(throws: CalibrationError.degenerate) {
            try CalibrationMatrix.fit(touched: line, targets: [(0.1, 0.1), (0.9, 0.1), (0.9, 0.9), (0.1, 0.9), (0.5, 0.5)])
        }
        #expect(CalibrationError.degenerate.description.contains("lie on one line"))
    }

    /// Should refuse fewer than three points
    @Test func refusesTooFewPoints() {
        #expect(throws: CalibrationError.tooFewPoints(2, 2)) {
            try CalibrationMatrix.fit(touched: [(0, 0), (1, 1)], targets: [(0, 0), (1, 1)])
        }
    }
}
