"""The price list and order lines by product: the products and order-lines imports, and
finding a product."""

MESSAGES = {
    "en": {
        "import.error.product_names": "The header row must name the products' {columns} "
        "column (or name). Nothing was imported.",
        "import.reject.bad_sku": "'{value}' is not a SKU: use letters, digits and - _ . / only, "
        "64 at most",
        "import.reject.bad_active": "'{value}' is not active or retired: use yes/no, true/false, "
        "1/0, active/retired or 在售/停售",
        "import.reject.unknown_sku": "unknown SKU '{value}': import it with the products first",
        "import.reject.bad_quantity": "'{value}' is not a quantity: use a number more than 0 "
        "with at most 3 decimals, like 12 or 2.5",
        "import.reject.bad_discount": "'{value}' is not a discount: use a percentage from 0 to "
        "100 with at most 2 decimals, like 5, 5% or 5.5 %",
        "import.warning.lines_total_differs": "the lines of order {order} add up to {lines}, "
        "but the order's amount is {amount}",
        "product.error.not_found": "No product has the SKU {sku}.",
    },
    "zh-CN": {
        "import.error.product_names": "表头必须包含产品的 {columns} 列（或 name 列）。未导入任何内容。",
        "import.reject.bad_sku": "“{value}”不是有效的 SKU：只能用字母、数字和 - _ . /，最多 64 个字符",
        "import.reject.bad_active": "“{value}”无法识别为在售或停售：请写 在售/停售、yes/no、"
        "true/false、1/0 或 active/retired",
        "import.reject.unknown_sku": "SKU“{value}”不存在：请先导入产品",
        "import.reject.bad_quantity": "“{value}”不是有效数量：请写大于 0、最多 3 位小数的数，例如 12 或 2.5",
        "import.reject.bad_discount": "“{value}”不是有效折扣：请写 0 到 100 的百分数，最多 2 位小数，"
        "例如 5、5% 或 5.5 %",
        "import.warning.lines_total_differs": "订单 {order} 的明细合计为 {lines}，与订单金额 {amount} 不符",
        "product.error.not_found": "没有 SKU 为 {sku} 的产品。",
    },
}
