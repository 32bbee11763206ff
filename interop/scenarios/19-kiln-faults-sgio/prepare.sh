bash "$ROOT/interop/lab/make_wavs.sh"
