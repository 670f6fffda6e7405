# pizhu — build, test, install. See README.md.
VERSION = 0.1.0
PREFIX ?= /usr/local
DESTDIR ?=
CC ?= cc
CFLAGS ?= -O2 -g
# CPPFLAGS and LDFLAGS from the environment or the command line (as Debian's
# build tools set them) reach every compile and link below.
CPPFLAGS ?=
LDFLAGS ?=
# The TAP files make check runs at once (prove -j): most of their time is
# spent waiting on the terminal in tmux, not on the CPU.
CHECK_JOBS ?= 4
# The compilers make check runs at once when make was not given its own -j.
CHECK_BUILD_JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CATALOGUE := build/locale/zh_CN/LC_MESSAGES/pizhu.mo

PKG_CFLAGS := $(shell pkg-config --cflags ncursesw sqlite3 libzip libxml-2.0 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs ncursesw sqlite3 libzip libxml-2.0 2>/dev/null || \
	echo -lncursesw -ltinfo -lsqlite3 -lzip -lxml2)
# The web page and PDF readers (formats/html.c, pdf.c): uchardet, poppler.
# poppler-glib is not linked but loaded by the first PDF read
# (formats/poppler_loader.c): its forty libraries cost every start 13 ms.
WEB_PKGS = uchardet poppler-glib
PKG_CFLAGS += $(shell pkg-config --cflags $(WEB_PKGS) 2>/dev/null)
# libzip, libxml2 and uchardet are loaded when pizhu first reads a file
# that needs them (formats/zip_library.h, xml_library.h, charset.c), not
# when it starts: the build passes the names of their libraries; they stay
# in PKG_LIBS for the tests that call them, and --as-needed leaves them out
# of pizhu.
PKG_LIBS += $(shell pkg-config --libs uchardet 2>/dev/null) -ldl
soname = $(shell objdump -p $$(pkg-config --variable=libdir $(1) 2>/dev/null)/$(2) 2>/dev/null | awk '/SONAME/ {print $$2}')
LOADED_LIBRARIES := PIZHU_LIBZIP=$(call soname,libzip,libzip.so) \
	PIZHU_LIBXML2=$(call soname,libxml-2.0,libxml2.so) \
	PIZHU_UCHARDET=$(call soname,uchardet,libuchardet.so)
PKG_CFLAGS += $(foreach library,$(filter-out %=,$(LOADED_LIBRARIES)),\
	-D$(firstword $(subst =, ,$(library)))='"$(lastword $(subst =, ,$(library)))"')
POPPLER_LIBRARY := $(shell objdump -p "$$(pkg-config --variable=libdir poppler-glib)/libpoppler-glib.so" \
	2>/dev/null | awk '/SONAME/ { print $$2 }')
PKG_CFLAGS += -DPIZHU_POPPLER_LIBRARY='"$(or $(POPPLER_LIBRARY),libpoppler-glib.so.8)"'
# OCR of scanned PDFs (formats/pdf_ocr.h) when libtesseract is installed;
# without it pizhu builds all the same and --ocr says what to install.
# build/gen/ocr.h records which, so the reader is compiled again when it
# changes. pizhu is not linked with tesseract or cairo either (with them
# and poppler-glib, 94 libraries, a start cost 58 M instructions instead
# of 10 M): what calls them is a plugin, build/pizhu-ocr.so (for the
# sanitized build build/check/pizhu-ocr.so), loaded by the first page
# read by OCR (formats/ocr_plugin.h) and installed in $(PLUGINDIR).
PLUGINDIR = $(PREFIX)/lib/pizhu
OCR := $(shell pkg-config --exists tesseract 2>/dev/null && echo 1 || echo 0)
ifeq ($(OCR),1)
OCR_PLUGIN := build/pizhu-ocr.so
CHECK_OCR_PLUGIN := build/check/pizhu-ocr.so
OCR_PLUGIN_CFLAGS := $(shell pkg-config --cflags tesseract cairo 2>/dev/null) -fPIC
# -z defs: the plugin needs nothing of pizhu's, so no -rdynamic.
OCR_PLUGIN_LIBS := -shared -Wl,-z,defs $(shell pkg-config --libs tesseract poppler-glib cairo \
	2>/dev/null) -ldl -lm
