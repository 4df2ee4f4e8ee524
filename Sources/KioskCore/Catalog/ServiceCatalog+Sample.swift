extension ServiceCatalog {
    /// A realistic catalog for tests, demos and `dev/catalog-sample.json` (which must decode to
    /// exactly this value; `FlowCatalogTests` checks it): the county's four integrated services
    /// with their one-time notification forms, and common items of the hall's themed zones.
    public static let sample = ServiceCatalog(
        version: 3,
        services: integratedSamples + commonSamples,
        ticketCategories: [
            QueueCategory(prefix: "A", name: "企业一站式"),
            QueueCategory(prefix: "B", name: "住房公积金"),
            QueueCategory(prefix: "C", name: "住房保障"),
            QueueCategory(prefix: "D", name: "不动产登记"),
            QueueCategory(prefix: "E", name: "人社医保"),
            QueueCategory(prefix: "F", name: "公安交管"),
            QueueCategory(prefix: "G", name: "税务"),
            QueueCategory(prefix: "H", name: "综合窗口"),
        ],
        windows: [
            ServiceWindow(number: "1-10", place: "1楼 综合受理区", categories: ["H"]),
            ServiceWindow(number: "3", place: "1楼 A区 企业一站式", categories: ["A"]),
            ServiceWindow(number: "12", place: "2楼 B区 住房公积金", categories: ["B"]),
            ServiceWindow(number: "20", place: "2楼 C区 住房保障", categories: ["C"]),
            ServiceWindow(number: "25", place: "2楼 D区 不动产登记", categories: ["D"]),
            ServiceWindow(number: "30", place: "3楼 E区 人社医保", categories: ["E"]),
            ServiceWindow(number: "40", place: "1楼 F区 公安交管", categories: ["F"]),
            ServiceWindow(number: "45", place: "1楼 G区 税务", categories: ["G"]),
        ],
        hotline: "0870-12345",
        openingHours: OpeningHours(weekdays: [1, 2, 3, 4, 5], opens: "09:00", closes: "17:00",
                                   closedDates: ["2026-10-01", "2026-10-02", "2026-10-05", "2027-01-01"],
                                   extraWorkingDates: ["2026-09-27", "2026-10-10"])
    )

    static let integratedSamples: [ServiceItem] = [
        ServiceItem(
            id: "housing-fund-rent", name: "住房公积金提取（租房）", location: "2楼 B区 12号窗口", ticketCategory: "B",
            guide: ServiceGuide(
                materials: ["本人身份证原件", "房屋租赁合同或租赁备案证明", "本人银行借记卡"],
                steps: ["取号到住房公积金窗口", "窗口核验材料", "当场审批", "提取款3个工作日内到账"],
                timeLimit: "即办，3个工作日内到账", fees: "不收费",
                form: NotificationForm(id: "form-housing-fund-rent", title: "租房提取住房公积金一次性告知单", departments: ["住房公积金管理中心", "住建局"]))),
        ServiceItem(
            id: "housing-fund-buy", name: "住房公积金提取（购房、建房）", location: "2楼 B区 12号窗口", ticketCategory: "B",
            guide: ServiceGuide(
                materials: ["本人身份证原件", "购房合同或建房规划许可", "购房发票或不动产权证书", "本人银行借记卡"],
                steps: ["取号到住房公积金窗口", "窗口核验材料并联网查询不动产登记", "审批", "提取款到账"],
                timeLimit: "5个工作日", fees: "不收费",
                form: NotificationForm(id: "form-housing-fund-buy", title: "购建房提取住房公积金一次性告知单",
                                       departments: ["住房公积金管理中心", "自然资源局", "税务局"]))),
        ServiceItem(
            id: "cold-drink-shop", name: "开设冷饮店", location: "1楼 A区 3号窗口", ticketCategory: "A",
            guide: ServiceGuide(
                materials: ["经营者身份证原件", "经营场所使用证明（房产证或租赁合同）", "食品安全管理制度", "从业人员健康证明"],
                steps: ["取号到企业一站式窗口", "一表申请营业执照和食品经营许可", "现场核查", "统一窗口领取证照"],
                timeLimit: "承诺3个工作日", fees: "不收费",
                form: NotificationForm(id: "form-cold-drink-shop", title: "开设冷饮店一次性告知单",
                                       departments: ["市场监督管理局", "卫生健康局", "税务局"]))),
        ServiceItem(
            id: "public-rental-housing", name: "公租房申请", location: "2楼 C区 20号窗口", ticketCategory: "C",
            guide: ServiceGuide(
                materials: ["申请人及家庭成员身份证、户口簿", "收入证明", "住房情况声明", "婚姻状况证明"],
                steps: ["取号到住房保障窗口", "提交申请表和材料", "乡镇和部门审核、公示", "轮候配租"],
                timeLimit: "审核20个工作日", fees: "不收费",
                form: NotificationForm(id: "form-public-rental-housing", title: "公租房申请一次性告知单",
                                       departments: ["住建局", "民政局", "自然资源局"]))),
    ]

    static let commonSamples: [ServiceItem] = [
        common("business-licence", "个体工商户营业执照办理", "1楼 A区 3号窗口", "A", ["经营者身份证原件", "经营场所使用证明"], "即办", "不收费"),
        common("business-change", "营业执照变更登记", "1楼 A区 3号窗口", "A", ["营业执照正副本", "变更申请书", "法定代表人身份证"], "1个工作日", "不收费"),
        common("food-licence", "食品经营许可", "1楼 A区 4号窗口", "A", ["营业执照", "经营场所平面图", "食品安全管理制度"], "10个工作日", "不收费"),
        common("housing-fund-deposit", "住房公积金缴存登记", "2楼 B区 13号窗口", "B", ["单位营业执照", "经办人身份证"], "即办", "不收费"),
        common("housing-fund-loan", "住房公积金贷款申请", "2楼 B区 14号窗口", "B", ["夫妻双方身份证", "购房合同", "收入证明"], "15个工作日", "不收费"),
        common("real-estate-transfer", "不动产转移登记", "2楼 D区 25号窗口", "D", ["买卖双方身份证", "不动产权证书", "买卖合同", "完税凭证"], "5个工作日", "住宅80元/件"),
        common("real-estate-mortgage", "不动产抵押登记", "2楼 D区 26号窗口", "D", ["身份证", "不动产权证书", "借款合同和抵押合同"], "3个工作日", "住宅80元/件"),
        common("real-estate-certificate", "不动产权证书补换", "2楼 D区 27号窗口", "D", ["身份证", "原证书或遗失声明"], "5个工作日", "10元/本"),
        common("social-security-card", "社会保障卡申领补换", "3楼 E区 30号窗口", "E", ["本人身份证"], "即办", "补换收取工本费"),
        common("pension-certification", "养老保险待遇资格认证", "3楼 E区 31号窗口", "E", ["本人身份证"], "即办", "不收费"),
        common("unemployment-registration", "失业登记", "3楼 E区 32号窗口", "E", ["本人身份证", "解除劳动合同证明"], "即办", "不收费"),
        common("medical-insurance-enrolment", "城乡居民医保参保登记", "3楼 E区 33号窗口", "E", ["本人身份证或户口簿"], "即办", "按年度标准缴费"),
        common("medical-reimbursement", "异地就医备案", "3楼 E区 34号窗口", "E", ["本人身份证", "医保卡"], "即办", "不收费"),
        common("residence-permit", "居住证办理", "1楼 F区 40号窗口", "F", ["本人身份证", "居住证明"], "15个工作日", "首次办理不收费"),
        common("id-card-renewal", "居民身份证换领补领", "1楼 F区 41号窗口", "F", ["户口簿", "原身份证（换领）"], "20个工作日", "换领20元，补领40元"),
        common("driving-licence-renewal", "机动车驾驶证期满换证", "1楼 F区 42号窗口", "F", ["本人身份证", "原驾驶证", "体检证明"], "即办", "10元"),
        common("tax-invoice", "发票领用", "1楼 G区 45号窗口", "G", ["营业执照", "经办人身份证", "税控设备"], "即办", "不收费"),
        common("personal-tax-certificate", "个人所得税纳税记录开具", "1楼 G区 46号窗口", "G", ["本人身份证"], "即办", "不收费"),
        common("disability-certificate", "残疾人证办理", "1楼 综合受理区 综合窗口", "H", ["本人身份证或户口簿", "近期免冠照片", "评定医院的残疾评定表"], "20个工作日", "不收费"),
        common("marriage-registration", "婚姻登记预约咨询", "3楼 婚姻登记处", "H", ["双方身份证", "双方户口簿", "近期合影照片"], "即办", "不收费"),
        common("consultation", "综合咨询", "1楼 服务台", nil, ["无需材料"], "即时答复", "不收费"),
        common("assisted-handling", "帮办代办", "1楼 服务台 帮办代办窗口", "H", ["本人身份证", "委托代办时：委托书和代办人身份证"], "视事项而定", "不收费"),
    ]

    static func common(_ id: String, _ name: String, _ location: String, _ category: String?, _ materials: [String],
                       _ timeLimit: String, _ fees: String) -> ServiceItem {
        let steps = category == nil
            ? ["到服务台说明需求", "工作人员当场答复或引导到窗口"]
            : ["在本机或大厅入口取号", "按号票到\(location)等候叫号", "窗口受理并告知结果"]
        return ServiceItem(id: id, name: name, location: location, ticketCategory: category,
                           guide: ServiceGuide(materials: materials, steps: steps, timeLimit: timeLimit, fees: fees))
    }
}
