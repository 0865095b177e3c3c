# Build and install thinkenv as a facilitator's machine wants it (Linux only: the build this was
# made and measured on).
#
#   make                      the binary, its man pages and completions, in $(STAGE)
#   make install              into PREFIX (default ~/.local): bin, share/man/man1, completions
#   sudo make install PREFIX=/usr/local
#   make uninstall            removes exactly the files install wrote
#   make deb                  a Debian package of the same files (dpkg-deb)
#
# The binary to install: Swift's libraries linked in (it runs when copied anywhere), not
# position-independent, so the loader writes no 80,000 relocations into its pages at start, and
# its hot functions gathered: together they keep a running session under the 20 MB memory budget
# (docs/PERFORMANCE.md).

PREFIX ?= $(HOME)/.local
DESTDIR ?=
SCRATCH ?= .build-static
STAGE ?= $(SCRATCH)/stage

# The functions a session runs, each in its own section and placed together by the linker
# (scripts/order-hot-code writes the list): the kernel maps 64 KB around every page touched, so
# gathered they map 2 MB less (docs/PERFORMANCE.md).
HOT_FUNCTIONS = $(CURDIR)/scripts/hot-functions.txt
SWIFT_BUILD = swift build -c release --static-swift-stdlib -Xswiftc -Xfrontend -Xswiftc -function-sections \
	-Xlinker -no-pie -Xlinker --section-ordering-file=$(HOT_FUNCTIONS) --scratch-path $(SCRATCH)
BINARY = $(SCRATCH)/release/thinkenv
GENERATE_MANUAL = $(SCRATCH)/release/generate-manual
VERSION = $(shell sed -n 's/.*static let version = "\(.*\)"/\1/p' Sources/thinkenv/Thinkenv.swift)
# The pages are dated by the last commit, so the same source gives the same files.
MANUAL_DATE = $(shell git log -1 --format=%cs 2>/dev/null || date +%Y-%m-%d)
SOURCES = Package.swift Makefile $(HOT_FUNCTIONS) $(shell find Sources Protocols -type f 2>/dev/null)

# Where each file goes under PREFIX (the standard places bash-completion, zsh and fish look).
BASH_COMPLETION = share/bash-completion/completions/thinkenv
ZSH_COMPLETION = share/zsh/site-functions/_thinkenv
FISH_COMPLETION = share/fish/vendor_completions.d/thinkenv.fish
MAN_DIR = share/man/man1

all: $(STAGE)/stamp

release: $(BINARY)
	@echo "built $(BINARY)"

$(BINARY): $(SOURCES)
	$(SWIFT_BUILD) --product thinkenv
	@touch $@

$(GENERATE_MANUAL): $(BINARY)
	$(SWIFT_BUILD) --product generate-manual
	@touch $@

# The staged tree: bin/, share/man/man1/ (swift-argument-parser's generate-manual, one page per
# command; the hidden letters-helper left out, names tidied by scripts/man-page.awk) and the
# three completion scripts.
$(STAGE)/stamp: $(BINARY) $(GENERATE_MANUAL) scripts/man-page.awk
	rm -rf $(STAGE)
	mkdir -p $(STAGE)/bin $(STAGE)/$(MAN_DIR) $(STAGE)/man-all $(dir $(STAGE)/$(BASH_COMPLETION)) \
		$(dir $(STAGE)/$(ZSH_COMPLETION)) $(dir $(STAGE)/$(FISH_COMPLETION))
	cp $(BINARY) $(STAGE)/bin/thinkenv
	$(GENERATE_MANUAL) $(BINARY) --multi-page --date $(MANUAL_DATE) --output-directory $(STAGE)/man-all
	rm $(STAGE)/man-all/thinkenv.letters-helper.1
	for page in $(STAGE)/man-all/*.1; do \
		awk -f scripts/man-page.awk $$page > $(STAGE)/$(MAN_DIR)/$$(basename $$page); done
	rm -r $(STAGE)/man-all
	$(BINARY) --generate-completion-script bash | sed -e '1{/^#!/d;}' > $(STAGE)/$(BASH_COMPLETION)
	$(BINARY) --generate-completion-script zsh > $(STAGE)/$(ZSH_COMPLETION)
	$(BINARY) --generate-completion-script fish > $(STAGE)/$(FISH_COMPLETION)
	cd $(STAGE) && find bin share -type f | sort > files
	touch $@

install: $(STAGE)/stamp
	cd $(STAGE) && while read -r file; do \
		mode=644; case $$file in bin/*) mode=755;; esac; \
		install -D -m $$mode "$$file" "$(DESTDIR)$(PREFIX)/$$file" || exit 1; done < files
	@echo "installed thinkenv $(VERSION) in $(DESTDIR)$(PREFIX) ($$(wc -l < $(STAGE)/files) files)"

# Removes the files install wrote, then the folders it leaves empty (never PREFIX itself).
uninstall:
	@test -f $(STAGE)/files || { echo "make uninstall needs the list of files: run make first"; exit 1; }
	cd $(STAGE) && while read -r file; do rm -f "$(DESTDIR)$(PREFIX)/$$file"; \
		dir=$$(dirname "$$file"); \
		while [ "$$dir" != . ] && rmdir "$(DESTDIR)$(PREFIX)/$$dir" 2>/dev/null; do dir=$$(dirname "$$dir"); done; \
		done < files
	@echo "removed thinkenv from $(DESTDIR)$(PREFIX)"

deb: $(STAGE)/stamp
	VERSION=$(VERSION) STAGE=$(STAGE) scripts/make-deb $(SCRATCH)/deb

clean:
	rm -rf $(STAGE) $(SCRATCH)/deb

.PHONY: all release install uninstall deb clean
