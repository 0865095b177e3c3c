# The binary to install: Swift's libraries linked in (it runs when copied anywhere) and not
# position-independent, so the loader writes no 80,000 relocations into its pages at start:
# together they keep a running session under the 20 MB memory budget (docs/PERFORMANCE.md).
# Linux only (the build this was measured on).
SCRATCH ?= .build-static

release:
	swift build -c release --static-swift-stdlib -Xlinker -no-pie --scratch-path $(SCRATCH)
	@echo "built $(SCRATCH)/release/thinkenv"

.PHONY: release
