MESSAGES = {
    "en": {
        "error.unavailable": "The desk is unavailable right now; please try again in a minute.",
        "error.unavailable_title": "Sales Desk",
        "error.unavailable_back": "Back",
    },
    "zh-CN": {
        "error.unavailable": "销售内勤暂时无法使用，请一分钟后再试。",
        "error.unavailable_title": "销售内勤",
        "error.unavailable_back": "返回",
    },
}
