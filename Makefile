# pizhu — build, test, install. See README.md.
VERSION = 0.1.0
PREFIX ?= /usr/local
DESTDIR ?=
CC ?= cc
CFLAGS ?= -O2 -g

PKG_CFLAGS := $(shell pkg-config --cflags ncursesw sqlite3 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs ncursesw sqlite3 2>/dev/null || echo -lncursesw -ltinfo -lsqlite3)
LIBS = $(PKG_LIBS) -lunistring -lm -pthread

WARNINGS = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes
BASE_CFLAGS = -std=c17 -D_GNU_SOURCE -I. $(WARNINGS) $(PKG_CFLAGS) \
	-DPIZHU_VERSION='"$(VERSION)"' -DPIZHU_DATADIR='"$(PREFIX)/share/pizhu"'
SANITIZE = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

MODULE_SOURCES := $(sort $(wildcard base/*.c formats/*.c speech/*.c store/*.c export/*.c tui/*.c))
CLI_SOURCES := $(sort $(wildcard cli/*.c))
UNIT_SOURCES := $(sort $(wildcard tests/unit/test_*.c))
E2E_TESTS := $(sort $(wildcard tests/e2e/*.sh))

RELEASE_OBJECTS := $(patsubst %.c,build/release/%.o,$(MODULE_SOURCES) $(CLI_SOURCES))
CHECK_MODULE_OBJECTS := $(patsubst %.c,build/check/%.o,$(MODULE_SOURCES))
CHECK_CLI_OBJECTS := $(patsubst %.c,build/check/%.o,$(CLI_SOURCES))
UNIT_BINARIES := $(patsubst tests/unit/%.c,build/check/tests/%,$(UNIT_SOURCES))
FUZZ_NAMES := $(patsubst tests/fuzz/fuzz_%.c,%,$(sort $(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_BINARIES := $(patsubst %,build/fuzz/fuzz_%,$(FUZZ_NAMES))
REPLAY_BINARIES := $(patsubst %,build/check/fuzz/replay_%,$(FUZZ_NAMES))
# Checks that are not unit or end-to-end tests: fuzzing and crash trials.
CHECK_SCRIPTS := tests/fuzz/run.sh tests/torture/torture.sh tests/torture/paths.sh

BENCH_OBJECTS := $(patsubst %.c,build/bench/obj/%.o,$(MODULE_SOURCES) $(CLI_SOURCES))

.PHONY: all check bench fuzz fuzz-build torture check-valgrind demo install uninstall clean format
all: pizhu

pizhu: $(RELEASE_OBJECTS)
	@echo LINK $@
	@$(CC) $(CFLAGS) -o $@ $^ $(LIBS)

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

build/release/%.o: %.c
	@mkdir -p $(dir $@)
	@echo CC $<
	@$(CC) $(BASE_CFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

# make check: everything built with warnings as errors and under AddressSanitizer
# and UBSan; unit tests and end-to-end tests run through prove.
build/check/%.o: %.c
	@mkdir -p $(dir $@)
	@echo CC $< '(check)'
	@$(CC) $(BASE_CFLAGS) -O1 -g -Werror $(SANITIZE) -MMD -MP -c -o $@ $<

build/check/pizhu: $(CHECK_MODULE_OBJECTS) $(CHECK_CLI_OBJECTS)
	@echo LINK $@
	@$(CC) $(SANITIZE) -o $@ $^ $(LIBS)

build/check/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(CHECK_MODULE_OBJECTS)
	@mkdir -p $(dir $@)
	@echo CC $@
	@$(CC) $(BASE_CFLAGS) -O1 -g -Werror $(SANITIZE) -o $@ $< $(CHECK_MODULE_OBJECTS) $(LIBS)

# The fuzz harnesses (tests/fuzz/fuzz_NAME.c) linked with driver.c: they
# replay the regression inputs under gcc's sanitizers in make check.
build/check/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/driver.c tests/fuzz/fuzz.h \
		$(CHECK_MODULE_OBJECTS)
	@mkdir -p $(dir $@)
	@echo CC $@
	@$(CC) $(BASE_CFLAGS) -O1 -g -Werror $(SANITIZE) -o $@ $< tests/fuzz/driver.c \
		$(CHECK_MODULE_OBJECTS) $(LIBS)

check:
	@sh scripts/deps.sh fuzz
	@$(MAKE) --no-print-directory pizhu build/check/pizhu $(UNIT_BINARIES) $(REPLAY_BINARIES)
	@if sh tests/fuzz/run.sh --available; then \
		$(MAKE) --no-print-directory fuzz-build; fi
	PIZHU="$(CURDIR)/build/check/pizhu" PIZHU_SOURCE="$(CURDIR)" TORTURE_TRIALS=10 PATHS_TRIALS=16 \
		prove --exec '' $(UNIT_BINARIES) $(E2E_TESTS) $(CHECK_SCRIPTS)

# make fuzz: each libFuzzer harness for FUZZ_SECONDS (clang with
# -fsanitize=fuzzer,address,undefined); what it learns is kept in
# build/fuzz/corpus, crashes in build/fuzz/crashes. See docs/reliability.md.
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_SANITIZE = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_OBJECTS := $(patsubst %.c,build/fuzz/%.o,$(MODULE_SOURCES))

build/fuzz/%.o: %.c
	@mkdir -p $(dir $@)
	@echo CC $< '(fuzz)'
	@$(FUZZ_CC) $(BASE_CFLAGS) -O1 -g -Werror $(FUZZ_SANITIZE) -fsanitize=fuzzer-no-link \
		-MMD -MP -c -o $@ $<

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_OBJECTS)
	@echo LINK $@
	@$(FUZZ_CC) $(BASE_CFLAGS) -O1 -g -Werror $(FUZZ_SANITIZE) -fsanitize=fuzzer -o $@ $< \
		$(FUZZ_OBJECTS) $(LIBS)

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
	@$(CC) $(BASE_CFLAGS) -O1 -g -Werror -MMD -MP -c -o $@ $<

build/valgrind/pizhu: $(VALGRIND_OBJECTS)
	@echo LINK $@
	@$(CC) -o $@ $^ $(LIBS)

check-valgrind:
	@sh scripts/deps.sh valgrind
	@$(MAKE) --no-print-directory build/valgrind/pizhu
	@rm -rf build/valgrind/logs && mkdir -p -m 1777 build/valgrind/logs
	PIZHU="$(CURDIR)/tests/valgrind/pizhu" PIZHU_VALGRIND_BINARY="$(CURDIR)/build/valgrind/pizhu" \
		PIZHU_VALGRIND_LOGS="$(CURDIR)/build/valgrind/logs" PIZHU_SOURCE="$(CURDIR)" \
		PIZHU_TEST_SLOWDOWN=10 prove --exec '' $(E2E_TESTS)
	@sh tests/valgrind/summary.sh build/valgrind/logs

# make bench: an optimised binary without sanitizers or assertions, measured
# against less, the sqlite3 floor and grep by bench/run (docs/performance.md).
# BENCH_FLAGS passes options to bench/run, e.g. BENCH_FLAGS=--json.
build/bench/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@echo CC $< '(bench)'
	@$(CC) $(BASE_CFLAGS) -O2 -DNDEBUG -MMD -MP -c -o $@ $<

build/bench/pizhu: $(BENCH_OBJECTS)
	@echo LINK $@
	@$(CC) -O2 -o $@ $^ $(LIBS)

bench:
	@sh scripts/deps.sh
	@$(MAKE) --no-print-directory build/bench/pizhu
	python3 bench/run $(BENCH_FLAGS)

demo:
	@sh scripts/deps.sh
	@$(MAKE) --no-print-directory pizhu
	./pizhu examples/sample-speech.txt

install: pizhu
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/pizhu/themes
	install -m 755 pizhu $(DESTDIR)$(PREFIX)/bin/pizhu
	install -m 644 docs/pizhu.1 $(DESTDIR)$(PREFIX)/share/man/man1/pizhu.1
	install -m 644 themes/*.theme $(DESTDIR)$(PREFIX)/share/pizhu/themes

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/pizhu $(DESTDIR)$(PREFIX)/share/man/man1/pizhu.1
	rm -rf $(DESTDIR)$(PREFIX)/share/pizhu

format:
	clang-format -i $$(git ls-files '*.c' '*.h')

clean:
	rm -rf build pizhu

-include $(shell find build -name '*.d' 2>/dev/null)
