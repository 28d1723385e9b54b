# kubetutor: `make run` starts the shell, `make test` runs the whole suite.
SWIFT ?= swift
PACKAGES := libedit-dev libsqlite3-dev zlib1g-dev libjemalloc-dev

.PHONY: run test deps build bench compare fuzz fuzz-smoke

# Installs the Debian packages the build needs, when they are missing.
deps:
	@missing=""; \
	for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  elif command -v sudo >/dev/null 2>&1; then sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else echo "kubetutor needs:$$missing — install them with apt-get"; exit 1; fi; \
	fi

build: deps
	$(SWIFT) build -c release --product kubetutor

run: build
	@$$($(SWIFT) build -c release --show-bin-path)/kubetutor

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

# Performance: the benchmark's figures (README, "Performance") and the
# comparison with the real kubectl 1.32 client.
bench: deps
	$(SWIFT) build -c release --product kubetutor
	$(SWIFT) build -c release --product kubetutor-bench
	$$($(SWIFT) build -c release --show-bin-path)/kubetutor-bench $(BENCH_FLAGS)

compare: deps
	$(SWIFT) build -c release --product kubetutor
	bench/compare.sh

# Fuzzing, longer than the smoke in `make test`:
#   make fuzz-smoke FUZZ_SECONDS=300        seeded mutations of every target; no special build
#   make fuzz FUZZ_TARGET=manifest FUZZ_SECONDS=600
#                                           libFuzzer on one target (shell, manifest, content);
#                                           a crash leaves fuzz/work/crash-*: replay it with
#                                           `KT_FUZZ_TARGET=manifest .build-fuzz/debug/Fuzz FILE`,
#                                           then keep it as a regression test in Tests/FuzzTests
FUZZ_TARGET ?= shell
FUZZ_SECONDS ?= 300
fuzz-smoke: deps
	KT_FUZZ_SECONDS=$(FUZZ_SECONDS) $(SWIFT) test --filter FuzzSmokeTests

fuzz: deps
	KT_FUZZ=1 $(SWIFT) build --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer \
	  -Xcc -fsanitize=fuzzer-no-link --product Fuzz
	mkdir -p fuzz/work/$(FUZZ_TARGET)
	cd fuzz/work && KT_FUZZ_TARGET=$(FUZZ_TARGET) SWIFT_BACKTRACE=enable=no ../../.build-fuzz/debug/Fuzz \
	  -max_total_time=$(FUZZ_SECONDS) -timeout=20 -rss_limit_mb=4096 $(FUZZ_TARGET) \
	  $(if $(filter content,$(FUZZ_TARGET)),../../lessons ../../scenarios,../corpus/$(FUZZ_TARGET))
