"""The console's words for files the bot uploads: written to a folder, their paths printed."""

MESSAGES = {
    "en": {
        "console.files.shared": "[files for {channel}, saved]",
        "console.files.path": "  📎 {path}",
    },
    "zh-CN": {
        "console.files.shared": "［发给 {channel} 的文件，已保存］",
        "console.files.path": "  📎 {path}",
    },
}
