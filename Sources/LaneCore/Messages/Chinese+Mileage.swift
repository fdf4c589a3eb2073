// 各来源的里程读数、回访名单的先后、爽约后的再次邀约、未建档车辆的预约。
extension MessageCatalog {
    static let chineseMileage: KeyValuePairs<MessageCode, String> = [
        "word.reminder_kind.missed_appointment": "爽约",
        "reminder.next_attempt": "{day} 的预约 {number} 客户爽约：请致电约第 {attempt} 次，时间在 {from} 至 {to} 之间",
        "vehicle.event.phone_reading": "客户电话告知的里程，预约 {number}",
        "appointment.new_car": "未建档的 {model}",
        "appointment.plate_or_new_car": "请给出已建档车辆的车牌或车架号；未建档的车辆请给出 --name、--phone 和 --model",
        "appointment.new_car_needs": "未建档车辆预约需登记来电人姓名、电话和车型：缺少 {field}",
        "appointment.car_registered": "该车已建档，请不要再给 --vin、--plate、--sold 和 --sale-mileage",
        "appointment.register_at_reception": "该车预约时尚未建档：请给出 --vin、--plate 和 --sold，现在建档",

        "help.option.appt.book.mileage": "客户电话里告知的里程",
        "help.option.appt.book.name": "未建档车辆：来电人姓名",
        "help.option.appt.book.phone": "未建档车辆：来电人手机号",
        "help.option.appt.book.model": "未建档车辆：车型",
        "help.option.appt.arrive.vin": "未建档车辆：车架号",
        "help.option.appt.arrive.plate": "未建档车辆：车牌",
        "help.option.appt.arrive.sold": "未建档车辆：购车日期",
        "help.option.appt.arrive.sale-mileage": "未建档车辆：购车时的里程（默认 0）",
        "help.discussion.appt.arrive": "预约时尚未建档的车辆现在建档，车主为来电的客户，车型为来电时所说：请给出 --vin、--plate 和 --sold（行驶证或购车发票上有购车里程时加 --sale-mileage）。电话里告知的里程记入该车的里程记录。",
    ]
}
