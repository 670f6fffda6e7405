#include "formats/document.h"

#include <stdlib.h>
#include <string.h>

void document_free(struct document *document)
{
	free(document->text);
	free(document->hints);
	free(document->title);
	free(document->date);
	free(document->source);
	memset(document, 0, sizeof *document);
}
