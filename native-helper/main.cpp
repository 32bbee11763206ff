// `kiln`: burn audio CDs from the command line. All logic lives in kiln_helper (cli/run.h).
#include "native-helper/cli/run.h"

int main(int argc, char** argv) { return kiln::cli::run(argc, argv); }
