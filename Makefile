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

MODULE_SOURCES := $(sort $(wildcard base/*.c speech/*.c store/*.c export/*.c tui/*.c))
CLI_SOURCES := $(sort $(wildcard cli/*.c))
UNIT_SOURCES := $(sort $(wildcard tests/unit/test_*.c))
E2E_TESTS := $(sort $(wildcard tests/e2e/*.sh))

RELEASE_OBJECTS := $(patsubst %.c,build/release/%.o,$(MODULE_SOURCES) $(CLI_SOURCES))
CHECK_MODULE_OBJECTS := $(patsubst %.c,build/check/%.o,$(MODULE_SOURCES))
CHECK_CLI_OBJECTS := $(patsubst %.c,build/check/%.o,$(CLI_SOURCES))
UNIT_BINARIES := $(patsubst tests/unit/%.c,build/check/tests/%,$(UNIT_SOURCES))
BENCH_OBJECTS := $(patsubst %.c,build/bench/obj/%.o,$(MODULE_SOURCES) $(CLI_SOURCES))

.PHONY: all check bench demo install uninstall clean format
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
build/release/store/theme_file.o build/check/store/theme_file.o \
	build/bench/obj/store/theme_file.o: build/gen/default_theme.h

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

check:
	@sh scripts/deps.sh
	@$(MAKE) --no-print-directory pizhu build/check/pizhu $(UNIT_BINARIES)
	PIZHU="$(CURDIR)/build/check/pizhu" PIZHU_SOURCE="$(CURDIR)" \
		prove --exec '' $(UNIT_BINARIES) $(E2E_TESTS)

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
