# Tidies a page of swift-argument-parser's generate-manual for man-db, applied by `make`:
# - a subcommand's NAME is one word, as whatis and lexgrog read it ("thinkenv.run", the page's
#   own name: `man thinkenv.run`), while its synopsis and text still say "thinkenv run";
# - the hidden letters-helper (an internal helper process) is left out of SEE ALSO.
/^\.Sh NAME$/ {
    print
    if ((getline line) > 0 && line ~ /^\.Nm ".* .*"$/) {
        spoken = line
        sub(/^\.Nm "/, "", spoken)
        sub(/"$/, "", spoken)
        page = spoken
        gsub(/ /, ".", page)
        print ".Nm " page
    } else if (line != "") {
        print line
    }
    next
}
spoken != "" && $0 == ".Nm" { print ".Nm \"" spoken "\""; next }
/^\.Xr thinkenv\.letters-helper 1/ { next }
{ print }
