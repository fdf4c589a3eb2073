import LanePlugin

/// What the warranty policy says about the store's settings (`[plugin.warranty]`
/// in store.toml), what it excludes, its verdicts for a part or a repair
/// (`warranty check --part/--operation`) and its advice under a repair
/// order's line, in both languages.
enum WarrantyPolicyWords {
    static let english: [MessageCode: String] = [
        // The settings, one problem per setting.
        "warranty.policy.none": "there is no warranty policy",
        "warranty.policy.none_settings": "the store has no warranty rules; add [plugin.warranty] in store.toml: {syntax}",
        "warranty.policy.unusable": "the warranty policy in the store's settings is not usable",
        "warranty.policy.bad_cover": "'{given}' is not a cover; write years and km after the sale, whichever comes first, e.g. \"3y/100000km\"",
        "warranty.policy.bad_km": "{n} km is not a distance a cover can have",
        "warranty.policy.bad_years": "{n} years is not a cover a maker gives (1 to 30)",
        "warranty.policy.unknown_group": "no part in the catalogue is in group '{group}'; the groups are {groups}",
        "warranty.policy.no_operation": "there is no labour operation {operation} in the catalogue (`catalog labor`)",
        "warranty.policy.basic_missing": "the basic cover is missing, e.g. basic = \"3y/100000km\"",
        "warranty.policy.no_part": "there is no part {part} in the catalogue (`catalog parts`)",
        "warranty.policy.group_excluded": "group {group} is also excluded; a group is either covered longer or excluded",
        "warranty.policy.no_longer_cover": "group {group} has no longer cover (cover_{group}); its operations would fall under the basic cover anyway",
        "warranty.policy.operation_twice": "{operation} is already in group {group}; an operation belongs to one group",
        "warranty.policy.operation_excluded": "{operation} is also in excluded_operations",
        "warranty.policy.unknown_setting": "'{key}' is not a warranty setting; the settings are basic, cover_GROUP, operations_GROUP, excluded, excluded_parts, excluded_operations",
        // What is never under warranty.
        "warranty.scope.group_excluded": "part group {group} is never under warranty (fluids and wear parts)",
        "warranty.scope.part_excluded": "part {part} {name} is a wear or service part, never under warranty",
        "warranty.scope.operation_excluded": "labour {operation} is servicing, not a warranty repair",
        // A verdict in words.
        "warranty.decision.within": "within {cover} {until} ({why})",
        "warranty.decision.cannot_decide": "cannot decide: {reasons}; if it stays unclear, escalate to the maker (warranty claim-open)",
        "warranty.decision.outside": "outside warranty: {reasons}",
        "warranty.decision.reason": "{cover}: {why}",
        "warranty.decision.separator": "; ",
        "warranty.until": "until {date}",
        "warranty.check.part": "{part} {name} (group {group})",
        // Advice under a repair order's line (`ro part`, `ro labor`).
        "warranty.advice.line": "line {id} {code} {name}",
        "warranty.advice.policy_unusable": "no warranty advice: the warranty policy in store.toml is not usable ({problems})",
        "warranty.advice.consider": "{line}: {plate} is {verdict}: consider --payer warranty",
        "warranty.advice.consider_decide": "{line}: {plate} is {verdict}: consider `ro warranty {ro} covered` and --payer warranty",
        "warranty.advice.not_covered": "warning: {line} is on --payer warranty but {why}; the maker will not pay it unless it approves a claim (warranty claim-open)",
        "warranty.advice.vehicle_verdict": "{plate} is {verdict}",
        "warranty.advice.undecided": "{line} is on --payer warranty, but the store's rules {verdict}",
    ]

    static let chinese: [MessageCode: String] = [
        "warranty.policy.none": "门店尚未设置保修政策",
        "warranty.policy.none_settings": "门店没有保修规则；请在 store.toml 中加上 [plugin.warranty]：{syntax}",
        "warranty.policy.unusable": "门店设置中的保修政策无法使用",
        "warranty.policy.bad_cover": "“{given}”不是保修期限；请写售车后的年数和公里数，以先到者为准，例如 `3y/100000km`",
        "warranty.policy.bad_km": "{n} 公里不能作为保修里程",
        "warranty.policy.bad_years": "{n} 年不是厂家会给的保修年限（1 到 30 年）",
        "warranty.policy.unknown_group": "备件目录中没有属于“{group}”组的备件；现有的组：{groups}",
        "warranty.policy.no_operation": "工时目录中没有工时项目 {operation}（`catalog labor`）",
        "warranty.policy.basic_missing": "缺少整车质保，例如 `basic = \"3y/100000km\"`",
        "warranty.policy.no_part": "备件目录中没有备件 {part}（`catalog parts`）",
        "warranty.policy.group_excluded": "{group} 组同时被列为不保修；一个组要么延长保修，要么不保修",
        "warranty.policy.no_longer_cover": "{group} 组没有延长保修（cover_{group}）；它的工时项目本来就按整车质保判定",
        "warranty.policy.operation_twice": "{operation} 已属于 {group} 组；一个工时项目只能属于一个组",
        "warranty.policy.operation_excluded": "{operation} 同时列在 `excluded_operations` 中",
        "warranty.policy.unknown_setting": "“{key}”不是保修设置；可用的设置有 `basic`、`cover_GROUP`、`operations_GROUP`、`excluded`、`excluded_parts`、`excluded_operations`",
        "warranty.scope.group_excluded": "{group}类备件从不在保修范围内（油液与易损件）",
        "warranty.scope.part_excluded": "备件 {part} {name} 是易损件或保养件，从不在保修范围内",
        "warranty.scope.operation_excluded": "工时 {operation} 属于保养，不是保修维修",
        "warranty.decision.within": "在{cover}内，{until}（{why}）",
        "warranty.decision.cannot_decide": "无法判定：{reasons}；若仍不明确，请上报厂家（`warranty claim-open`）",
        "warranty.decision.outside": "已过保修：{reasons}",
        "warranty.decision.reason": "{cover}：{why}",
        "warranty.decision.separator": "；",
        "warranty.until": "至 {date}",
        "warranty.check.part": "{part} {name}（{group}）",
        "warranty.advice.line": "第 {id} 行 {code} {name}",
        "warranty.advice.policy_unusable": "无保修建议：store.toml 中的保修政策无法使用（{problems}）",
        "warranty.advice.consider": "{line}：{plate} {verdict}：可考虑设为 `--payer warranty`",
        "warranty.advice.consider_decide": "{line}：{plate} {verdict}：可考虑执行 `ro warranty {ro} covered` 并设为 `--payer warranty`",
        "warranty.advice.not_covered": "注意：{line} 设为 `--payer warranty`，但{why}；除非厂家批准索赔（`warranty claim-open`），厂家不会支付",
        "warranty.advice.vehicle_verdict": "{plate} {verdict}",
        "warranty.advice.undecided": "{line} 设为 `--payer warranty`，但按门店规则{verdict}",
    ]
}
