# reach — who did we reach, and who did we miss?
# make          build ./reach
# make demo     ingest the shipped sample exports and report on them
# make check    every test (SAN=1: the same under AddressSanitizer and UBSan)
# make bench    speed and memory against a bare libcsv parse and sqlite3 .import
# make deps     install the Debian packages the build, tests and charts need
# make man      write help/commands.txt into reach.1 (COMMAND SUMMARY)

CC      ?= cc
PREFIX  ?= /usr/local
CFLAGS  ?= -O2 -g
SAN     ?= 0
DEMO_DB ?= demo/reach.db

WARN    = -std=c11 -Wall -Wextra -Werror -pedantic
DEFS    = -D_POSIX_C_SOURCE=200809L
LIBS    = -lcsv -lsqlite3 -lgsl -lgslcblas -lcrypto -lm -lpthread

ifeq ($(SAN),1)
BUILD   = build/san
CFLAGS += -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
else
BUILD   = build/release
endif

DEB_PACKAGES = gcc make libcsv-dev libsqlite3-dev libgsl-dev libssl-dev gnuplot-nox sqlite3 pkg-config jq time

SRCS      = $(wildcard src/*.c)
LIB_OBJS  = $(patsubst src/%.c,$(BUILD)/%.o,$(filter-out src/main.c,$(SRCS))) $(BUILD)/files.o
EMBEDDED  = $(sort $(wildcard queries/*.sql) $(wildcard charts/*.gp) help/commands.txt $(shell find seeds -name '*.csv' -not -path 'seeds/samples/*' 2>/dev/null))
UNIT_SRCS = $(wildcard tests/unit/test_*.c)
UNIT_BINS = $(patsubst tests/unit/%.c,$(BUILD)/%,$(UNIT_SRCS))

FUZZ_SECONDS ?= 60

.PHONY: all deps demo check unit golden bench fuzz install install-completion man clean
all: reach

reach: $(BUILD)/reach
	cp $< $@.tmp && mv -f $@.tmp $@

$(BUILD)/reach: $(BUILD)/main.o $(LIB_OBJS)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/%.o: src/%.c | $(BUILD)/.dir
	$(CC) $(WARN) $(DEFS) $(CFLAGS) -Isrc -MMD -MP -c -o $@ $<

$(BUILD)/files.c: src/embed.sh $(EMBEDDED) | $(BUILD)/.dir
	sh src/embed.sh $@ $(EMBEDDED)

$(BUILD)/files.o: $(BUILD)/files.c
	$(CC) $(WARN) $(DEFS) $(CFLAGS) -Isrc -c -o $@ $<

STATS_OBJS = $(BUILD)/stats.o $(BUILD)/stats_weight.o $(BUILD)/stats_trend.o

# The statistics are pure: their unit test links them alone, so the build fails if they need more.
$(BUILD)/test_stats: tests/unit/test_stats.c tests/unit/check.h $(STATS_OBJS)
	$(CC) $(WARN) $(DEFS) $(CFLAGS) -Isrc -Itests/unit $(LDFLAGS) -o $@ $< $(STATS_OBJS) -lgsl -lgslcblas -lm

$(BUILD)/test_%: tests/unit/test_%.c tests/unit/check.h $(LIB_OBJS)
	$(CC) $(WARN) $(DEFS) $(CFLAGS) -Isrc -Itests/unit $(LDFLAGS) -o $@ $< $(LIB_OBJS) $(LIBS)

# The attacker of the published reports' disclosure control, on the golden cases' PATH beside reach.
$(BUILD)/attack: tests/attack/attack.c | $(BUILD)/.dir
	$(CC) $(WARN) $(DEFS) $(CFLAGS) $(LDFLAGS) -o $@ $< -lm

$(BUILD)/.dir:
	mkdir -p $(BUILD) && touch $@

deps:
	@sh tests/deps.sh $(DEB_PACKAGES)

check: deps
	$(MAKE) --no-print-directory unit-bins $(BUILD)/reach $(BUILD)/attack
	sh tests/run.sh $(BUILD)/reach $(UNIT_BINS)

unit-bins: $(UNIT_BINS)

demo: deps reach
	sh tests/demo.sh ./reach $(DEMO_DB)

bench: deps reach
	sh bench/run.sh ./reach

# A coverage-guided fuzzer of the export reader (clang's libFuzzer), seeded
# with every test export; runs FUZZ_SECONDS and keeps any crash in build/fuzz/.
fuzz: $(BUILD)/files.c
	mkdir -p build/fuzz/corpus && cp tests/data/exports/*.csv seeds/samples/*.csv build/fuzz/corpus/
	clang -std=c11 $(DEFS) -g -O1 -fsanitize=fuzzer,address,undefined -Isrc -o build/fuzz/fuzz_ingest \
		tests/fuzz/fuzz_ingest.c $(filter-out src/main.c,$(SRCS)) $(BUILD)/files.c $(LIBS)
	cd build/fuzz && ./fuzz_ingest -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 corpus

install: reach install-completion
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 reach $(DESTDIR)$(PREFIX)/bin/reach
	install -m 644 reach.1 $(DESTDIR)$(PREFIX)/share/man/man1/reach.1

# The bash completion, where bash-completion looks for it.
install-completion:
	install -d $(DESTDIR)$(PREFIX)/share/bash-completion/completions
	install -m 644 help/reach.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/reach

# reach.1's COMMAND SUMMARY is the help of every command: rewrite it after editing help/commands.txt.
man:
	sh help/man.sh reach.1

clean:
	rm -rf build reach demo tests/out bench/out

-include $(wildcard $(BUILD)/*.d)
