#!/usr/bin/env bash
# Installs thinkenv from a fresh clone of this repository's HEAD into a temporary PREFIX, as the
# README's Install section says, and checks each file: the binary runs from there with no Swift
# libraries, each man page renders, each completion script loads in its shell and completes a
# subcommand, the Debian package holds the same files and lintian accepts it, and
# `make uninstall` leaves the PREFIX empty. Prints "N passed, N failed"; exits 1 on a failure.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
check() { # check "what" command...
    local what=$1
    shift
    if "$@" >"$work/out" 2>&1; then
        passed=$((passed + 1))
        echo "ok: $what"
    else
        failed=$((failed + 1))
        echo "FAILED: $what"
        sed 's/^/    /' "$work/out" | tail -20
    fi
}

git clone --quiet "$top" "$work/src" || exit 1
prefix="$work/prefix"
mkdir -p "$prefix"
echo "make install PREFIX=$prefix (a static release build; a few minutes)"
if ! make -C "$work/src" install PREFIX="$prefix" >"$work/build.log" 2>&1; then
    tail -30 "$work/build.log"
    echo "0 passed, 1 failed"
    exit 1
fi
tail -1 "$work/build.log"

bin="$prefix/bin/thinkenv"
check "the binary is installed and runs from PREFIX with a bare environment" \
    env -i HOME="$work/home" "$bin" --version
check "the binary needs no Swift library (ldd)" bash -c "! ldd '$bin' | grep -i swift"
check "the binary lists its protocols" env -i HOME="$work/home" LANG=C.UTF-8 "$bin" protocols

man_pages=("$prefix"/share/man/man1/*.1)
check "a man page for thinkenv and one per subcommand" \
    bash -c "test -f '$prefix/share/man/man1/thinkenv.1' && test ${#man_pages[@]} -ge 12 &&
        ! test -e '$prefix/share/man/man1/thinkenv.letters-helper.1'"
for page in "${man_pages[@]}"; do
    name=$(basename "$page" .1)
    check "man -l renders $name with its NAME" bash -c \
        "LANG=C.UTF-8 MANWIDTH=80 man --warnings -l '$page' 2>&1 >'$work/page' | grep . && exit 1;
         grep -q '^NAME' '$work/page' && grep -q '$name' '$work/page'"
done
check "man finds thinkenv.run through MANPATH" bash -c "MANPATH='$prefix/share/man' man -w thinkenv.run"

bash_script="$prefix/share/bash-completion/completions/thinkenv"
check "bash loads its completion and completes 'thinkenv ru' to run" bash -c "
    source '$bash_script' && complete -p thinkenv >/dev/null || exit 1
    fn=\$(complete -p thinkenv | sed -n 's/.*-F \([^ ]*\).*/\1/p')
    COMP_WORDS=(thinkenv ru); COMP_CWORD=1; COMP_LINE='thinkenv ru'; COMP_POINT=11
    \$fn thinkenv ru thinkenv
    printf '%s\n' \"\${COMPREPLY[@]}\" | grep -qx run"
zsh_dir="$prefix/share/zsh/site-functions"
check "zsh loads its completion (_thinkenv) from site-functions" zsh -f -c "
    fpath=('$zsh_dir' \$fpath); autoload -Uz compinit && compinit -u -d '$work/zcompdump'
    [[ \${_comps[thinkenv]} == _thinkenv ]] && autoload +X _thinkenv && whence -w _thinkenv | grep -q function"
fish_script="$prefix/share/fish/vendor_completions.d/thinkenv.fish"
check "fish loads its completion and completes 'thinkenv ru' to run" fish --no-config -c "
    source '$fish_script'; and complete -C 'thinkenv ru' | string match -q -r '^run\b'"

if command -v dpkg-deb >/dev/null 2>&1; then
    check "make deb builds a package lintian accepts" make -C "$work/src" deb
    deb=$(ls "$work"/src/.build-static/deb/thinkenv_*.deb 2>/dev/null | head -1)
    check "the package holds the binary, every man page and the three completions" bash -c "
        dpkg-deb -c '$deb' > '$work/contents' &&
        grep -q ' ./usr/bin/thinkenv$' '$work/contents' &&
        test \$(grep -c ' ./usr/share/man/man1/thinkenv.*\.1\.gz$' '$work/contents') -eq ${#man_pages[@]} &&
        grep -q ' ./usr/share/bash-completion/completions/thinkenv$' '$work/contents' &&
        grep -q ' ./usr/share/zsh/vendor-completions/_thinkenv$' '$work/contents' &&
        grep -q ' ./usr/share/fish/vendor_completions.d/thinkenv.fish$' '$work/contents' &&
        grep -q ' ./usr/share/doc/thinkenv/copyright$' '$work/contents'"
    check "the packaged (stripped) binary runs" bash -c "
        dpkg-deb -x '$deb' '$work/unpacked' && '$work/unpacked/usr/bin/thinkenv' --version"
fi

check "make uninstall leaves the PREFIX empty" bash -c "
    make -C '$work/src' uninstall PREFIX='$prefix' >/dev/null && test -z \"\$(find '$prefix' -mindepth 1)\""

echo "$passed passed, $failed failed"
((failed == 0))
