# Every bench library, for the scripts in bench/ (each sets BENCH_DIR and ROOT first). They only define functions
# and defaults, so a script may load them all.
for lib in common cluster api runners phases warmup timeline events capture floor pooling hostile diag; do
  # shellcheck source=/dev/null
  source "$BENCH_DIR/lib/$lib.sh"
done
unset lib
