/* search_view.h — searching every speech of the library: the results with
 * each speech's title, the section path and the words found highlighted
 * in context; Enter reads a result with the words highlighted, t narrows
 * the search to paragraphs of one theme. Results load as they scroll into
 * view, a window of them at a time (however many there are, the view
 * holds one window); the first screen shows at once and the total is
 * counted in the background (store/search_counter.h), shown when known. */
#ifndef PIZHU_TUI_SEARCH_VIEW_H
#define PIZHU_TUI_SEARCH_VIEW_H

#include "base/error.h"
#include "store/store.h"
#include "tui/tui.h"
#include "tui/view.h"

/* Opens the results on the stack (q closes them); NULL with a message when
 * the search fails. */
struct view *search_view_open(struct view_driver *driver, struct tui *ui, struct store *store,
			      const char *query, struct error *error);

#endif
