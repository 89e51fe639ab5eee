"""Products and prices (产品/价目表), and sales counted by product.

- `price_list`: products found by SKU or by part of either name, one product by its SKU.
- `sales`: amount and quantity per product over a period, from the lines of its orders.
"""

from commands.products.price_list import (
    SEARCH_LIMIT,
    PriceListEntry,
    find_products,
    product_by_sku,
)
from commands.products.sales import ProductSales, sales_by_product

__all__ = [
    "SEARCH_LIMIT",
    "PriceListEntry",
    "ProductSales",
    "find_products",
    "product_by_sku",
    "sales_by_product",
]
