# gongkai - budget disclosures to contract CSVs.  See README.md.
#
#   make            build bin/gongkai and the stage tools
#   make demo       install the missing Debian packages building and running
#                   need, build, run on samples/ -> out/ (CSV, SQLite, xlsx)
#   make install    PREFIX=/usr/local DESTDIR=: bin/, share/gongkai/rules,
#                   share/gongkai/scripts (harvest, shard), share/man/man1
#   make check      every test: unit (Criterion), golden CSVs, bad-input catalogue,
#                   OCR of scans made at test time (tests/ocr),
#                   harvest (incremental, kill -9, merge), the seeds' score floor,
#                   every fuzz seed and crash reproducer replayed once
#                   (CPU-time limits: a busy machine passes), valgrind on the
#                   stages over the golden inputs, then unit, golden and bad
#                   inputs again under ASan + UBSan
#   make bench      throughput and memory against pdftotext -bbox-layout
#   make fuzz       explore with each fuzz harness for FUZZ_SECONDS (clang + libFuzzer)

CC      ?= cc
PKGS    := poppler-glib libpcre2-8 glib-2.0 cairo libpng16 xlsxwriter
# Tesseract and Leptonica: headers at build time, the libraries loaded by
# extract/ocr.c when a page needs OCR (dlopen), so that a text PDF's
# process does not pay for loading them
OCRPKGS := tesseract lept
OPT     ?= -O2
CFLAGS  ?= $(OPT) -g
# flags every build needs, whatever CFLAGS the command line gives
GK_CFLAGS := -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wno-unused-parameter -Ilib \
           $(shell pkg-config --cflags $(PKGS) $(OCRPKGS) 2>/dev/null)
LDLIBS  += $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv -lsqlite3 -lm -ldl
# where objects and binaries go; the sanitizer build uses its own tree
O       ?= build
BIN     ?= bin

