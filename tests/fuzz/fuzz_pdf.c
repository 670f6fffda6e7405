/* fuzz_pdf.c — reading a PDF from any bytes: a document that keeps the
 * readers' promises (document_check.h), or a message; never a crash, a
 * leak or a hang. */
#include "formats/pdf.h"
#include "tests/fuzz/document_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct document document;
	struct error error = {{0}};
	int status = pdf_read(data, size, &document, &error);
	check_document(status, &document, &error, "pdf");
	return 0;
}
