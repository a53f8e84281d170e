import sys

from kehoach.synth.cli import run

sys.exit(run())
