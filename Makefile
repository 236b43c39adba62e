# reach — who did we reach, and who did we miss?
# make          build ./reach
# make demo     ingest the shipped sample exports and report on them
# make check    every test (SAN=1: the same under AddressSanitizer and UBSan)
# make fuzz     the libFuzzer targets of tests/fuzz/ (clang), FUZZ_SECONDS each
# make leaks    every error path of the command line under LeakSanitizer (minutes)
# make bench    speed and memory at 1M, 4M and 16M rows and over 200 consultations, against
#               a bare libcsv parse, sqlite3 .import and DuckDB (BENCH_SIZES=1m: the 1M
#               steps only; see bench/README.md)
# make deps     install the Debian packages the build, tests and charts need, and the
#               npm packages of the browser tests (tests/browser/package-lock.json)
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

DEB_PACKAGES = gcc make libcsv-dev libsqlite3-dev libgsl-dev libssl-dev gnuplot-nox sqlite3 pkg-config jq time chromium nodejs

SRCS      = $(wildcard src/*.c)
LIB_OBJS  = $(patsubst src/%.c,$(BUILD)/%.o,$(filter-out src/main.c,$(SRCS))) $(BUILD)/files.o
EMBEDDED  = $(sort $(wildcard queries/*.sql) $(wildcard charts/*.gp) help/commands.txt $(shell find seeds -name '*.csv' -not -path 'seeds/samples/*' 2>/dev/null))
UNIT_SRCS = $(wildcard tests/unit/test_*.c)
UNIT_BINS = $(patsubst tests/unit/%.c,$(BUILD)/%,$(UNIT_SRCS))

FUZZ_SECONDS ?= 60

.PHONY: all deps demo check unit golden bench fuzz leaks install install-completion man clean
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

$(BUILD)/test_%: tests/unit/test_%.c tests/unit/check.h tests/unit/scratch.h $(LIB_OBJS)
	$(CC) $(WARN) $(DEFS) $(CFLAGS) -Isrc -Itests/unit $(LDFLAGS) -o $@ $< $(LIB_OBJS) $(LIBS)

# The attacker of the published reports' disclosure control, on the golden cases' PATH beside reach.
$(BUILD)/attack: tests/attack/attack.c | $(BUILD)/.dir
	$(CC) $(WARN) $(DEFS) $(CFLAGS) $(LDFLAGS) -o $@ $< -lm

# The fault injector of tests/fault/run.sh, loaded with LD_PRELOAD: never sanitized itself.
$(BUILD)/fault.so: tests/fault/shim.c | $(BUILD)/.dir
	$(CC) -std=c11 -Wall -Wextra -Werror -O2 -shared -fPIC -o $@ $< -ldl

$(BUILD)/.dir:
	mkdir -p $(BUILD) && touch $@

deps:
	@sh tests/deps.sh $(DEB_PACKAGES)
	@sh tests/deps.sh --npm tests/browser

# Each fuzz target built with the ordinary compiler and replayed over its part of the
# hostile-input corpus (tests/fuzz/replay.c), so make check keeps every target building.
REPLAY_DIR_ingest = exports
REPLAY_DIR_reader = exports
REPLAY_DIR_profile = profiles
REPLAY_DIR_taxonomy = taxonomies
REPLAY_DIR_baseline = baselines
REPLAY_DIR_plan = plans
REPLAY_DIR_metadata = metadata
REPLAY_BINS = $(patsubst %,$(BUILD)/replay_%,ingest reader profile taxonomy baseline plan metadata)
$(BUILD)/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz_file.h $(LIB_OBJS)
	$(CC) $(WARN) $(DEFS) $(CFLAGS) -Isrc $(LDFLAGS) -DREPLAY_DIR='"tests/hostile/$(REPLAY_DIR_$*)"' -o $@ \
		tests/fuzz/replay.c $< $(LIB_OBJS) $(LIBS)

check: deps
	$(MAKE) --no-print-directory unit-bins $(BUILD)/reach $(BUILD)/attack $(BUILD)/fault.so
	sh tests/run.sh $(BUILD)/reach $(UNIT_BINS) $(REPLAY_BINS)

unit-bins: $(UNIT_BINS) $(REPLAY_BINS)

# Every option of every command with bad values, every usage error, the hostile corpus through
# every command that reads it, and faults in the middle of work, each run under the ASan build
# with LeakSanitizer (tests/fault/leaks.sh): about 3,800 runs, so apart from make check.
leaks:
	$(MAKE) --no-print-directory SAN=1 build/san/reach build/san/fault.so
	sh tests/fault/leaks.sh build/san/reach build/san/fault.so

demo: deps reach
	sh tests/demo.sh ./reach $(DEMO_DB)

# DuckDB's npm package is installed by bench/run.sh into bench/out/, not by deps.
bench: deps reach
	sh bench/run.sh ./reach

# Coverage-guided fuzzers (clang's libFuzzer) of every reader: tests/fuzz/fuzz_NAME.c
# for each NAME below, seeded with FUZZ_SEEDS_NAME (each copied under its path, so
# that two seeds of one name both count; the database target crafts
# copies of a good database); each runs FUZZ_SECONDS and keeps any crash in
# build/fuzz/. make fuzz-NAME runs one.
FUZZ_CC = clang -std=c11 $(DEFS) -g -O1 -fsanitize=fuzzer,address,undefined -Isrc
FUZZ_TARGETS = ingest reader database profile taxonomy baseline plan metadata
FUZZ_SEEDS_ingest = tests/data/exports/*.csv seeds/samples/*.csv tests/hostile/exports/*
FUZZ_SEEDS_reader = $(FUZZ_SEEDS_ingest) tests/data/real/*.csv
FUZZ_SEEDS_profile = tests/hostile/profiles/*
FUZZ_SEEDS_taxonomy = seeds/taxonomy/synonyms.csv tests/hostile/taxonomies/*
FUZZ_SEEDS_baseline = seeds/baselines/*.csv tests/hostile/baselines/*
FUZZ_SEEDS_plan = seeds/plans/*.csv seeds/indicators.csv tests/hostile/plans/*
FUZZ_SEEDS_metadata = seeds/samples/consultations.csv tests/hostile/metadata/*
FUZZ_FLAGS_database = -max_len=192 -len_control=0

fuzz: $(addprefix fuzz-,$(FUZZ_TARGETS))

fuzz-%: $(BUILD)/files.c
	mkdir -p build/fuzz/corpus-$*
	for f in $(FUZZ_SEEDS_$*); do cp "$$f" "build/fuzz/corpus-$*/$$(echo "$$f" | tr / _)" || exit 1; done
	$(FUZZ_CC) -o build/fuzz/fuzz_$* tests/fuzz/fuzz_$*.c $(filter-out src/main.c,$(SRCS)) $(BUILD)/files.c $(LIBS)
	build/fuzz/fuzz_$* -max_total_time=$(FUZZ_SECONDS) $(or $(FUZZ_FLAGS_$*),-max_len=65536) -timeout=10 \
		-artifact_prefix=build/fuzz/ build/fuzz/corpus-$*

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
