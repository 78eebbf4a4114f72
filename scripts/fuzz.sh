#!/bin/sh
# Fuzzes Patuh's XML loaders with libFuzzer and AddressSanitizer (Sources/PatuhFuzz).
#
#   scripts/fuzz.sh [SECONDS] [extra libFuzzer flags...]     default: 600 seconds
#   scripts/fuzz.sh --replay                                 the crash regressions, once each
#
# Builds PatuhFuzz into .build-fuzz (kept apart from .build: sanitizer builds do not mix),
# makes a seed corpus from the shipped rubrics, the Riau sample (cut to a few records
# each, closed properly) and the test fixtures, a dictionary from the XSD schemas, and runs
# the fuzzer at low priority. New inputs go to .build-fuzz/corpus, crashes to
# .build-fuzz/artifacts/. Replay one with:
#
#   .build-fuzz/debug/PatuhFuzz .build-fuzz/artifacts/crash-...
#
# and copy it into Tests/patuhTests/Fixtures/fuzz-regressions/ once fixed: the
# FuzzRegressionTests replay every file there through an ordinary build of PatuhFuzz.
set -eu
cd "$(dirname "$0")/.."
scratch=.build-fuzz

swift build -c debug --product PatuhFuzz --scratch-path "$scratch" \
    -Xswiftc -sanitize=fuzzer,address -Xlinker --export-dynamic-symbol=LLVMFuzzerRunDriver

if [ "${1:-}" = --replay ]; then
    # libFuzzer runs each file named once; AddressSanitizer reports any memory error.
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} \
        "$scratch/debug/PatuhFuzz" $(find Tests/patuhTests/Fixtures/fuzz-regressions -type f ! -name README.md | sort)
    echo "fuzz: every regression input replayed without a crash"
    exit 0
fi
seconds=${1:-600}
[ $# -gt 0 ] && shift

seeds=$scratch/seeds
rm -rf "$seeds"
mkdir -p "$seeds" "$scratch/corpus" "$scratch/artifacts"

# Keeps the first $3 records (elements closed by "</$2>") of file $1 and closes its root $4.
cut_records() {
    awk -v tag="</$2>" -v keep="$3" -v root="$4" '
        { print }
        index($0, tag) { n++; if (n >= keep) { if (root != "") print "</" root ">"; exit } }
    ' "$1"
}

n=0
for f in Rubrics/*.xml; do cp "$f" "$seeds/rubric-$(basename "$f")"; done
cut_records Samples/riau/registry.xml unit 12 "" > "$seeds/registry-cut.xml"
# The registry cut mid-region is a truncated file: a seed too. A whole small registry:
cp Tests/PatuhFormatsTests/Fixtures/valid/registry.xml "$seeds/registry-valid.xml"
for f in $(find Samples/riau/assessments -name '*.xml' | sort | head -n 8); do
    n=$((n + 1)); cut_records "$f" assessment 1 assessments > "$seeds/assessment-$n.xml"
done
for f in $(find Samples/riau/surveys -name '*.xml' | sort | awk 'NR % 25 == 1'); do
    n=$((n + 1)); cut_records "$f" response 3 survey > "$seeds/survey-$n.xml"
done
# Folder trees for the file walk (an input that begins with '#': see WalkFuzz.swift).
printf '#\000\003ab\001\004x.xm\002\002p\020\003\002up\000\001c\001\001d' > "$seeds/walk-1"
printf '#\000\001.\001\002.h\000\002\351\001\001\001z\030\002ln\005\001\001\001q' > "$seeds/walk-2"
for f in $(find Tests -path '*Fixtures*' -type f -size -64k ! -name '*.md' ! -name '*.csv' | sort); do
    n=$((n + 1)); cp "$f" "$seeds/fixture-$n-$(basename "$f")"
done

# A dictionary from the schemas: element and attribute names, enumerations, and XML syntax;
# numbers at the limits of the arithmetic (an Int of hundredths, the rubric bounds), the
# blanks xs:token collapses, and the words of ODK submissions (the input is imported too,
# and read as a folder tree to search: see Sources/PatuhFuzz/WalkFuzz.swift).
dict=$scratch/patuh.dict
{
    sed -n 's/.*<xs:\(element\|attribute\) name="\([^"]*\)".*/\2/p' Rubrics/schema/*.xsd | sort -u |
        while read -r name; do printf '"<%s"\n"</%s>"\n"%s=\\""\n' "$name" "$name" "$name"; done
    sed -n 's/.*<xs:enumeration value="\([^"]*\)".*/\1/p' Rubrics/schema/*.xsd | sort -u |
        while read -r v; do printf '"\\"%s\\""\n' "$v"; done
    for t in 'xmlns=\"urn:patuh:1\"' '<?xml version=\"1.0\"' 'encoding=\"UTF-16\"' 'encoding=\"ISO-8859-1\"' \
             '<!DOCTYPE' '<!ENTITY' 'SYSTEM' '&amp;' '&#x' '<![CDATA[' ']]>' '<!--' '-->' '/>' 'na' \
             '1e400' 'NaN' '-0' '3.0.1' '\xef\xbb\xbf' '\xff\xfe' \
             '100000000000000000' '-100000000000000000' '9223372036854775807' '99999999999999999999' \
             '1000000' '1000001' '0.000000001' '0' '-1' '&#10;' '&#9;' '&#13;' '\" ' ' \"' \
             'deprecatedID' 'instanceID' 'uuid:' '<results>' '<photo>' '.netrc' '../'; do
        printf '"%s"\n' "$t"
    done
} > "$dict"

echo "fuzz: $(ls "$seeds" | wc -l) seeds, $(wc -l < "$dict") dictionary entries, $seconds s"
# Swift's own crash backtracer would race libFuzzer's handlers: leave crashes to libFuzzer.
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} \
    nice -n 10 "$scratch/debug/PatuhFuzz" "$scratch/corpus" "$seeds" \
    -dict="$dict" -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=2048 \
    -artifact_prefix="$scratch/artifacts/" -print_final_stats=1 "$@"