LIBSRC  := $(sort $(filter-out %/main.c, $(wildcard lib/*.c extract/*.c normalize/*.c load/*.c driver/*.c report/*.c)))
LIBOBJ  := $(LIBSRC:%.c=$(O)/%.o)
TOOLS   := $(BIN)/gongkai $(BIN)/gongkai-extract $(BIN)/gongkai-normalize $(BIN)/gongkai-load
TESTSRC := $(sort $(wildcard tests/unit/*.c))
TESTOBJ := $(TESTSRC:%.c=$(O)/%.o)

all: $(TOOLS)

$(O)/%.o: %.c $(wildcard lib/*.h extract/*.h normalize/*.h load/*.h report/*.h tests/unit/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(GK_CFLAGS) $(CFLAGS) -c -o $@ $<

$(O)/libgongkai.a: $(LIBOBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN)/gongkai: $(O)/driver/main.o $(O)/libgongkai.a
	@mkdir -p $(BIN)
	$(CC) $(GK_CFLAGS) $(CFLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS)
$(BIN)/gongkai-%: $(O)/%/main.o $(O)/libgongkai.a
	@mkdir -p $(BIN)
	$(CC) $(GK_CFLAGS) $(CFLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS)

# test material for OCR: image-only PDFs rendered from text PDFs
$(BIN)/gk-mkscan: tests/ocr/mkscan.c
	@mkdir -p $(BIN)
	$(CC) $(GK_CFLAGS) $(CFLAGS) -o $@ $< $(LDFLAGS) $(LDLIBS) $(shell pkg-config --libs lept)

$(BIN)/unit-tests: $(TESTOBJ) $(O)/libgongkai.a
	@mkdir -p $(BIN)
	$(CC) $(GK_CFLAGS) $(CFLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS) -lcriterion

deps:
	scripts/install-deps

deps-build:
	scripts/install-deps build

PREFIX  ?= /usr/local
DESTDIR ?=
bindir  := $(PREFIX)/bin
datadir := $(PREFIX)/share/gongkai
man1dir := $(PREFIX)/share/man/man1
MANS    := $(sort $(wildcard man/*.1))

# the rules go to share/gongkai/rules, where an installed gongkai looks for
# them (beside its bin/: lib/util.c gk_default_rules_dir)
install: all
	install -d '$(DESTDIR)$(bindir)' '$(DESTDIR)$(datadir)/rules' '$(DESTDIR)$(datadir)/scripts' '$(DESTDIR)$(man1dir)'
	install -m 755 $(TOOLS) '$(DESTDIR)$(bindir)/'
	install -m 644 rules/*.rules '$(DESTDIR)$(datadir)/rules/'
	install -m 755 scripts/harvest scripts/shard '$(DESTDIR)$(datadir)/scripts/'
	install -m 644 scripts/outdir.sh '$(DESTDIR)$(datadir)/scripts/'
	install -m 644 $(MANS) '$(DESTDIR)$(man1dir)/'

uninstall:
	rm -f $(foreach t,$(notdir $(TOOLS)),'$(DESTDIR)$(bindir)/$(t)') $(foreach m,$(notdir $(MANS)),'$(DESTDIR)$(man1dir)/$(m)')
	rm -rf '$(DESTDIR)$(datadir)'

# the text disclosures and their rendered PDFs share document names, so
# they go to two output trees; the PDFs' tables also to SQLite and xlsx
demo: deps-build
	$(MAKE) all
	rm -rf out
	$(BIN)/gongkai run -o out/text samples/text; rc=$$?; \
	  $(BIN)/gongkai run -o out/pdf --sqlite out/pdf.db --xlsx out/pdf.xlsx samples/pdf; rc2=$$?; \
	  [ $$rc2 -gt $$rc ] && rc=$$rc2; \
	  echo "demo: $$(ls out/text/*.csv out/pdf/*.csv | wc -l) combined files under out/text and out/pdf," \
	       "out/pdf.db, out/pdf.xlsx (exit $$rc)"; \
	  test $$rc -le 1

# every test, then every test again under ASan + UBSan
check: all $(BIN)/unit-tests $(BIN)/gk-mkscan
	$(BIN)/unit-tests --jobs 2
	GONGKAI_BIN=$(BIN) tests/golden/run.sh
	GONGKAI_BIN=$(BIN) tests/bad/run.sh
	GONGKAI_BIN=$(BIN) GK_MKSCAN=$(BIN)/gk-mkscan tests/ocr/run.sh
	GONGKAI_BIN=$(BIN) tests/harvest/run.sh
	GONGKAI_BIN=$(BIN) tests/report/run.sh
	GONGKAI_BIN=$(BIN) scripts/eval
	GONGKAI_BIN=$(BIN) tests/real/run.sh
	GONGKAI_BIN=$(BIN) tests/findings/run.sh
	GONGKAI_BIN=$(BIN) tests/real/metadata.sh
	scripts/fuzz --replay
	scripts/valgrind-golden
	$(MAKE) check-san

SANFLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
check-san:
	$(MAKE) O=build-san BIN=build-san/bin OPT= CFLAGS="$(SANFLAGS)" LDFLAGS="-fsanitize=address,undefined" \
	  build-san/bin/unit-tests build-san/bin/gongkai build-san/bin/gongkai-extract \
	  build-san/bin/gongkai-normalize build-san/bin/gongkai-load
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  build-san/bin/unit-tests --jobs 2
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  GONGKAI_BIN=build-san/bin tests/golden/run.sh
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  GONGKAI_BIN=build-san/bin tests/bad/run.sh
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  GONGKAI_BIN=build-san/bin REPORT_BROWSER=no tests/report/run.sh

bench: all
	scripts/bench

fuzz:
	scripts/fuzz $${FUZZ_SECONDS:-60}

clean:
	rm -rf build build-san build-fuzz bin out

.PHONY: all deps deps-build demo install uninstall check check-san bench fuzz clean