endif
# SQLite and ncurses are linked into pizhu when their archives are
# installed, not loaded at each start: the dynamic loader's symbol lookups
# for them were a fifth of a `pizhu search` (docs/performance.md, issue 18).
# SQLite is public domain, ncurses under the X11 licence. `make
# STATIC_LIBS=` links every library as a shared one, as a distribution may
# want; adding unistring (LGPL) saves a further 4%.
STATIC_LIBS ?= sqlite3 ncursesw tinfo
link_library = $(if $(and $(filter $(1),$(STATIC_LIBS)),$(wildcard $(shell $(CC) \
	-print-file-name=lib$(1).a))),-l:lib$(1).a,-l$(1))
PKG_LIBS := $(foreach word,$(PKG_LIBS),$(if $(filter -l%,$(word)),$(call \
	link_library,$(patsubst -l%,%,$(word))),$(word)))
LIBS = -Wl,--as-needed $(PKG_LIBS) $(call link_library,unistring) -lm -pthread

WARNINGS = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes
BASE_CFLAGS = -std=c17 -D_GNU_SOURCE -I. $(WARNINGS) $(PKG_CFLAGS) \
	-DPIZHU_VERSION='"$(VERSION)"' -DPIZHU_DATADIR='"$(PREFIX)/share/pizhu"' \
	-DPIZHU_LOCALEDIR='"$(PREFIX)/share/locale"' -DPIZHU_LIBDIR='"$(PLUGINDIR)"'
SANITIZE = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
# The linker of make check's sanitized builds: lld, else gold, link them three
# to five times faster than ld.bfd (the release build keeps the default).
TEST_LD := $(if $(shell command -v ld.lld 2>/dev/null),-fuse-ld=lld,$(if \
	$(shell command -v ld.gold 2>/dev/null),-fuse-ld=gold))

