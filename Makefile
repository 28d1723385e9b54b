# kubetutor: `make run` starts the shell, `make test` runs the whole suite.
SWIFT ?= swift
PACKAGES := libedit-dev libsqlite3-dev

.PHONY: run test deps build

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
