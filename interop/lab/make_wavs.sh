# Makes the three WAV tracks of the burn scenarios in $SHARE/in: 44.1 kHz 16-bit stereo, made with sox; the last
# one is not a whole number of 2352-byte sectors, so the burner must pad it with zeros.
set -euo pipefail
cd "$SHARE/in"
sox -n -R -r 44100 -c 2 -b 16 t1.wav synth 5 sine 440 sine 660 vol 0.5
sox -n -R -r 44100 -c 2 -b 16 t2.wav synth 7 pinknoise vol 0.3
sox -n -R -r 44100 -c 2 -b 16 t3.wav synth 4.321 sine 300-3000 vol 0.5
ls -l