MODULE_SOURCES := $(sort $(wildcard base/*.c formats/*.c speech/*.c store/*.c export/*.c tui/*.c tui/model/*.c))
CLI_SOURCES := $(sort $(wildcard cli/*.c))
UNIT_SOURCES := $(sort $(wildcard tests/unit/test_*.c))
E2E_TESTS := $(sort $(wildcard tests/e2e/*.sh))

RELEASE_OBJECTS := $(patsubst %.c,build/release/%.o,$(MODULE_SOURCES) $(CLI_SOURCES))
CHECK_MODULE_OBJECTS := $(patsubst %.c,build/check/%.o,$(MODULE_SOURCES))
CHECK_CLI_OBJECTS := $(patsubst %.c,build/check/%.o,$(CLI_SOURCES))
# The unit tests link everything but main(), so they can call cli/ too.
UNIT_LINK_OBJECTS := $(CHECK_MODULE_OBJECTS) $(filter-out build/check/cli/main.o,$(CHECK_CLI_OBJECTS))
UNIT_BINARIES := $(patsubst tests/unit/%.c,build/check/tests/%,$(UNIT_SOURCES))
FUZZ_NAMES := $(patsubst tests/fuzz/fuzz_%.c,%,$(sort $(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_BINARIES := $(patsubst %,build/fuzz/fuzz_%,$(FUZZ_NAMES))
REPLAY_BINARIES := $(patsubst %,build/check/fuzz/replay_%,$(FUZZ_NAMES))
# Checks that are not unit or end-to-end tests: fuzzing and crash trials.
CHECK_SCRIPTS := tests/fuzz/run.sh tests/torture/torture.sh tests/torture/paths.sh
# The longest TAP files, longest first, started before the others so that
# prove -j ends with short ones.
SLOW_TESTS := tests/fuzz/run.sh tests/e2e/formats_word.sh tests/e2e/storage.sh \
	tests/e2e/bad_input.sh tests/e2e/cli_speech.sh tests/e2e/data_loss.sh tests/e2e/kill.sh \
	tests/torture/torture.sh tests/e2e/store.sh tests/e2e/formats.sh

BENCH_OBJECTS := $(patsubst %.c,build/bench/obj/%.o,$(MODULE_SOURCES) $(CLI_SOURCES))

.PHONY: all check check-full bench fuzz fuzz-build torture check-valgrind tsan demo install uninstall clean \
	format pot update-po
all: pizhu $(CATALOGUE) $(OCR_PLUGIN)

pizhu: $(RELEASE_OBJECTS) | $(OCR_PLUGIN)
	@echo LINK $@
	@$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

OCR_PLUGIN_SOURCES := formats/ocr_plugin/pizhu_ocr.c formats/ocr_plugin.h
build/pizhu-ocr.so: $(OCR_PLUGIN_SOURCES)
	@mkdir -p $(dir $@)
	@echo LINK $@
	@$(CC) $(BASE_CFLAGS) $(OCR_PLUGIN_CFLAGS) -DNDEBUG $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) \
		-o $@ $< $(OCR_PLUGIN_LIBS)

build/check/pizhu-ocr.so: $(OCR_PLUGIN_SOURCES)
	@mkdir -p $(dir $@)
	@echo LINK $@ '(check)'
	@$(CC) $(BASE_CFLAGS) $(OCR_PLUGIN_CFLAGS) $(CPPFLAGS) -O1 -g -Werror $(SANITIZE) \
		$(LDFLAGS) -o $@ $< $(OCR_PLUGIN_LIBS)

# The built-in themes: themes/default.theme as a C array, so pizhu works
# with no installed files.
build/gen/default_theme.h: themes/default.theme
	@mkdir -p $(dir $@)
	@echo GEN $@
	@{ echo '/* Generated from $< by make; do not edit. */'; \
	  echo 'static const unsigned char default_theme_text[] = {'; \
	  od -An -v -tx1 $< | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	  echo '0x00};'; } > $@
build/release/store/theme_file.o build/check/store/theme_file.o build/fuzz/store/theme_file.o \
	build/valgrind/store/theme_file.o build/bench/obj/store/theme_file.o: build/gen/default_theme.h

build/gen/ocr.h: FORCE
	@mkdir -p $(dir $@)
	@echo '#define PIZHU_OCR $(OCR)' > $@.tmp
	@if cmp -s $@.tmp $@; then rm $@.tmp; else echo GEN $@; mv $@.tmp $@; fi
build/release/formats/pdf_ocr.o build/check/formats/pdf_ocr.o build/fuzz/formats/pdf_ocr.o \
	build/valgrind/formats/pdf_ocr.o build/bench/obj/formats/pdf_ocr.o \
	build/tsan/formats/pdf_ocr.o: build/gen/ocr.h
.PHONY: FORCE

# The Chinese interface (base/i18n.h; the translators' steps: po/README.md): the
# catalogue is compiled into build/locale, where pizhu finds it when run
# from the source tree; make install puts it under share/locale.
TRANSLATED_SOURCES := $(sort $(wildcard base/*.c formats/*.c speech/*.c store/*.c export/*.c cli/*.c tui/*.c tui/*.h))
XGETTEXT_FLAGS = --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --keyword=P_:1,2 --keyword=i18n_count:2,3 \
	--add-comments=TRANSLATORS: --package-name=pizhu --package-version=$(VERSION) \
	--msgid-bugs-address="see README.md" --sort-by-file

# test_i18n reads the built catalogue.
build/check/tests/test_i18n: $(CATALOGUE)

$(CATALOGUE): po/zh_CN.po
	@mkdir -p $(dir $@)
	@echo MSGFMT $@
	@msgfmt --check -o $@ $<

# make pot: the template of every marked string; make update-po: merges it
# into po/zh_CN.po for the translator (new strings come untranslated).
POT ?= po/pizhu.pot
pot:
	xgettext $(XGETTEXT_FLAGS) -o $(POT) $(TRANSLATED_SOURCES)
update-po: pot
	msgmerge --quiet --update --backup=none --no-fuzzy-matching po/zh_CN.po po/pizhu.pot

# The pinyin order of CJK characters for sorting titles (base/pinyin.h),
# from glibc's zh_CN collation source in Debian's locales package.
PINYIN_SOURCE ?= /usr/share/i18n/locales/iso14651_t1_pinyin
build/gen/pinyin_order.h: $(PINYIN_SOURCE) scripts/pinyin-table
	@mkdir -p $(dir $@)
	@echo GEN $@
	@sh scripts/pinyin-table $< > $@.tmp && mv $@.tmp $@
build/release/base/pinyin.o build/check/base/pinyin.o build/fuzz/base/pinyin.o \
	build/valgrind/base/pinyin.o build/bench/obj/base/pinyin.o build/tsan/base/pinyin.o: \
	build/gen/pinyin_order.h

# Release and bench builds leave the assert()s out (-DNDEBUG); the check
# builds keep them, so the invariants they state are tested.
build/release/%.o: %.c
	@mkdir -p $(dir $@)
	@echo CC $<
	@$(CC) $(BASE_CFLAGS) -DNDEBUG $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

# make check: everything built with warnings as errors and under AddressSanitizer
# and UBSan; unit tests and end-to-end tests run through prove.
build/check/%.o: %.c
	@mkdir -p $(dir $@)
	@echo CC $< '(check)'
	@$(CC) $(BASE_CFLAGS) $(CPPFLAGS) -O1 -g -Werror $(SANITIZE) -MMD -MP -c -o $@ $<

build/check/pizhu: $(CHECK_MODULE_OBJECTS) $(CHECK_CLI_OBJECTS) | $(CHECK_OCR_PLUGIN)
	@echo LINK $@
	@$(CC) $(SANITIZE) $(TEST_LD) $(LDFLAGS) -o $@ $^ $(LIBS)

build/check/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(UNIT_LINK_OBJECTS) \
		| $(CHECK_OCR_PLUGIN)
	@mkdir -p $(dir $@)
	@echo CC $@
	@$(CC) $(BASE_CFLAGS) $(CPPFLAGS) -O1 -g -Werror $(SANITIZE) $(TEST_LD) $(LDFLAGS) -o $@ $< \
		$(UNIT_LINK_OBJECTS) $(LIBS)

# The fuzz harnesses (tests/fuzz/fuzz_NAME.c) linked with driver.c: they
# replay the regression inputs under gcc's sanitizers in make check.
build/check/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/driver.c tests/fuzz/fuzz.h \
		$(CHECK_MODULE_OBJECTS)
	@mkdir -p $(dir $@)
	@echo CC $@
	@$(CC) $(BASE_CFLAGS) $(CPPFLAGS) -O1 -g -Werror $(SANITIZE) $(TEST_LD) $(LDFLAGS) -o $@ $< \
		tests/fuzz/driver.c $(CHECK_MODULE_OBJECTS) $(LIBS)

# PIZHU_CHECK_FULL=1 (make check-full) runs the sizes and counts that make
# check trims to stay within minutes: see HACKING.md. PROVE_FLAGS go to
# prove, e.g. --timer for each file's time.
check:
	@sh scripts/deps.sh fuzz
	@$(MAKE) --no-print-directory $(if $(filter -j%,$(MAKEFLAGS)),,-j$(CHECK_BUILD_JOBS)) \
		$(CATALOGUE) build/check/pizhu $(UNIT_BINARIES) $(REPLAY_BINARIES) fuzz-build
	PIZHU="$(CURDIR)/build/check/pizhu" PIZHU_SOURCE="$(CURDIR)" TORTURE_TRIALS=10 PATHS_TRIALS=16 \
		PIZHU_CHECK_FULL="$(PIZHU_CHECK_FULL)" PIZHU_PYTHON="$$(python3 -c 'import sys; print(sys.executable)')" \
		prove -j$(CHECK_JOBS) --exec '' $(PROVE_FLAGS) $(filter $(E2E_TESTS) $(CHECK_SCRIPTS),$(SLOW_TESTS)) \
		$(filter-out $(SLOW_TESTS),$(UNIT_BINARIES) $(E2E_TESTS) $(CHECK_SCRIPTS))

# make check-full: make check with everything it trims put back, and the
# release build too.
check-full:
	@$(MAKE) --no-print-directory pizhu $(CATALOGUE)
	@$(MAKE) --no-print-directory check PIZHU_CHECK_FULL=1

# make fuzz: each libFuzzer harness for FUZZ_SECONDS (clang with
# -fsanitize=fuzzer,address,undefined); what it learns is kept in
# build/fuzz/corpus, crashes in build/fuzz/crashes. See docs/reliability.md.
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_SANITIZE = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_OBJECTS := $(patsubst %.c,build/fuzz/%.o,$(MODULE_SOURCES))

# Line tables are all a crash's stack needs (and compile faster than -g).
build/fuzz/%.o: %.c
	@mkdir -p $(dir $@)
	@echo CC $< '(fuzz)'
	@$(FUZZ_CC) $(BASE_CFLAGS) $(CPPFLAGS) -O1 -gline-tables-only -Werror $(FUZZ_SANITIZE) \
		-fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_OBJECTS)
	@echo LINK $@
	@$(FUZZ_CC) $(BASE_CFLAGS) $(CPPFLAGS) -O1 -g -Werror $(FUZZ_SANITIZE) -fsanitize=fuzzer \
		$(TEST_LD) $(LDFLAGS) -o $@ $< $(FUZZ_OBJECTS) $(LIBS)

.SECONDARY: $(FUZZ_OBJECTS)
fuzz-build: $(FUZZ_BINARIES)

fuzz:
	@sh scripts/deps.sh fuzz
	@$(MAKE) --no-print-directory fuzz-build
	PIZHU_SOURCE="$(CURDIR)" sh tests/fuzz/run.sh --long $(FUZZ_SECONDS)

# make torture: TORTURE_TRIALS (default 300) crash trials: kill -9 at a
# random moment during batches of tag and note commands, then check the
# library (tests/torture/torture.sh); and PATHS_TRIALS (default 700) over
# every other write path (tests/torture/paths.sh).
TORTURE_TRIALS ?= 300
PATHS_TRIALS ?= 700
torture:
	@sh scripts/deps.sh
	@$(MAKE) --no-print-directory build/check/pizhu
	PIZHU="$(CURDIR)/build/check/pizhu" PIZHU_SOURCE="$(CURDIR)" \
		TORTURE_TRIALS=$(TORTURE_TRIALS) PATHS_TRIALS=$(PATHS_TRIALS) \
		prove -v --exec '' tests/torture/torture.sh tests/torture/paths.sh

# make check-valgrind: the end-to-end suite once with pizhu (built without
# sanitizers) under valgrind memcheck; any error or definitely lost block
# fails the test that ran it.
VALGRIND_OBJECTS := $(patsubst %.c,build/valgrind/%.o,$(MODULE_SOURCES) $(CLI_SOURCES))

build/valgrind/%.o: %.c
	@mkdir -p $(dir $@)
	@echo CC $< '(valgrind)'
	@$(CC) $(BASE_CFLAGS) $(CPPFLAGS) -O1 -g -Werror -MMD -MP -c -o $@ $<

build/valgrind/pizhu: $(VALGRIND_OBJECTS) | $(OCR_PLUGIN)
	@echo LINK $@
	@$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

check-valgrind:
	@sh scripts/deps.sh valgrind
	@$(MAKE) --no-print-directory build/valgrind/pizhu
	@rm -rf build/valgrind/logs && mkdir -p -m 1777 build/valgrind/logs
	PIZHU="$(CURDIR)/tests/valgrind/pizhu" PIZHU_VALGRIND_BINARY="$(CURDIR)/build/valgrind/pizhu" \
		PIZHU_VALGRIND_LOGS="$(CURDIR)/build/valgrind/logs" PIZHU_SOURCE="$(CURDIR)" \
		PIZHU_TEST_SLOWDOWN=10 prove --exec '' $(E2E_TESTS)
	@sh tests/valgrind/summary.sh build/valgrind/logs

# make tsan: pizhu and the tests of its threads built with ThreadSanitizer
# (the reader's background import against its polling, the library's
# import job, the search view's background count, two processes
# writing one library, and a library loaded on demand by several threads),
# then run; any report fails it.
TSAN_SANITIZE = -fsanitize=thread -fno-omit-frame-pointer
TSAN_OBJECTS := $(patsubst %.c,build/tsan/%.o,$(MODULE_SOURCES) $(CLI_SOURCES))
TSAN_TESTS := test_background_import test_store_concurrent test_store_search_counter \
	test_store_import_job test_library_loader

build/tsan/%.o: %.c
	@mkdir -p $(dir $@)
	@echo CC $< '(tsan)'
	@$(CC) $(BASE_CFLAGS) $(CPPFLAGS) -O1 -g -Werror $(TSAN_SANITIZE) -MMD -MP -c -o $@ $<

build/tsan/pizhu: $(TSAN_OBJECTS) | $(OCR_PLUGIN)
	@echo LINK $@
	@$(CC) $(TSAN_SANITIZE) $(LDFLAGS) -o $@ $^ $(LIBS)

build/tsan/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(TSAN_OBJECTS)
	@mkdir -p $(dir $@)
	@echo CC $@
	@$(CC) $(BASE_CFLAGS) $(CPPFLAGS) -O1 -g -Werror $(TSAN_SANITIZE) $(LDFLAGS) -o $@ $< \
		$(filter-out build/tsan/cli/main.o,$(TSAN_OBJECTS)) $(LIBS)

tsan:
	@sh scripts/deps.sh
	@$(MAKE) --no-print-directory build/tsan/pizhu $(patsubst %,build/tsan/tests/%,$(TSAN_TESTS))
	@rm -rf build/tsan/logs && mkdir -p build/tsan/logs
	TSAN_OPTIONS="log_path=$(CURDIR)/build/tsan/logs/report second_deadlock_stack=1" \
		PIZHU="$(CURDIR)/build/tsan/pizhu" PIZHU_SOURCE="$(CURDIR)" \
		prove --exec '' $(patsubst %,build/tsan/tests/%,$(TSAN_TESTS)) tests/e2e/big_file.sh
	@if ls build/tsan/logs/report* >/dev/null 2>&1; then \
		cat build/tsan/logs/report*; echo "tsan: data races reported (above)"; exit 1; \
	else echo "tsan: no reports"; fi

# make bench: an optimised binary without sanitizers or assertions, measured
# against less, the sqlite3 floor and grep by bench/run (docs/performance.md).
# BENCH_FLAGS passes options to bench/run, e.g. BENCH_FLAGS=--json.
build/bench/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@echo CC $< '(bench)'
	@$(CC) $(BASE_CFLAGS) -O2 -DNDEBUG $(CPPFLAGS) -MMD -MP -c -o $@ $<

build/bench/pizhu: $(BENCH_OBJECTS)
	@echo LINK $@
	@$(CC) -O2 $(LDFLAGS) -o $@ $^ $(LIBS)

bench:
	@sh scripts/deps.sh bench
	@$(MAKE) --no-print-directory build/bench/pizhu
	python3 bench/run $(BENCH_FLAGS)

demo:
	@sh scripts/deps.sh
	@$(MAKE) --no-print-directory pizhu $(CATALOGUE)
	./pizhu examples/sample-speech.txt

# The Chinese man page with break points between CJK characters, which
# groff before 1.23 needs (scripts/man-cjk).
build/man/zh_CN/pizhu.1: docs/zh_CN/pizhu.1 scripts/man-cjk
	@mkdir -p $(dir $@)
	@echo GEN $@
	@perl scripts/man-cjk <$< >$@

install: pizhu $(CATALOGUE) build/man/zh_CN/pizhu.1 $(OCR_PLUGIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/man/zh_CN/man1 $(DESTDIR)$(PREFIX)/share/pizhu/themes \
		$(DESTDIR)$(PREFIX)/share/locale/zh_CN/LC_MESSAGES
	install -m 755 pizhu $(DESTDIR)$(PREFIX)/bin/pizhu
	install -m 644 docs/pizhu.1 $(DESTDIR)$(PREFIX)/share/man/man1/pizhu.1
	install -m 644 build/man/zh_CN/pizhu.1 $(DESTDIR)$(PREFIX)/share/man/zh_CN/man1/pizhu.1
	install -m 644 $(CATALOGUE) $(DESTDIR)$(PREFIX)/share/locale/zh_CN/LC_MESSAGES/pizhu.mo
	install -m 644 themes/*.theme $(DESTDIR)$(PREFIX)/share/pizhu/themes
	$(if $(OCR_PLUGIN),install -d $(DESTDIR)$(PLUGINDIR) && \
		install -m 644 $(OCR_PLUGIN) $(DESTDIR)$(PLUGINDIR)/pizhu-ocr.so)

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/pizhu $(DESTDIR)$(PREFIX)/share/man/man1/pizhu.1 \
		$(DESTDIR)$(PREFIX)/share/man/zh_CN/man1/pizhu.1 \
		$(DESTDIR)$(PREFIX)/share/locale/zh_CN/LC_MESSAGES/pizhu.mo
	rm -rf $(DESTDIR)$(PREFIX)/share/pizhu $(DESTDIR)$(PLUGINDIR)

format:
	clang-format -i $$(git ls-files '*.c' '*.h')

clean:
	rm -rf build pizhu

-include $(shell find build -name '*.d' 2>/dev/null)
