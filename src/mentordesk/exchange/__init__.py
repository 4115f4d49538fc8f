"""Files in and out: workbooks (openpyxl) and PDFs. No Qt here."""
