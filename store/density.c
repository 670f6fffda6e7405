#include "store/density.h"
#include <stddef.h>

/* FTS5's bm25 constants (its documentation, "the bm25() function"). */
static const double K1 = 1.2, B = 0.75;

/* The average paragraph length of the index, in tokens: read once per
 * query from FTS5's totals (one record), kept with the query. */
static int average_length(const Fts5ExtensionApi *api, Fts5Context *fts, double *average)
{
	double *kept = api->xGetAuxdata(fts, 0);
	if (kept) {
		*average = *kept;
		return SQLITE_OK;
	}
	sqlite3_int64 rows = 0, tokens = 0;
	int status = api->xRowCount(fts, &rows);
	if (status == SQLITE_OK)
		status = api->xColumnTotalSize(fts, -1, &tokens);
	if (status != SQLITE_OK)
		return status;
	*average = rows > 0 && tokens > 0 ? (double)tokens / (double)rows : 1.0;
	kept = sqlite3_malloc(sizeof *kept);
	if (!kept)
		return SQLITE_NOMEM;
	*kept = *average;
	/* On failure xSetAuxdata frees kept itself. */
	return api->xSetAuxdata(fts, kept, sqlite3_free);
}

static void density(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context,
		    int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	double average;
	int length = 0;
	int status = average_length(api, fts, &average);
	if (status == SQLITE_OK)
		status = api->xColumnSize(fts, -1, &length);
	if (status != SQLITE_OK) {
		sqlite3_result_error_code(context, status);
		return;
	}
	double norm = K1 * (1 - B + B * (double)length / average), score = 0;
	for (int phrase = 0; phrase < api->xPhraseCount(fts); phrase++) {
		Fts5PhraseIter at;
		int column, offset, count = 0;
		status = api->xPhraseFirst(fts, phrase, &at, &column, &offset);
		if (status != SQLITE_OK) {
			sqlite3_result_error_code(context, status);
			return;
		}
		for (; column >= 0; api->xPhraseNext(fts, &at, &column, &offset))
			count++;
		score += count * (K1 + 1) / (count + norm);
	}
	sqlite3_result_double(context, -score);
}

int density_register(fts5_api *api)
{
	return api->xCreateFunction(api, "pizhu_density", NULL, density, NULL);
}
