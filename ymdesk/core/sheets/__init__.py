"""Reading and checking the files sellers have: catalog exports and templates (XLSX, XLS, ODS, CSV, zipped),
their header and data rows, the SKU column, and the ShopSku rules every SKU is checked against."""
