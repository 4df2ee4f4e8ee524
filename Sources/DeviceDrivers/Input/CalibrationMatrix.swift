/// A touch calibration: an affine map on coordinates normalised to 0...1 in the panel's frame,
/// libinput's LIBINPUT_CALIBRATION_MATRIX convention: x' = a*x + b*y + c, y' = d*x + e*y + f,
/// stored as [a, b, c, d, e, f]. Identity is 1 0 0 0 1 0.
public struct CalibrationMatrix: Sendable, Equatable, CustomStringConvertible {
    public var values: [Double]

    public static let identity = CalibrationMatrix(unchecked: [1, 0, 0, 0, 1, 0])

    /// Nil unless there are exactly six finite values.
    public init?(_ values: [Double]) {
        guard values.count == 6, values.allSatisfy(\.isFinite) else { return nil }
        self.values = values
    }

    private init(unchecked values: [Double]) { self.values = values }

    public func apply(x: Double, y: Double) -> (x: Double, y: Double) {
        (values[0] * x + values[1] * y + values[2], values[3] * x + values[4] * y + values[5])
    }

    public var description: String { values.map { String($0) }.joined(separator: " ") }

    /// Least-squares fit (as tslib's ts_calibrate does with its 5 targets) of the matrix that
    /// maps each `touched` point to its `target`, both normalised to 0...1 in the panel's frame.
    /// Needs at least 3 points not all on one line; 5 (corners and centre) average out the noise.
    public static func fit(touched: [(x: Double, y: Double)], targets: [(x: Double, y: Double)]) throws(CalibrationError) -> CalibrationMatrix {
        guard touched.count == targets.count, touched.count >= 3 else {
            throw .tooFewPoints(touched.count, targets.count)
        }
        // Normal equations: (AᵀA) p = Aᵀb, rows of A = (x, y, 1), once for each output axis.
        var normal = [[Double]](repeating: [Double](repeating: 0, count: 3), count: 3)
        var rightX = [Double](repeating: 0, count: 3)
        var rightY = [Double](repeating: 0, count: 3)
        for (point, target) in zip(touched, targets) {
            let row = [point.x, point.y, 1]
            for i in 0..<3 {
                for j in 0..<3 { normal[i][j] += row[i] * row[j] }
                rightX[i] += row[i] * target.x
                rightY[i] += row[i] * target.y
            }
        }
        // The determinant of AᵀA is n² times the variance "area" of the points: near zero when
        // they lie on a line (or on one spot), and then no affine map is determined.
        let determinant = Self.determinant(normal)
        let n = Double(touched.count)
        guard abs(determinant) > 1e-6 * n * n * n else { throw .degenerate }
        let abc = Self.solve(normal, rightX, determinant: determinant)
        let def = Self.solve(normal, rightY, determinant: determinant)
        return CalibrationMatrix(unchecked: abc + def)
    }

    private static func determinant(_ m: [[Double]]) -> Double {
        m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
            - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
            + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
    }

    /// Cramer's rule: for a 3x3 system it is exact enough and short.
    private static func solve(_ m: [[Double]], _ b: [Double], determinant: Double) -> [Double] {
        (0..<3).map { column in
            var replaced = m
            for row in 0..<3 { replaced[row][column] = b[row] }
            return Self.determinant(replaced) / determinant
        }
    }
}

/// Why a calibration could not be computed; the message tells the technician what to do.
public enum CalibrationError: Error, Equatable, CustomStringConvertible {
    case tooFewPoints(Int, Int)
    case degenerate

    public var description: String {
        switch self {
        case .tooFewPoints(let touched, let targets):
            "Calibration needs the same number of touched points and targets, at least 3 (got \(touched) and \(targets)); touch every target."
        case .degenerate:
            "The touched points lie on one line (or one spot), so they cannot calibrate the panel; touch each target where it is shown, and check that the panel reports both axes."
        }
    }
}
