extension PrinterState {
    var chineseName: String {
        switch self {
        case .ready: "就绪"
        case .paperNearEnd: "纸将用完"
        case .paperOut: "缺纸"
        case .coverOpen: "盖子未关"
        case .cutterError: "切纸故障"
        case .offline: "未连接"
        case .unknown: "状态未知"
        }
    }
}
